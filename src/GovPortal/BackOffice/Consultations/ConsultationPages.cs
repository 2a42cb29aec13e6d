using GovPortal.Interaction.Consultations;

namespace GovPortal.BackOffice.Consultations;

public sealed record ConsultationListPageModel(Pages.Shell Shell, IReadOnlyList<ConsultationRow> Consultations);

/// <summary>
/// The edit page of a new (<see cref="Saved"/> null) or existing consultation: the form as saved or as typed, what to
/// fix by field, the articles found for the link, and for an existing one the 反馈 form.
/// </summary>
public sealed record ConsultationEditPageModel(Pages.Shell Shell, Consultation? Saved, ConsultationForm Form,
    int Version, IReadOnlyDictionary<string, string> Errors, string? Error, string Find,
    IReadOnlyList<ArticleChoice> Found, string Feedback, DateTime NowUtc)
{
    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);
}

public sealed record ConsultationCommentsPageModel(Pages.Shell Shell, Consultation Consultation,
    IReadOnlyList<CommentRow> Comments);
