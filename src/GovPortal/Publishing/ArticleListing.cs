namespace GovPortal.Publishing;

/// <summary>What lists, feeds and sitemaps show of a published article.</summary>
public sealed record ArticleListing(
    int Id,
    int ChannelId,
    string Title,
    DateTime PublishedAtUtc,
    string Url,
    string Summary,
    DateTime UpdatedAtUtc)
{
    /// <summary>Newest first; ties broken by id so every list has one order.</summary>
    public static readonly Comparison<ArticleListing> NewestFirst = (a, b) =>
    {
        var byDate = b.PublishedAtUtc.CompareTo(a.PublishedAtUtc);
        return byDate != 0 ? byDate : b.Id.CompareTo(a.Id);
    };

    /// <summary>The part a list page or a block shows: a change elsewhere (summary, body) does not touch lists.</summary>
    public (int, string, DateTime, string) ListFace => (Id, Title, PublishedAtUtc, Url);

    /// <summary>The part a feed shows.</summary>
    public (int, string, DateTime, string, string) FeedFace => (Id, Title, PublishedAtUtc, Url, Summary);

    /// <summary>The part a sitemap shows: its modification time is written to the second.</summary>
    public (string, long) SitemapFace => (Url, UpdatedAtUtc.Ticks / TimeSpan.TicksPerSecond);
}
