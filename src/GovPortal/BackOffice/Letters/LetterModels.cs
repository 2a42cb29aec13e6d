using GovPortal.Disclosure;
using GovPortal.Interaction.Letters;

namespace GovPortal.BackOffice.Letters;

/// <summary>The trays of the letters' list (信件办理).</summary>
public enum LetterTray
{
    Screening,
    Dispatch,
    Handling,
    Review,
    Replied,
    Overdue,
    Merged,
    Rejected,
}

public static class LetterTrays
{
    public static string Label(LetterTray tray) => tray switch
    {
        LetterTray.Screening => "待甄别",
        LetterTray.Dispatch => "待分办",
        LetterTray.Handling => "办理中",
        LetterTray.Review => "待审核",
        LetterTray.Replied => "已答复",
        LetterTray.Overdue => "已逾期",
        LetterTray.Merged => "已合并",
        LetterTray.Rejected => "不予受理",
        _ => tray.ToString(),
    };

    public static string Code(LetterTray tray) => tray.ToString().ToLowerInvariant();

    public static LetterTray? Parse(string? code) =>
        Enum.GetValues<LetterTray>().Select(t => (LetterTray?)t).FirstOrDefault(t => Code(t!.Value) == code);

    public static bool Holds(LetterTray tray, Letter letter, DeadlineState deadline) => tray switch
    {
        LetterTray.Screening => letter.Status == LetterStatus.Screening,
        LetterTray.Dispatch => letter.Status is LetterStatus.New or LetterStatus.Returned,
        LetterTray.Handling => letter.Status == LetterStatus.Assigned,
        LetterTray.Review => letter.Status == LetterStatus.AwaitingReview,
        LetterTray.Replied => letter.Status == LetterStatus.Replied,
        LetterTray.Overdue => deadline == DeadlineState.Overdue,
        LetterTray.Merged => letter.Status == LetterStatus.Merged,
        LetterTray.Rejected => letter.Status == LetterStatus.Rejected,
        _ => false,
    };
}

/// <summary>What the citizen wrote, as this person may see it: in clear, or masked.</summary>
public sealed record LetterShown(bool Clear, string Subject, string Text, string Name, string Mobile, string Email);

/// <summary>One letter in a list.</summary>
public sealed record LetterRow(int Id, string Number, string Mailbox, string Kind, DateOnly ReceivedOn,
    string Subject, LetterStatus Status, string Organisation, string Due, DeadlineState Deadline, string Note);

public sealed record OrganisationChoice(int Id, string Name, bool HasHandler);

public sealed record AttachmentShown(int Id, string FileName, long Length);

/// <summary>One letter with everything its page shows and which steps this person may take.</summary>
public sealed record LetterDetail(Letter Letter, LetterShown Shown, string Mailbox, string Organisation, string Due,
    DeadlineState Deadline, string VetoLimit, IReadOnlyList<AttachmentShown> Attachments,
    IReadOnlyList<OrganisationChoice> Organisations, string MergedInto, IReadOnlyList<string> MergedFrom,
    string RatingComment, bool MayDispatch, bool MayHandle, bool MayReview);

/// <summary>What the 工作台 shows of letters for the person's duties.</summary>
public sealed record LetterDashboard(bool Shown, IReadOnlyList<LetterRow> Overdue, IReadOnlyList<LetterRow> DueSoon,
    int Screening, int Dispatch, int Handling, int Review);
