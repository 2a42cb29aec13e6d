using GovPortal.Content.Disclosure;

namespace GovPortal.Theme;

/// <summary>A published 政府信息公开工作年度报告 (/zfxxgk/nb/2025/).</summary>
public sealed record AnnualReportPageModel(SiteChrome Chrome, AnnualReportSnapshot Report,
    IReadOnlyList<LinkItem> Breadcrumb, string Path);

/// <summary>The list of published reports (/zfxxgk/nb/), newest year first.</summary>
public sealed record AnnualReportIndexPageModel(SiteChrome Chrome, IReadOnlyList<AnnualReportSnapshot> Reports,
    IReadOnlyList<LinkItem> Breadcrumb, string Path);
