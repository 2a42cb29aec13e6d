namespace GovPortal.Interaction.Consultations;

/// <summary>
/// A public consultation on a draft (意见征集): the draft and the period are public; comments are taken from
/// <see cref="StartsAtUtc"/> until <see cref="EndsAtUtc"/> (the form closes by itself, judged by the clock on every
/// request); afterwards staff publish a 反馈 (what was adopted, and why not).
/// </summary>
public sealed class Consultation
{
    public const int TitleMax = 200;

    public int Id { get; set; }
    public int SiteId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>What is consulted on and why, in a few sentences.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The draft as sanitized HTML (the back office's sanitizer is the only judge).</summary>
    public string DraftHtml { get; set; } = "";

    /// <summary>The 信息公开 document or article the draft belongs to, if any (an article id, no foreign key).</summary>
    public int? ArticleId { get; set; }

    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>The 反馈 as sanitized HTML; shown once <see cref="FeedbackPublishedAtUtc"/> is set.</summary>
    public string FeedbackHtml { get; set; } = "";

    public DateTime? FeedbackPublishedAtUtc { get; set; }
    public string FeedbackPublishedBy { get; set; } = "";

    /// <summary>When the page was republished as closed after the end time (null until then).</summary>
    public DateTime? ClosedPageAtUtc { get; set; }

    /// <summary>Raised by every change; a form from an older page is refused.</summary>
    public int Version { get; set; } = 1;
}
