using GovPortal.Content;
using GovPortal.Content.Consultations;

namespace GovPortal.Theme;

/// <summary>
/// One consultation (意见征集) as its public page shows it, with its state at the time the page was made. The draft
/// and the 反馈 are sanitized HTML from the back office; <see cref="Linked"/> is the live 信息公开 document or article
/// it belongs to, if any.
/// </summary>
public sealed record ConsultationView(int Id, string Title, string Summary, string DraftHtml, DateTime StartsAtUtc,
    DateTime EndsAtUtc, ConsultationState State, LinkItem? Linked, string FeedbackHtml,
    DateTime? FeedbackPublishedAtUtc)
{
    public string Url => ConsultationPeriod.PageUrl(Id);
    public string CommentFormUrl => ConsultationPeriod.CommentFormUrl(Id);
    public string StateLabel => ConsultationPeriod.Label(State);
    public string Period => $"{ChinaTimeText(StartsAtUtc)} 至 {ChinaTimeText(EndsAtUtc)}";

    private static string ChinaTimeText(DateTime utc) => ChinaTime.Format(utc);
}

/// <summary>The list of consultations (/hdjl/yjzj/), newest start first.</summary>
public sealed record ConsultationIndexPageModel(SiteChrome Chrome, IReadOnlyList<ConsultationView> Consultations,
    IReadOnlyList<LinkItem> Breadcrumb);

/// <summary>One consultation's page (/hdjl/yjzj/{id}.html).</summary>
public sealed record ConsultationPageModel(SiteChrome Chrome, ConsultationView Consultation,
    IReadOnlyList<LinkItem> Breadcrumb);
