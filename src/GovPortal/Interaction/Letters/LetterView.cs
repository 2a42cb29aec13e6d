using GovPortal.Citizens.Calendar;

namespace GovPortal.Interaction.Letters;

/// <summary>
/// What the writer of a letter sees on the lookup: its state in the citizen's words, the dates, what they wrote
/// (opened from the seal), and once replied the reply with the organisation and date, and their rating if given.
/// </summary>
public sealed record LetterView(string Number, string MailboxName, string KindLabel, string Status,
    DateOnly ReceivedOn, int ReplyDays, WorkingDate ReplyDue, string Subject, string Text,
    IReadOnlyList<string> AttachmentNames, string? Reply, string ReplyOrganisation, DateOnly? RepliedOn,
    string? Rating, string RatingComment, bool Merged)
{
    public bool Replied => Reply is not null;

    public bool CanRate => Replied && Rating is null;
}
