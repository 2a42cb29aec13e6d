namespace GovPortal.Content;

/// <summary>
/// 同时列于: a live article listed in another channel besides its own. It lives in its own channel (its address,
/// breadcrumb and files stay there) and appears in the other channel's lists, blocks, feed and sitemap as well: one
/// page, one address. Set by a publisher of both channels on the live article, like 置顶; kept while the article is
/// withdrawn, so that publishing it again lists it where it was.
/// </summary>
public sealed class AlsoListedIn
{
    public int ArticleId { get; set; }
    public int ChannelId { get; set; }

    /// <summary>The most channels one article is listed in besides its own.</summary>
    public const int MaxChannels = 10;
}
