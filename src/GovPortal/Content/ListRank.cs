namespace GovPortal.Content;

/// <summary>
/// The one order of every list of articles (channel pages, home and channel blocks, feeds): 置顶 first, then the
/// higher 权重, then the newest, then the higher id so that every list has exactly one order. The database reads
/// and the in-memory merges of the publisher both follow it, so the publish plan and the pages never disagree.
/// </summary>
public static class ListRank
{
    public const int MaxWeight = 99;

    public static IOrderedQueryable<Article> InListOrder(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.Pinned).ThenByDescending(a => a.Weight)
            .ThenByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id);
}
