using GovPortal.Content.Consultations;
using GovPortal.Theme;

namespace GovPortal.Interaction.Consultations.Public;

/// <summary>The consultation a comment form belongs to, as the form page shows it.</summary>
public sealed record CommentTarget(int Id, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc,
    ConsultationState State)
{
    public static CommentTarget Of(Consultation consultation, DateTime nowUtc) => new(consultation.Id,
        consultation.Title, consultation.StartsAtUtc, consultation.EndsAtUtc,
        ConsultationPeriod.StateAt(consultation.StartsAtUtc, consultation.EndsAtUtc,
            consultation.FeedbackPublishedAtUtc, nowUtc));

    public bool IsOpen => State == ConsultationState.Open;
    public string PageUrl => ConsultationPeriod.PageUrl(Id);
    public string FormUrl => ConsultationPeriod.CommentFormUrl(Id);
}

/// <summary>
/// The comment form, empty or as typed with what to fix. When the consultation is not open the page says so; after a
/// refused post the typed text is still shown (read-only) so nothing is lost.
/// </summary>
public sealed record CommentFormPageModel(SiteChrome Chrome, string Token, CommentTarget Target, CommentForm Form,
    IReadOnlyDictionary<string, string> Errors, string? Message = null)
{
    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>The receipt, shown once after the comment was committed.</summary>
public sealed record CommentReceiptPageModel(SiteChrome Chrome, CommentReceipt Receipt, CommentTarget Target);

/// <summary>The lookup by 意见编号 and 查询码, and what it found.</summary>
public sealed record CommentLookupPageModel(SiteChrome Chrome, string Token, string Number, CommentFound? Found,
    string? Message, bool MessageIsError);
