namespace GovPortal.Citizens.Calendar;

/// <summary>
/// One day that differs from the plain week: a rest day on a weekday (a public holiday or its 调休 days) or a
/// working day on a Saturday or Sunday (调休上班). Every other day of a known year is a working day from Monday to
/// Friday and a rest day on the weekend.
/// </summary>
public sealed class CalendarDay
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>True for a 调休 working Saturday or Sunday, false for a rest day.</summary>
    public bool IsWorkingDay { get; set; }

    /// <summary>What the day is, as the notice names it: 国庆节, 春节, 调休上班 …</summary>
    public string Name { get; set; } = "";
}

/// <summary>
/// A year whose days an administrator has entered from the State Council's notice. Only a year with this row is
/// counted: a deadline in a year without one is reported, never guessed from weekends alone.
/// </summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    /// <summary>The notice the days come from, e.g. 国办发明电〔2024〕12号.</summary>
    public string Source { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>
/// A day one site keeps on top of the platform's calendar, for its own deadlines only: a local holiday that the
/// law lets a 民族自治地方 set for the offices there (广西 三月三, 西藏 藏历新年, 新疆 古尔邦节), or a 调休 working
/// Saturday or Sunday of its own. The site's entry for a date wins over the platform's; it never makes a year known.
/// </summary>
public sealed class SiteCalendarDay
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>True for a 调休 working Saturday or Sunday, false for a rest day.</summary>
    public bool IsWorkingDay { get; set; }

    /// <summary>What the day is: 三月三, 藏历新年, 调休上班 …</summary>
    public string Name { get; set; } = "";
}
