using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Citizens.Calendar;

/// <summary>The days of one year as the 工作日历 page shows and edits them: one line per day, "日期 休/班 名称".</summary>
public sealed record CalendarYearText(int Year, bool Known, string Source, string Days, DateTime? UpdatedAtUtc,
    string UpdatedBy);

/// <summary>The outcome of saving a year: done, or the lines that are wrong (in Chinese), nothing saved.</summary>
public sealed record CalendarSave(bool Saved, IReadOnlyList<string> Errors);

/// <summary>
/// The working-day calendar in the database: the platform's years and days, kept by the first site, and each other
/// site's own days on top (<see cref="SiteCalendarDay"/>). Each site's calendar is read once and kept until an
/// administrator changes the platform's or that site's days; the State Council's notices the portal ships are
/// written on first start (see <see cref="StateCouncilHolidays"/>).
/// </summary>
public sealed class WorkingCalendarStore(DatabaseOptions database, TimeProvider time)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    private const int MaxNameLength = 20;
    private readonly ConcurrentDictionary<int, WorkingDayCalendar> _cached = new();

    // Raised by every save: a calendar read while a save was committing is returned but never cached, so a save can
    // never be hidden behind an older copy until the next restart.
    private long _changes;
    private readonly Lock _caching = new();

    /// <summary>
    /// The calendar of <paramref name="siteId"/> as it is now: the platform's, with the site's own days on top. The
    /// site is named, never taken from the work's scope, so a job between sites or a page of another site reads the
    /// same calendar for it.
    /// </summary>
    public async Task<WorkingDayCalendar> CurrentAsync(int siteId, CancellationToken cancellationToken = default)
    {
        if (_cached.TryGetValue(siteId, out var cached)) return cached;
        long changes;
        lock (_caching) changes = _changes;
        await using var db = database.CreateContext();
        // Years and days from one snapshot: a year is never known without its days.
        await using var snapshot = await db.Database.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var own = await SiteDays(db, siteId).ToListAsync(cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        var calendar = new WorkingDayCalendar(years, days, own);
        lock (_caching)
            if (_changes == changes) _cached[siteId] = calendar;
        return calendar;
    }

    // A site's own days by its id, past the site filter: the cache is shared by every site's work.
    private static IQueryable<SiteCalendarDay> SiteDays(GovPortalDbContext db, int siteId) =>
        db.SiteCalendarDays.IgnoreQueryFilters([GovPortalDbContext.SiteFilter]).AsNoTracking()
            .Where(d => d.SiteId == siteId);

    // Any save forgets every site's calendar: the platform's days are in each of them.
    private void Forget()
    {
        lock (_caching)
        {
            _changes++;
            _cached.Clear();
        }
    }

    /// <summary>Writes each shipped year the database does not have yet; an administrator's entries stay.</summary>
    public async Task EnsureDefaultsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var known = await db.CalendarYears.Select(y => y.Year).ToListAsync(cancellationToken);
        foreach (var year in StateCouncilHolidays.Defaults.Where(y => !known.Contains(y.Number)))
        {
            db.CalendarYears.Add(new CalendarYear
            {
                Year = year.Number, Source = year.Source, UpdatedAtUtc = time.GetUtcNow().UtcDateTime,
                UpdatedBy = "系统默认",
            });
            db.CalendarDays.AddRange(year.Days.Select(d => new CalendarDay
            {
                Date = d.Date, IsWorkingDay = d.IsWorkingDay, Name = d.Name,
            }));
        }
        await db.SaveChangesAsync(cancellationToken);
        Forget();
    }

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).Select(y => y.Year)
            .ToListAsync(cancellationToken);
    }

    public async Task<CalendarYearText> YearAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var row = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date).ToListAsync(cancellationToken);
        return new CalendarYearText(year, row is not null, row?.Source ?? "", Format(days), row?.UpdatedAtUtc,
            row?.UpdatedBy ?? "");
    }

    public static string Format(IEnumerable<CalendarDay> days)
    {
        var text = new StringBuilder();
        foreach (var day in days.OrderBy(d => d.Date))
            text.Append(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append(day.IsWorkingDay ? " 班 " : " 休 ").Append(day.Name).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// Replaces the days of <paramref name="year"/> with those of <paramref name="daysText"/> (one per line:
    /// <c>2025-10-01 休 国庆节</c> or <c>2025-09-28 班 调休上班</c>). Every wrong line is reported; then nothing changes.
    /// </summary>
    public async Task<CalendarSave> SaveYearAsync(int year, string source, string daysText, string actor,
        CancellationToken cancellationToken = default)
    {
        var (days, errors) = Parse(year, daysText);
        if (year is < MinYear or > MaxYear) errors.Insert(0, $"年份应在 {MinYear} 到 {MaxYear} 之间。");
        source = source.Trim();
        if (source.Length == 0) errors.Add("请填写依据（国务院办公厅放假安排通知的文号或标题）。");
        else if (source.Length > 200) errors.Add("依据最多 200 个字。");
        if (errors.Count > 0) return new CalendarSave(false, errors);

        await using var db = database.CreateContext();
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        db.CalendarDays.RemoveRange(db.CalendarDays.Where(d => d.Date >= first && d.Date <= last));
        db.CalendarDays.AddRange(days);
        var row = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (row is null) db.CalendarYears.Add(row = new CalendarYear { Year = year });
        row.Source = source;
        row.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actor;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two administrators saved the same year at the same moment: the other one's days are kept.
            return new CalendarSave(false, [$"另一位管理员刚刚保存了 {year} 年的日历，本次没有保存。请刷新页面，核对后再保存。"]);
        }
        finally
        {
            Forget();
        }
        return new CalendarSave(true, []);
    }

    /// <summary>The years in which <paramref name="siteId"/> keeps days of its own.</summary>
    public async Task<IReadOnlyList<int>> SiteYearsAsync(int siteId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var dates = await SiteDays(db, siteId).Select(d => d.Date).ToListAsync(cancellationToken);
        return dates.Select(d => d.Year).Distinct().Order().ToList();
    }

    /// <summary>A site's own days of <paramref name="year"/>, one line per day as <see cref="Format"/> writes them.
    /// </summary>
    public async Task<string> SiteYearAsync(int siteId, int year, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = await SiteDays(db, siteId).Where(d => d.Date >= first && d.Date <= last)
            .ToListAsync(cancellationToken);
        return Format(days.Select(d => new CalendarDay
        {
            Date = d.Date, IsWorkingDay = d.IsWorkingDay, Name = d.Name,
        }));
    }

    /// <summary>
    /// Replaces a site's own days of <paramref name="year"/> with those of <paramref name="daysText"/>, read by the
    /// same rules and with the same messages as the platform's (<see cref="Parse"/>); every wrong line is reported
    /// and then nothing changes. Only that site's deadlines count them.
    /// </summary>
    public async Task<CalendarSave> SaveSiteYearAsync(int siteId, int year, string daysText,
        CancellationToken cancellationToken = default)
    {
        var (days, errors) = Parse(year, daysText);
        if (year is < MinYear or > MaxYear) errors.Insert(0, $"年份应在 {MinYear} 到 {MaxYear} 之间。");
        if (errors.Count > 0) return new CalendarSave(false, errors);

        await using var db = database.CreateContext();
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        db.SiteCalendarDays.RemoveRange(await db.SiteCalendarDays.IgnoreQueryFilters([GovPortalDbContext.SiteFilter])
            .Where(d => d.SiteId == siteId && d.Date >= first && d.Date <= last).ToListAsync(cancellationToken));
        db.SiteCalendarDays.AddRange(days.Select(d => new SiteCalendarDay
        {
            SiteId = siteId, Date = d.Date, IsWorkingDay = d.IsWorkingDay, Name = d.Name,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two administrators of the site saved the same year at the same moment: the other one's days are kept.
            return new CalendarSave(false,
                [$"另一位管理员刚刚保存了本站 {year} 年的补充日历，本次没有保存。请刷新页面，核对后再保存。"]);
        }
        finally
        {
            Forget();
        }
        return new CalendarSave(true, []);
    }

    /// <summary>Reads the lines of a year; each error names its line and what to fix.</summary>
    public static (List<CalendarDay> Days, List<string> Errors) Parse(int year, string text)
    {
        var days = new Dictionary<DateOnly, CalendarDay>();
        var errors = new List<string>();
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (lines.Length > 400) return ([], ["最多 400 行：一年只有 366 天。"]);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split([' ', '\t', '　'], 3,
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0) continue;
            var where = $"第 {i + 1} 行";
            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                    out var date))
            {
                errors.Add($"{where}：日期应写成 2025-10-01 这样的格式。");
                continue;
            }
            if (date.Year != year)
            {
                errors.Add($"{where}：{parts[0]} 不在 {year} 年。");
                continue;
            }
            if (parts.Length < 2 || parts[1] is not ("休" or "班"))
            {
                errors.Add($"{where}：日期后应写“休”（放假）或“班”（调休上班）。");
                continue;
            }
            var working = parts[1] == "班";
            if (working && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add($"{where}：{parts[0]} 是工作日，只有周六、周日才需要标为“班”。");
                continue;
            }
            var name = parts.Length > 2 ? parts[2] : working ? "调休上班" : "放假";
            if (name.Length > MaxNameLength || name.Any(char.IsControl))
            {
                errors.Add($"{where}：名称最多 {MaxNameLength} 个字。");
                continue;
            }
            if (!days.TryAdd(date, new CalendarDay { Date = date, IsWorkingDay = working, Name = name }))
                errors.Add($"{where}：{parts[0]} 重复出现。");
        }
        return (days.Values.OrderBy(d => d.Date).ToList(), errors);
    }
}
