namespace GovPortal.Content;

/// <summary>
/// A news item, notice or document page as the public sees it (what the web team writes is in revisions).
/// </summary>
public sealed class Article : IArticleContent
{
    public int Id { get; set; }

    /// <summary>The site the article belongs to: always its channel's site.</summary>
    public int SiteId { get; set; }

    public int ChannelId { get; set; }
    public Channel? Channel { get; set; }

    /// <summary>The key of its <see cref="Kinds.ContentKind"/>.</summary>
    public string Kind { get; set; } = Kinds.NewsKind.Key;

    public required string Title { get; set; }
    public string Subtitle { get; set; } = "";
    public string Source { get; set; } = "";   // 来源
    public string Author { get; set; } = "";   // 作者 / 责任编辑 (byline)
    public string Summary { get; set; } = "";

    /// <summary>Sanitized HTML. Only <see cref="Safety.RichTextSanitizer"/> output may be stored here.</summary>
    public string BodyHtml { get; set; } = "";

    public Dictionary<string, string> Extras { get; set; } = [];

    public Disclosure.DisclosureFacts Disclosure { get; set; } = new();

    /// <summary>Publish time in UTC at minute precision; shown in China Standard Time.</summary>
    public DateTime PublishedAtUtc { get; set; }

    public ArticleStatus Status { get; set; }

    /// <summary>
    /// Site-relative address fixed at first publish; later renames of title or channel never change it.
    /// </summary>
    public string? Url { get; set; }

    public long HitCount { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<RelatedFile> RelatedFiles { get; set; } = [];
}
