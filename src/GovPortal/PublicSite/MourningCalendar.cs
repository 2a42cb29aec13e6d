using System.Globalization;
using GovPortal.Content;
using GovPortal.Hosting;

namespace GovPortal.PublicSite;

/// <summary>
/// 全站置灰: the days on which every public page is shown in grayscale. Kept in output/mourning-dates.txt, read again
/// whenever the file changes, so a date set by the mourning command takes effect on a running portal at once.
/// </summary>
public sealed class MourningCalendar(PortalPaths paths, TimeProvider time, ILogger<MourningCalendar> logger)
{
    private readonly System.Threading.Lock _lock = new();
    private volatile Loaded _loaded = new(DateTime.MinValue, new HashSet<DateOnly>());

    // Swapped whole, so a request never sees one version's stamp with another's dates.
    private sealed record Loaded(DateTime Stamp, IReadOnlySet<DateOnly> Dates);

    private long? _checkedAt;

    /// <summary>
    /// Whether today, in China, is a day of mourning. Asked on every page request, so the file is looked at no more
    /// than once a second: a new list takes effect within that second.
    /// </summary>
    public bool IsMourningToday()
    {
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(time.GetUtcNow().UtcDateTime));
        var now = time.GetTimestamp();
        if (_checkedAt is { } checkedAt && time.GetElapsedTime(checkedAt, now) < TimeSpan.FromSeconds(1)) return _loaded.Dates.Contains(today);
        _checkedAt = now;
        return Dates().Contains(today);
    }

    public IReadOnlySet<DateOnly> Dates()
    {
        var file = new FileInfo(paths.MourningDatesFile);
        var stamp = file.Exists ? file.LastWriteTimeUtc : DateTime.MinValue;
        lock (_lock)
        {
            if (stamp == _loaded.Stamp) return _loaded.Dates;
            _loaded = new Loaded(stamp, file.Exists ? Read(file.FullName) : new HashSet<DateOnly>());
            return _loaded.Dates;
        }
    }

    /// <summary>Replaces the list (atomically: a reader sees the old list or the new one).</summary>
    public void Set(IEnumerable<DateOnly> dates)
    {
        _checkedAt = null;
        Directory.CreateDirectory(paths.OutputDirectory);
        var temporary = paths.MourningDatesFile + ".tmp";
        File.WriteAllLines(temporary, ["# 全站置灰的日期（每行一个，年-月-日）", .. dates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        File.Move(temporary, paths.MourningDatesFile, overwrite: true);
    }

    private HashSet<DateOnly> Read(string file)
    {
        var dates = new HashSet<DateOnly>();
        foreach (var raw in File.ReadAllLines(file))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) dates.Add(date);
            else logger.LogWarning("Ignoring the line \"{Line}\" of {File}: not a date (YYYY-MM-DD)", line, file);
        }
        return dates;
    }
}
