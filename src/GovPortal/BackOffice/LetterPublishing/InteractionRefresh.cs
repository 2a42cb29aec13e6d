using GovPortal.Publishing;

namespace GovPortal.BackOffice.LetterPublishing;

/// <summary>
/// Keeps the published 互动交流 home and statistics (/hdjl/, /hdjl/tj/) in step with what changes them outside
/// the publish plan — a reply approved, a rating, a letter received, a consultation opening or closing, a new day —
/// by rendering them again at most every <see cref="Interval"/> (asked by the scheduled-publishing loop). Files whose
/// bytes did not change are not written, so a quiet minute costs a read of the year's letters and two renders.
/// </summary>
public sealed class InteractionRefresh(ISitePublishers publishers, TimeProvider time,
    ILogger<InteractionRefresh> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    // When each site's pages were last refreshed, by site code.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _last = new();

    /// <summary>Refreshes the current site's 互动交流 pages when the last refresh is an interval old.</summary>
    public async Task RefreshIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var site = Data.SiteScope.Current?.Code ?? "";
        if (_last.TryGetValue(site, out var last) && now - last < Interval && now >= last) return;
        _last[site] = now;
        try
        {
            var plan = await publishers.Current().PublishInteractionAsync(cancellationToken);
            if (plan.Failures.Count > 0)
                logger.LogError("互动交流 pages could not be made: {Message}", plan.Failures[0].Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Refreshing the 互动交流 pages failed; retrying in {Interval}", Interval);
        }
    }
}
