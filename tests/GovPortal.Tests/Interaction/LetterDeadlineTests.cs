using GovPortal.Citizens.Calendar;
using GovPortal.Disclosure;
using GovPortal.Interaction.Letters;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// Letters' deadlines in working days over the 2026 calendar (weekends, the National Day week and its working
/// Saturday), the due-soon and overdue states, a missing year, and the three calendar months of the 单项否决.
/// </summary>
public sealed class LetterDeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = new([2026],
        StateCouncilHolidays.Defaults.Single(y => y.Number == 2026).Days);

    private static Letter Received(string day, int replyDays, LetterStatus status = LetterStatus.Assigned) => new()
    {
        Number = "XJ20260101-0001", ReceivedOn = DateOnly.Parse(day), ReplyDays = replyDays, Status = status,
    };

    [Theory]
    // Friday: counting starts Monday.
    [InlineData("2026-11-27", 5, "2026-12-04")]
    [InlineData("2026-11-27", 10, "2026-12-11")]
    // Tuesday before the National Day week: 9-30, then 10-8, 10-9, the working Saturday 10-10, Monday 10-12.
    [InlineData("2026-09-29", 5, "2026-10-12")]
    // Received on a holiday (Spring Festival): the first working day is 2-24.
    [InlineData("2026-02-16", 1, "2026-02-24")]
    // Received on a Saturday that is a working day (2-14): Sunday is rest, 2-15..23 are holidays.
    [InlineData("2026-02-14", 1, "2026-02-24")]
    public void The_due_date_counts_working_days_from_the_day_after_receipt(string received, int days, string due)
    {
        var letter = Received(received, days);
        Assert.Equal(DateOnly.Parse(due), LetterDeadlines.Due(letter, Calendar).Date);
    }

    [Fact]
    public void A_deadline_in_a_year_without_calendar_is_unknown_not_guessed()
    {
        var letter = Received("2026-12-28", 10);
        var due = LetterDeadlines.Due(letter, Calendar);
        Assert.Null(due.Date);
        Assert.Equal(2027, due.MissingYear);
        Assert.Equal(DeadlineState.Unknown, LetterDeadlines.StateOn(letter, Calendar, new DateOnly(2026, 12, 29)));
    }

    [Fact]
    public void A_letter_is_on_time_then_due_soon_then_overdue_and_not_running_once_answered()
    {
        var letter = Received("2026-11-27", 10); // due Friday 2026-12-11
        Assert.Equal(DeadlineState.OnTime, LetterDeadlines.StateOn(letter, Calendar, new DateOnly(2026, 12, 8)));
        Assert.Equal(DeadlineState.DueSoon, LetterDeadlines.StateOn(letter, Calendar, new DateOnly(2026, 12, 9)));
        Assert.Equal(DeadlineState.DueSoon, LetterDeadlines.StateOn(letter, Calendar, new DateOnly(2026, 12, 11)));
        Assert.Equal(DeadlineState.Overdue, LetterDeadlines.StateOn(letter, Calendar, new DateOnly(2026, 12, 12)));
        foreach (var done in new[] { LetterStatus.Replied, LetterStatus.Merged, LetterStatus.Rejected })
            Assert.Equal(DeadlineState.NotRunning,
                LetterDeadlines.StateOn(Received("2026-11-27", 10, done), Calendar, new DateOnly(2026, 12, 12)));
    }

    [Theory]
    [InlineData("2026-08-31", "2026-11-30")]
    [InlineData("2026-11-30", "2027-02-28")]
    [InlineData("2027-11-30", "2028-02-29")]
    [InlineData("2026-01-01", "2026-04-01")]
    public void The_veto_comes_the_day_after_three_calendar_months(string received, string limit)
    {
        var letter = Received(received, 10);
        var last = DateOnly.Parse(limit);
        Assert.Equal(last, LetterDeadlines.VetoLimit(letter));
        Assert.False(LetterDeadlines.FailsVeto(letter, last));
        Assert.True(LetterDeadlines.FailsVeto(letter, last.AddDays(1)));
        foreach (var status in new[] { LetterStatus.Replied, LetterStatus.Merged, LetterStatus.Rejected })
            Assert.False(LetterDeadlines.FailsVeto(Received(received, 10, status), last.AddDays(1)));
        foreach (var status in new[] { LetterStatus.Screening, LetterStatus.New, LetterStatus.Returned,
                     LetterStatus.AwaitingReview })
            Assert.True(LetterDeadlines.FailsVeto(Received(received, 10, status), last.AddDays(1)));
    }
}
