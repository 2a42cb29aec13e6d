namespace GovPortal.Publishing;

/// <summary>The sizes that decide which articles a page shows, shared by the planner and the renderer.</summary>
public static class SiteLayoutRules
{
    public const int ListPageSize = 20;

    /// <summary>Articles in a channel block on the home page and on a parent channel's page.</summary>
    public const int BlockSize = 8;

    public const int FeedSize = 20;

    public static int PageCount(int articles) => Math.Max(1, (articles + ListPageSize - 1) / ListPageSize);
}
