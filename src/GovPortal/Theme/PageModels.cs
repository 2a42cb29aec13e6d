using GovPortal.Content;

namespace GovPortal.Theme;

/// <summary>
/// What every public page shows around its content: site facts, navigation and theme asset addresses.
/// </summary>
public sealed record SiteChrome(Site Site, IReadOnlyList<LinkItem> Navigation, string StylesheetUrl, string ScriptUrl);

public sealed record LinkItem(string Text, string Url);

/// <summary>
/// One line of a list: title, address and date (YYYY-MM-DD), the title's 颜色/加粗 classes and whether it is 置顶.
/// </summary>
/// <param name="Thumbnail">The address of the 题图's thumbnail, or "" for a line without a picture.</param>
/// <param name="Summary">Shown only in a list of <see cref="Content.ListStyle.Summaries"/>; "" elsewhere.</param>
public sealed record ListItem(string Title, string Url, string Date, DateTime PublishedAtUtc, string TitleClass = "",
    bool Pinned = false, string Thumbnail = "", string Summary = "");

public sealed record ChannelBlock(string Name, string Url, IReadOnlyList<ListItem> Items);

public sealed record Pagination(int Page, int PageCount, string FirstPageUrl, string PagePattern)
{
    /// <summary>Page 1 is the channel's index.html; page n is index_n.html.</summary>
    public string UrlOf(int page) =>
        page <= 1 ? FirstPageUrl : string.Format(System.Globalization.CultureInfo.InvariantCulture, PagePattern, page);
}

public sealed record AttachmentLink(string Name, string Url, string TypeLabel, string SizeLabel);

/// <param name="Rows">The blocks of the home page in the order staff chose (首页布局).</param>
/// <param name="Preview">Set only when staff preview a layout before publishing it.</param>
public sealed record HomePageModel(SiteChrome Chrome, IReadOnlyList<HomeRow> Rows, PreviewBanner? Preview = null);

/// <summary>
/// One row of the home page: the 焦点图 or a 专题 banner across the page, or channel and link blocks side by side (as
/// many to a row as the screen has room for). Exactly one of the three is set.
/// </summary>
public sealed record HomeRow(IReadOnlyList<FocusSlide>? Focus = null, HomeTopicBlock? Topic = null,
    IReadOnlyList<HomeGridBlock>? Grid = null);

/// <summary>A 专题 on the home page: its banner (published with the 专题's own page), name and introduction.</summary>
public sealed record HomeTopicBlock(string Name, string Url, TopicBanner Banner);

/// <summary>A block of the home page's grid: a channel's newest articles, or a titled list of links.</summary>
public sealed record HomeGridBlock(ChannelBlock? Channel = null, HomeLinksBlock? Links = null);

public sealed record HomeLinksBlock(string Title, IReadOnlyList<LinkItem> Links);

/// <summary>
/// One slide of the home page's 焦点图: the article's 题图 (its size, and its smaller copies for <c>srcset</c>) and
/// title, which is also the picture's 替代文字.
/// </summary>
public sealed record FocusSlide(string Title, string Url, string Src, string Srcset, int Width, int Height);

/// <summary>One line of the 网站地图, with the channels under it.</summary>
public sealed record SiteMapEntry(string Name, string Url, IReadOnlyList<SiteMapEntry> Children);

/// <param name="UpdatedAtUtc">When the site's own wording was saved; null for the default wording.</param>
public sealed record StatementPageModel(SiteChrome Chrome, string Title, string Path, string BodyHtml,
    DateTime? UpdatedAtUtc);

public sealed record SiteMapPageModel(SiteChrome Chrome, IReadOnlyList<SiteMapEntry> Entries);

/// <param name="Style">How <paramref name="Items"/> are shown.</param>
/// <param name="ChildLinks">Sub-channels of type 外链: links, not blocks.</param>
/// <param name="Banner">A 专题's banner and introduction, on its first page; null elsewhere.</param>
public sealed record ChannelPageModel(
    SiteChrome Chrome,
    string ChannelName,
    IReadOnlyList<LinkItem> Breadcrumb,
    IReadOnlyList<ChannelBlock> ChildBlocks,
    IReadOnlyList<ListItem> Items,
    bool HoldsArticles,
    Pagination Pagination,
    string FeedUrl,
    ListStyle Style = ListStyle.Titles,
    IReadOnlyList<LinkItem>? ChildLinks = null,
    TopicBanner? Banner = null);

/// <summary>
/// The head of a 专题: its picture (with smaller copies for <c>srcset</c>) and 替代文字, or none, and its
/// introduction.
/// </summary>
public sealed record TopicBanner(string Src, string Srcset, string Alt, int Width, int Height, string Introduction);

/// <summary>
/// A 单页 channel's page: its first article's body in full under the channel's name, or nothing yet.
/// </summary>
/// <param name="BodyHtml">Empty when the channel has no published article.</param>
public sealed record SinglePageModel(SiteChrome Chrome, string ChannelName, string Path,
    IReadOnlyList<LinkItem> Breadcrumb, string BodyHtml, IReadOnlyList<AttachmentLink> Attachments,
    DateTime? UpdatedAtUtc);

/// <summary>A field the content's kind shows in the page's table of facts (文号, 索引号 …).</summary>
public sealed record PageFact(string Label, string Value);

/// <summary>
/// The line above a page that staff preview: what they are looking at and the way back. Never published.
/// </summary>
/// <summary>The notice above a page staff preview, and the way back to where they came from.</summary>
public sealed record PreviewBanner(string Text, string BackUrl, string BackLabel = "返回文章");

public sealed record ArticlePageModel(
    SiteChrome Chrome,
    int ArticleId,
    IReadOnlyList<LinkItem> Breadcrumb,
    string Title,
    string Subtitle,
    string Source,
    string Author,
    DateTime PublishedAtUtc,
    string BodyHtml,
    IReadOnlyList<PageFact> Facts,
    IReadOnlyList<AttachmentLink> Attachments,
    string AbsoluteUrl,
    string QrCodeSvg,
    string Path,
    PreviewBanner? Preview = null,
    DisclosureNotes? Disclosure = null,
    ArticleByline? Byline = null);

/// <summary>
/// The news fields around the title and at the end of the body: 引题 above the title, its 颜色/加粗 classes,
/// 摄影 and 责任编辑, and the 关键词 of the page's keywords tag.
/// </summary>
public sealed record ArticleByline(string Kicker, string TitleClass, string Photographer, string EditorInCharge,
    string Keywords, string SourceUrl = "");

/// <summary>
/// The links of a 信息公开 page: a document's 有效性 notice with its 现行文件, the documents it replaced and its
/// 【相关解读】; an interpretation's 【政策原文】.
/// </summary>
/// <param name="ValidityNotice">e.g. "本文件已于 2024年3月1日 废止", or null while the document is in force.</param>
/// <param name="Current">The document that replaces this one (现行文件).</param>
/// <param name="Replaced">Documents this one replaced, each with what became of it (e.g. "2024年3月1日废止").</param>
/// <param name="Interpretations">Interpretations of this policy, each with its type as the second text.</param>
/// <param name="Policy">For an interpretation: the policy document it interprets.</param>
public sealed record DisclosureNotes(
    string? ValidityNotice,
    LinkItem? Current,
    IReadOnlyList<(LinkItem Link, string Note)> Replaced,
    IReadOnlyList<(LinkItem Link, string Type)> Interpretations,
    LinkItem? Policy);

public sealed record NoticePageModel(SiteChrome Chrome, string Title, IReadOnlyList<string> Paragraphs, string Path);
