using GovPortal.Citizens.Calendar;
using GovPortal.Disclosure;

namespace GovPortal.Interaction.Letters;

/// <summary>
/// A letter's reply deadline in working days (the mailbox's days for its kind, counted from the day after receipt,
/// as <see cref="WorkingDayCalendar.Deadline"/> counts), and the inspection's outer limit: no letter may stay
/// unanswered for more than three calendar months (单项否决 互动回应差).
/// </summary>
public static class LetterDeadlines
{
    public const int DueSoonDays = 2;
    public const int VetoMonths = 3;

    public static WorkingDate Due(Letter letter, WorkingDayCalendar calendar) =>
        calendar.Deadline(letter.ReceivedOn, Math.Clamp(letter.ReplyDays, 0, WorkingDayCalendar.MaxDays));

    /// <summary>Whether the letter still waits for an answer: not replied, not merged into another, not rejected.
    /// </summary>
    public static bool IsOpen(LetterStatus status) =>
        status is not (LetterStatus.Replied or LetterStatus.Merged or LetterStatus.Rejected);

    public static DeadlineState StateOn(Letter letter, WorkingDayCalendar calendar, DateOnly today)
    {
        if (!IsOpen(letter.Status)) return DeadlineState.NotRunning;
        if (Due(letter, calendar).Date is not { } due) return DeadlineState.Unknown;
        if (today > due) return DeadlineState.Overdue;
        var left = calendar.WorkingDaysBetween(today, due);
        return left is null ? DeadlineState.Unknown
            : left <= DueSoonDays ? DeadlineState.DueSoon
            : DeadlineState.OnTime;
    }

    /// <summary>The last day a letter may stay unanswered before the site fails the inspection: three calendar
    /// months after receipt (received 30 November, the limit is 28 or 29 February).</summary>
    public static DateOnly VetoLimit(Letter letter) => letter.ReceivedOn.AddMonths(VetoMonths);

    /// <summary>Open on <paramref name="today"/> and more than three calendar months after receipt.</summary>
    public static bool FailsVeto(Letter letter, DateOnly today) =>
        IsOpen(letter.Status) && today > VetoLimit(letter);

    public static string Label(DeadlineState state) => state switch
    {
        DeadlineState.Overdue => "已逾期",
        DeadlineState.DueSoon => $"{DueSoonDays} 个工作日内到期",
        DeadlineState.Unknown => "缺少工作日历，无法计算",
        DeadlineState.NotRunning => "",
        _ => "正常",
    };
}
