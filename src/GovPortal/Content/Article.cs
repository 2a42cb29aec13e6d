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
    public string TitleColour { get; set; } = "";
    public bool TitleBold { get; set; }
    public string LinkUrl { get; set; } = "";
    public string LeadImage { get; set; } = "";
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

    /// <summary>
    /// 置顶: listed above every article that is not pinned, in its channel's lists and in the blocks and feeds that
    /// show them. Set by a publisher on the live article (not part of its revisions); see <see cref="ListRank"/>.
    /// </summary>
    public bool Pinned { get; set; }

    /// <summary>When the pin ends by itself (UTC, minute precision); null: pinned until unpinned by hand.</summary>
    public DateTime? PinEndsAtUtc { get; set; }

    /// <summary>
    /// 权重 (0–99): among pinned articles, and among the others, a higher weight is listed first; equal weights
    /// list the newest first.
    /// </summary>
    public int Weight { get; set; }

    /// <summary>
    /// 焦点图: shown in the home page's slideshow with its 题图, set by a publisher on the live article (in list order,
    /// at most <c>FocusReader.MaxSlides</c>). An article without a 题图, or an 外链, is not shown.
    /// </summary>
    public bool Featured { get; set; }

    /// <summary>
    /// 定时下线: when the live article leaves the site by itself (UTC, minute precision); null when none is set. A
    /// withdrawal, by hand or by this time, clears it.
    /// </summary>
    public DateTime? WithdrawAtUtc { get; set; }

    /// <summary>The reason given with <see cref="WithdrawAtUtc"/>, audited when the article is withdrawn.</summary>
    public string WithdrawReason { get; set; } = "";

    /// <summary>The account that set <see cref="WithdrawAtUtc"/>.</summary>
    public string WithdrawSetBy { get; set; } = "";

    /// <summary>
    /// When the article was moved to the 回收站 (a draft never published, or a withdrawn article); null while it is
    /// not there. Queries do not see it while it is set (a query filter), and it is gone for good
    /// <see cref="TrashRules.KeptDays"/> days later.
    /// </summary>
    public DateTime? DeletedAtUtc { get; set; }

    /// <summary>The account that moved it to the 回收站.</summary>
    public string DeletedBy { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }

    public List<RelatedFile> RelatedFiles { get; set; } = [];

    /// <summary>The other channels whose lists show the article too (<see cref="Content.AlsoListedIn"/>).</summary>
    public List<AlsoListedIn> AlsoListedIn { get; set; } = [];
}
