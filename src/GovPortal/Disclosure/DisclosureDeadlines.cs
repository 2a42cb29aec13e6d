using GovPortal.Citizens.Calendar;

namespace GovPortal.Disclosure;

/// <summary>Where an application stands against its deadlines on a given day.</summary>
public enum DeadlineState
{
    /// <summary>Answered, or waiting for the applicant's 补正 (the clock stops).</summary>
    NotRunning,
    OnTime,
    DueSoon,
    Overdue,

    /// <summary>The calendar lacks a year the count needs: reported, never guessed.</summary>
    Unknown,
}

/// <summary>
/// The deadlines of 《政府信息公开条例》 in working days: the answer within 20 working days from the day after
/// receipt (or after the 补正 arrived), extended once by at most 20; a 补正 asked within 7 working days of receipt.
/// </summary>
public static class DisclosureDeadlines
{
    public const int AnswerDays = 20;
    public const int MaxExtensionDays = 20;
    public const int CorrectionWindowDays = 7;
    public const int DueSoonDays = 5;

    public static WorkingDate AnswerDue(DisclosureApplication application, WorkingDayCalendar calendar) =>
        calendar.Deadline(application.ClockStartsOn, AnswerDays + application.ExtensionDays);

    /// <summary>The due date without the extension: what the extension is added to.</summary>
    public static WorkingDate OriginalDue(DisclosureApplication application, WorkingDayCalendar calendar) =>
        calendar.Deadline(application.ClockStartsOn, AnswerDays);

    public static WorkingDate CorrectionDeadline(DisclosureApplication application, WorkingDayCalendar calendar) =>
        calendar.Deadline(application.ReceivedOn, CorrectionWindowDays);

    public static DeadlineState StateOn(DisclosureApplication application, WorkingDayCalendar calendar,
        DateOnly today)
    {
        if (application.Status is DisclosureStatus.Answered or DisclosureStatus.AwaitingCorrection)
            return DeadlineState.NotRunning;
        if (AnswerDue(application, calendar).Date is not { } due) return DeadlineState.Unknown;
        if (today > due) return DeadlineState.Overdue;
        var left = calendar.WorkingDaysBetween(today, due);
        return left is null ? DeadlineState.Unknown
            : left <= DueSoonDays ? DeadlineState.DueSoon
            : DeadlineState.OnTime;
    }

    public static string Label(DeadlineState state) => state switch
    {
        DeadlineState.Overdue => "已逾期",
        DeadlineState.DueSoon => $"{DueSoonDays} 个工作日内到期",
        DeadlineState.Unknown => "缺少工作日历，无法计算",
        DeadlineState.NotRunning => "",
        _ => "正常",
    };
}
