using GovPortal.Content;
using GovPortal.Publishing.Rendering;
using GovPortal.Theme;

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

    /// <summary>
    /// The line a list page or a block shows: the very record its template receives, so the publish plan, which
    /// compares these, and the page can never disagree. A change elsewhere (summary, body) does not touch lists.
    /// </summary>
    public ListItem ListFace => new(Title, Url, ChinaTime.FormatDate(PublishedAtUtc), PublishedAtUtc);

    /// <summary>The item a feed shows: the record the feed writer receives.</summary>
    public FeedItem FeedFace => new(Title, Url, PublishedAtUtc, Summary);

    /// <summary>The part a sitemap shows: its modification time is written to the second.</summary>
    public (string, long) SitemapFace => (Url, UpdatedAtUtc.Ticks / TimeSpan.TicksPerSecond);
}
