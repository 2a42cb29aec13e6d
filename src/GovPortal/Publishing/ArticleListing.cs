using GovPortal.Content;
using GovPortal.Content.Uploads;
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
    DateTime UpdatedAtUtc,
    bool Pinned = false,
    int Weight = 0,
    string TitleClass = "",
    string LinkUrl = "",
    string LeadImage = "")
{
    /// <summary>The order of <see cref="ListRank"/>: pinned, weight, newest, id.</summary>
    public static readonly Comparison<ArticleListing> ListOrder = (a, b) =>
    {
        if (a.Pinned != b.Pinned) return a.Pinned ? -1 : 1;
        if (a.Weight != b.Weight) return b.Weight.CompareTo(a.Weight);
        var byDate = b.PublishedAtUtc.CompareTo(a.PublishedAtUtc);
        return byDate != 0 ? byDate : b.Id.CompareTo(a.Id);
    };

    public static ArticleListing Of(Article article, string summary) =>
        new(article.Id, article.ChannelId, article.Title, article.PublishedAtUtc, article.Url!, summary,
            article.UpdatedAtUtc, article.Pinned, article.Weight,
            TitleLook.ClassOf(article.TitleColour, article.TitleBold), article.LinkUrl, article.LeadImage);

    /// <summary>
    /// The line a list page or a block shows: the very record its template receives, so the publish plan, which
    /// compares these, and the page can never disagree. A change elsewhere (summary, body) does not touch lists.
    /// An 外链 has no page, so its pictures are not published: its line has no thumbnail.
    /// </summary>
    public ListItem ListFace => new(Title, ExternalLinks.Target(Url, LinkUrl), ChinaTime.FormatDate(PublishedAtUtc),
        PublishedAtUtc, TitleClass, Pinned, LinkUrl.Length > 0 ? "" : ArticlePictures.Thumbnail(LeadImage));

    /// <summary>
    /// The line a channel's own list page shows in its <see cref="ListStyle"/>: with the summary when the channel
    /// shows summaries (its own list then carries them, see <see cref="ListingReader.OwnListAsync"/>).
    /// </summary>
    public ListItem FaceIn(ListStyle style) =>
        style == ListStyle.Summaries ? ListFace with { Summary = Summary } : ListFace;

    /// <summary>The item a feed shows: the record the feed writer receives.</summary>
    public FeedItem FeedFace => new(Title, ExternalLinks.Target(Url, LinkUrl), PublishedAtUtc, Summary);

    /// <summary>
    /// The part a sitemap shows: its modification time is written to the second. An 外链 has no page, so no entry.
    /// </summary>
    public (string, long) SitemapFace =>
        (LinkUrl.Length > 0 ? "" : Url, LinkUrl.Length > 0 ? 0 : UpdatedAtUtc.Ticks / TimeSpan.TicksPerSecond);
}
