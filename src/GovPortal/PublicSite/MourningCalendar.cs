using GovPortal.Content;
using GovPortal.Publishing.Output;

namespace GovPortal.PublicSite;

/// <summary>
/// 全站置灰: the days on which every public page is shown in grayscale. Published by the publisher into the site's
/// output (<see cref="OutputLayout.MourningDaysFile"/>) and read again whenever the manifest records a new version,
/// so days set in the back office take effect at once.
/// </summary>
public sealed class MourningCalendar(OutputStore output, TimeProvider time, ILogger<MourningCalendar> logger)
{
    private volatile Loaded _loaded = new(null, new HashSet<DateOnly>());

    // Swapped whole, so a request never sees one version's hash with another's dates.
    private sealed record Loaded(FileHash? Hash, IReadOnlySet<DateOnly> Dates);

    /// <summary>
    /// Whether today, in China, is a day of mourning. Asked on every page request: a look in the manifest.
    /// </summary>
    public bool IsMourningToday() =>
        Dates().Contains(ChinaTime.Today(time));

    public IReadOnlySet<DateOnly> Dates()
    {
        FileHash? sha = output.Manifest.TryGet(OutputLayout.MourningDaysFile, out var entry) ? entry.Hash : null;
        var loaded = _loaded;
        if (loaded.Hash == sha) return loaded.Dates;
        var content = sha is null ? null : output.PublishedContentOf(OutputLayout.MourningDaysFile);
        var dates = new HashSet<DateOnly>();
        if (content is not null)
        {
            (dates, var unreadable) = MourningDays.Parse(content);
            foreach (var line in unreadable)
                logger.LogWarning("Ignoring the line \"{Line}\" of the days of mourning: not a date (YYYY-MM-DD)",
                    line);
        }
        _loaded = new Loaded(content is null ? null : sha, dates);
        return dates;
    }
}
