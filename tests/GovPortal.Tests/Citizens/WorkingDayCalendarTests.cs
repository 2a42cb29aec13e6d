using GovPortal.Citizens.Calendar;

namespace GovPortal.Tests.Citizens;

/// <summary>
/// Working-day arithmetic on the State Council's 2025 and 2026 arrangements, against dates counted by hand on a
/// printed calendar (each case says how).
/// </summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(
        StateCouncilHolidays.Defaults.Select(y => y.Number),
        StateCouncilHolidays.Defaults.SelectMany(y => y.Days));

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_sites_own_days_win_over_the_platforms_and_never_make_a_year_known()
    {
        var site = new WorkingDayCalendar(StateCouncilHolidays.Defaults.Select(y => y.Number),
            StateCouncilHolidays.Defaults.SelectMany(y => y.Days),
            [
                new SiteCalendarDay { Date = D("2025-03-31"), Name = "壮族三月三" }, // a Monday
                new SiteCalendarDay { Date = D("2025-04-01"), Name = "壮族三月三" },
                // A Sunday of the platform's 清明 holiday, worked on this site.
                new SiteCalendarDay { Date = D("2025-04-06"), IsWorkingDay = true, Name = "调休上班" },
                new SiteCalendarDay { Date = D("2030-03-04"), Name = "本地节日" },
            ]);

        Assert.False(site.IsWorkingDay(D("2025-03-31")));
        Assert.True(site.IsWorkingDay(D("2025-04-06")));
        Assert.True(Calendar.IsWorkingDay(D("2025-03-31")));
        Assert.False(Calendar.IsWorkingDay(D("2025-04-06")));
        Assert.False(site.Knows(2030));
        Assert.Null(site.IsWorkingDay(D("2030-03-04")));
        // Received Friday 3-28. Platform: 3-31, 4-01, 4-02, 4-03, (清明 4-04…4-06) 4-07. Site: 4-02, 4-03, 4-06 (the
        // worked Sunday), 4-07, 4-08.
        Assert.Equal(D("2025-04-07"), Calendar.Deadline(D("2025-03-28"), 5).Date);
        Assert.Equal(D("2025-04-08"), site.Deadline(D("2025-03-28"), 5).Date);
    }

    [Theory]
    [InlineData("2025-10-01", false)] // 国庆节
    [InlineData("2025-10-06", false)] // 中秋节 falls inside 国庆 in 2025
    [InlineData("2025-10-08", false)] // the eighth day of the merged holiday, a Wednesday
    [InlineData("2025-09-28", true)]  // a Sunday worked (调休)
    [InlineData("2025-10-11", true)]  // a Saturday worked (调休)
    [InlineData("2025-10-12", false)] // an ordinary Sunday
    [InlineData("2025-01-26", true)]  // 春节 调休 Sunday
    [InlineData("2025-02-04", false)] // 春节, a Tuesday
    [InlineData("2026-02-14", true)]  // 2026 春节 调休 Saturday
    [InlineData("2026-02-23", false)] // 2026 春节, a Monday
    [InlineData("2026-09-25", false)] // 2026 中秋节, a Friday
    [InlineData("2026-10-08", true)]  // the Thursday after 2026 国庆
    [InlineData("2026-01-04", true)]  // 2026 元旦 调休 Sunday
    public void Days_follow_the_notice(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(D(date)));

    [Theory]
    // Received the day before 国庆 2025: 10-09, 10-10, 10-11 (调休 Sat), 10-13…10-17, 10-20…10-24, 10-27…10-31,
    // 11-03, 11-04 is the 20th.
    [InlineData("2025-09-30", 20, "2025-11-04")]
    // 9-28 (调休 Sun), 9-29, 9-30, 10-09, 10-10, 10-11 (调休 Sat), 10-13: the 7th working day for a 补正.
    [InlineData("2025-09-26", 7, "2025-10-13")]
    // 春节 2025: 1-26 (调休 Sun), 1-27, then 2-05, 2-06, 2-07, 2-08 (调休 Sat), 2-10.
    [InlineData("2025-01-24", 7, "2025-02-10")]
    [InlineData("2025-01-24", 20, "2025-02-27")]
    // 春节 2026: 2-14 (调休 Sat), 2-24, 2-25, 2-26, 2-27, 2-28 (调休 Sat), 3-02.
    [InlineData("2026-02-13", 7, "2026-03-02")]
    // 国庆 2026 with 中秋 on 9-25: 9-20 (调休 Sun), 9-21…9-24, 9-28…9-30, 10-08, 10-09, 10-10 (调休 Sat),
    // 10-12…10-16, 10-19…10-22 is the 20th.
    [InlineData("2026-09-18", 20, "2026-10-22")]
    // An ordinary week: a Monday receipt, due on the Monday four weeks later.
    [InlineData("2025-03-03", 20, "2025-03-31")]
    // The extended period: 40 working days from the day after 国庆 2025's eve.
    [InlineData("2025-09-30", 40, "2025-12-02")]
    public void Deadlines_count_from_the_day_after(string received, int days, string due) =>
        Assert.Equal(D(due), Calendar.Deadline(D(received), days).Date);

    [Fact]
    public void Working_days_between_skip_holidays_and_count_adjusted_weekends()
    {
        Assert.Equal(2, Calendar.WorkingDaysBetween(D("2025-09-30"), D("2025-10-10")));
        Assert.Equal(3, Calendar.WorkingDaysBetween(D("2025-09-30"), D("2025-10-11")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2025-10-01"), D("2025-10-08")));
        Assert.Equal(-2, Calendar.WorkingDaysBetween(D("2025-10-10"), D("2025-09-30")));
        Assert.Equal(20, Calendar.WorkingDaysBetween(D("2025-09-30"), D("2025-11-04")));
    }

    [Fact]
    public void A_deadline_in_a_year_without_a_calendar_is_reported_never_guessed()
    {
        // 12-21…12-25 and 12-28…12-31 are nine working days; the tenth would be in 2027.
        var due = Calendar.Deadline(D("2026-12-20"), 20);
        Assert.Null(due.Date);
        Assert.Equal(2027, due.MissingYear);
        Assert.Contains("缺少 2027 年的工作日历", due.Display);
        Assert.Null(Calendar.IsWorkingDay(D("2027-01-04")));
        Assert.Null(Calendar.WorkingDaysBetween(D("2026-12-30"), D("2027-01-05")));
        Assert.Equal(D("2026-12-31"), Calendar.Deadline(D("2026-12-20"), 9).Date);
    }

    [Fact]
    public void The_days_an_administrator_types_are_checked_line_by_line()
    {
        var (days, errors) = WorkingCalendarStore.Parse(2027,
            "2027-01-01 休 元旦\n\n2027-02-06 班\n2026-10-01 休 国庆节\n2027-13-01 休\n2027-01-05 班 调休\n2027-01-01 休 重复\n" +
            "2027-03-01 放 假");
        Assert.Equal([D("2027-01-01"), D("2027-02-06")], days.Select(d => d.Date));
        Assert.True(days[1].IsWorkingDay);
        Assert.Equal("调休上班", days[1].Name);
        Assert.Equal(5, errors.Count);
        Assert.Contains("第 4 行：2026-10-01 不在 2027 年。", errors);
        Assert.Contains("第 5 行：日期应写成 2025-10-01 这样的格式。", errors);
        Assert.Contains("第 6 行：2027-01-05 是工作日，只有周六、周日才需要标为“班”。", errors);
        Assert.Contains("第 7 行：2027-01-01 重复出现。", errors);
        Assert.Contains("第 8 行：日期后应写“休”（放假）或“班”（调休上班）。", errors);
    }

    [Fact]
    public void The_shipped_arrangements_round_trip_through_the_text_form()
    {
        foreach (var year in StateCouncilHolidays.Defaults)
        {
            var (days, errors) = WorkingCalendarStore.Parse(year.Number, WorkingCalendarStore.Format(year.Days));
            Assert.Empty(errors);
            Assert.Equal(year.Days.OrderBy(d => d.Date).Select(d => (d.Date, d.IsWorkingDay, d.Name)),
                days.Select(d => (d.Date, d.IsWorkingDay, d.Name)));
        }
    }
}
