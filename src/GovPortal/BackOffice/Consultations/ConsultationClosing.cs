using GovPortal.Content.Consultations;
using GovPortal.Data;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Consultations;

/// <summary>
/// Keeps the consultations' static pages true to the clock: a consultation whose start or end has passed since its
/// page was made is published again (so it says 征集中, then 已结束), checked at start (a restart catches up) and
/// every <see cref="Interval"/>, so a page changes within 30 seconds of the time. Once the page after the end is out,
/// <see cref="Interaction.Consultations.Consultation.ClosedPageAtUtc"/> is set and the consultation is left alone.
/// The comment form itself needs none of this: it judges the clock on every request. Time comes from the
/// <see cref="TimeProvider"/>, so tests move the clock instead of waiting.
/// </summary>
public sealed class ConsultationClosing(DatabaseOptions database, ISitePublishers publishers,
    TimeProvider time, ILogger<ConsultationClosing> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    // The state each watched page was last published with by this service; empty after a start, so every
    // consultation not yet closed is published once then (a page made before a restart may be behind the clock).
    private readonly Dictionary<int, ConsultationState> _published = [];
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>
    /// Publishes the pages of the consultations whose state changed since their page was made; returns how many.
    /// </summary>
    public async Task<int> RepublishDueAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using var db = database.CreateContext();
            // Every running site's consultations, each published by its site's own publisher in its own scope; one
            // site that fails leaves the others' pages to be made.
            var sites = await db.Sites.AsNoTracking().Where(s => !s.Suspended)
                .ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
            var watched = await db.Consultations.AsNoTracking()
                .Where(c => c.ClosedPageAtUtc == null)
                .Select(c => new { c.Id, c.SiteId, c.StartsAtUtc, c.EndsAtUtc, c.FeedbackPublishedAtUtc })
                .ToListAsync(cancellationToken);
            var due = watched.Where(c => sites.ContainsKey(c.SiteId))
                .Select(c => (c.Id, c.SiteId, State: ConsultationPeriod.StateAt(c.StartsAtUtc,
                    c.EndsAtUtc, c.FeedbackPublishedAtUtc, now)))
                .Where(c => !_published.TryGetValue(c.Id, out var state) || state != c.State).ToList();
            if (due.Count == 0) return 0;
            var failed = new HashSet<int>();
            foreach (var site in due.GroupBy(c => c.SiteId))
            {
                try
                {
                    using var scope = SiteScope.Enter(new ScopedSite(site.Key, sites[site.Key]));
                    await publishers.For(sites[site.Key]).PublishConsultationsAsync([.. site.Select(c => c.Id)],
                        cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The consultations of {Site} could not be published; retrying", sites[site.Key]);
                    failed.Add(site.Key);
                }
            }
            due = due.Where(c => !failed.Contains(c.SiteId)).ToList();
            foreach (var (id, _, state) in due) _published[id] = state;
            var closed = due.Where(c => c.State is ConsultationState.Ended or ConsultationState.FeedbackPublished)
                .Select(c => c.Id).ToList();
            if (closed.Count > 0)
            {
                // Only where the end is still the one the page was made for: an end moved later meanwhile stays
                // watched.
                await db.Consultations.Where(c => closed.Contains(c.Id) && c.ClosedPageAtUtc == null
                                                  && c.EndsAtUtc <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedPageAtUtc, now), cancellationToken);
                foreach (var id in closed) _published.Remove(id);
            }
            return due.Count;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var count = await RepublishDueAsync(stoppingToken);
                if (count > 0) logger.LogInformation("Consultations: {Count} pages published for their period", count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Publishing consultations' pages failed; retrying in {Interval}", Interval);
            }
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
