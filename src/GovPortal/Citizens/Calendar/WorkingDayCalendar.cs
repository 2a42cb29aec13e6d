namespace GovPortal.Citizens.Calendar;

/// <summary>A date found by counting working days, or the year whose calendar is missing to count it.</summary>
public readonly record struct WorkingDate(DateOnly? Date, int? MissingYear)
{
    public bool IsKnown => Date is not null;

    public static WorkingDate Of(DateOnly date) => new(date, null);

    public static WorkingDate Missing(int year) => new(null, year);

    /// <summary>The date as the portal shows it, or why it cannot be given.</summary>
    public string Display =>
        Date is { } date
            ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : $"无法计算（缺少 {MissingYear} 年的工作日历）";
}

/// <summary>
/// Working-day arithmetic over the years an administrator entered (see <see cref="CalendarYear"/>), with a site's
/// own days on top when it has any. Counting starts on the day after the given date, as 《政府信息公开条例》 counts
/// its periods ("20 working days from receipt" ends on the 20th working day after the day of receipt).
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The furthest any count may run, so that a hostile number cannot make a loop endless.</summary>
    public const int MaxDays = 1000;

    private readonly HashSet<int> _years;
    private readonly Dictionary<DateOnly, bool> _exceptions;

    /// <param name="years">The years the platform entered: only these are counted.</param>
    /// <param name="days">The platform's rest days and 调休 working days.</param>
    /// <param name="siteDays">A site's own days (<see cref="SiteCalendarDay"/>): each replaces the platform's entry
    /// for its date, and none makes its year known.</param>
    public WorkingDayCalendar(IEnumerable<int> years, IEnumerable<CalendarDay> days,
        IEnumerable<SiteCalendarDay>? siteDays = null)
    {
        _years = years.ToHashSet();
        _exceptions = new Dictionary<DateOnly, bool>();
        foreach (var day in days) _exceptions[day.Date] = day.IsWorkingDay;
        foreach (var day in siteDays ?? []) _exceptions[day.Date] = day.IsWorkingDay;
    }

    public IReadOnlySet<int> Years => _years;

    public bool Knows(int year) => _years.Contains(year);

    /// <summary>Whether the day is a working day, or null when its year has no calendar.</summary>
    public bool? IsWorkingDay(DateOnly date)
    {
        if (!_years.Contains(date.Year)) return null;
        if (_exceptions.TryGetValue(date, out var working)) return working;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The <paramref name="count"/>th working day after <paramref name="start"/> (0: the start).</summary>
    public WorkingDate AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxDays);
        var date = start;
        var found = 0;
        while (found < count)
        {
            date = date.AddDays(1);
            switch (IsWorkingDay(date))
            {
                case null: return WorkingDate.Missing(date.Year);
                case true: found++; break;
            }
        }
        return WorkingDate.Of(date);
    }

    /// <summary>
    /// How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/>; negative
    /// when <paramref name="to"/> is earlier; null when a year between them has no calendar.
    /// </summary>
    public int? WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        if ((to.DayNumber - from.DayNumber) > MaxDays * 2) return null;
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            switch (IsWorkingDay(date))
            {
                case null: return null;
                case true: count++; break;
            }
        }
        return count;
    }

    /// <summary>
    /// The last day of a period of <paramref name="workingDays"/> working days counted from the day after
    /// <paramref name="receivedOn"/>: the deadline 《条例》 Art. 33 sets for an answer (20) and Art. 30 for a 补正 (7).
    /// </summary>
    public WorkingDate Deadline(DateOnly receivedOn, int workingDays) => AddWorkingDays(receivedOn, workingDays);
}
