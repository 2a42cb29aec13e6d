namespace GovPortal.Theme;

/// <summary>
/// The 政府信息公开 section's home (/zfxxgk/): the guide, the rules, the channels of 法定主动公开内容, the catalogue,
/// the annual reports and the application form.
/// </summary>
/// <param name="Guide">The channel holding the 政府信息公开指南, or null while the site has marked none.</param>
/// <param name="Rules">The channel holding the 政府信息公开制度, or null.</param>
public sealed record DisclosureHomePageModel(
    SiteChrome Chrome,
    IReadOnlyList<LinkItem> Breadcrumb,
    LinkItem? Guide,
    LinkItem? Rules,
    IReadOnlyList<LinkItem> Statutory,
    string CatalogueUrl,
    string AnnualReportsUrl,
    string ApplicationUrl);

/// <summary>One row of the 政府信息公开目录.</summary>
/// <param name="OutOfForce">已废止 or 已失效: the row is marked, in words as well as by its look.</param>
public sealed record CatalogueEntry(
    string IndexNumber,
    string Title,
    string Url,
    string DocumentNumber,
    string ReleasedOn,
    string Validity,
    bool OutOfForce);

/// <summary>A 主题分类 or 发布机构 the catalogue is browsed by, with the number of its documents.</summary>
public sealed record CatalogueGroupLink(string Name, string Url, int Count);

/// <summary>
/// A page of the 政府信息公开目录: every document, or those of one 主题分类 or 发布机构, 20 to a page.
/// </summary>
/// <param name="Heading">The page's heading, e.g. 政府信息公开目录 or 主题分类：综合政务.</param>
/// <param name="Total">How many documents the list holds (all its pages).</param>
/// <param name="Topics">On the catalogue's first page: every topic with its count; elsewhere empty.</param>
/// <param name="Organisations">On the catalogue's first page: every organisation with its count.</param>
public sealed record CataloguePageModel(
    SiteChrome Chrome,
    IReadOnlyList<LinkItem> Breadcrumb,
    string Heading,
    IReadOnlyList<CatalogueEntry> Rows,
    int Total,
    Pagination Pagination,
    IReadOnlyList<CatalogueGroupLink> Topics,
    IReadOnlyList<CatalogueGroupLink> Organisations,
    string CatalogueUrl);
