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
    private readonly PublishedSideFile<IReadOnlySet<DateOnly>> _days =
        new(output, OutputLayout.MourningDaysFile, content => Parse(content, logger));

    /// <summary>
    /// Whether today, in China, is a day of mourning. Asked on every page request: a look in the manifest.
    /// </summary>
    public bool IsMourningToday() =>
        Dates().Contains(ChinaTime.Today(time));

    public IReadOnlySet<DateOnly> Dates() => _days.Current();

    private static HashSet<DateOnly> Parse(byte[]? content, ILogger logger)
    {
        if (content is null) return [];
        var (dates, unreadable) = MourningDays.Parse(content);
        foreach (var line in unreadable)
            logger.LogWarning("Ignoring the line \"{Line}\" of the days of mourning: not a date (YYYY-MM-DD)", line);
        return dates;
    }
}
