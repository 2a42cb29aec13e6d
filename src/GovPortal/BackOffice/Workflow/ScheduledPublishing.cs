using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

/// <summary>
/// Publishes scheduled revisions, withdraws articles set to leave the site (定时下线), ends pins (置顶) and empties
/// what has been in the 回收站 long enough, when their time comes: checked at start (so a restart catches up) and
/// every <see cref="Interval"/>, which keeps every scheduled article within 30 seconds of its time. Time comes from
/// the <see cref="TimeProvider"/>, so tests move the clock instead of waiting.
/// </summary>
public sealed class ScheduledPublishing(ArticleWorkflow workflow, Data.DatabaseOptions database, TimeProvider time,
    ILogger<ScheduledPublishing> logger, LetterPublishing.InteractionRefresh interaction, IWorkLease? lease = null)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Several origins side by side: the one holding the lease publishes what is due, so nothing twice.
            var held = lease is null || await lease.HoldAsync("scheduled-publishing", Interval * 3);
            // Each site in its own scope: its due articles, published by its own publisher.
            foreach (var site in held ? await SitesOrNoneAsync(stoppingToken) : new List<Data.ScopedSite>())
            {
                using var scope = Data.SiteScope.Enter(site);
                try
                {
                    await RunDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Scheduled publishing of {Site} failed; retrying in {Interval}", site.Code,
                        Interval);
                }
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

    private async Task RunDueAsync(CancellationToken stoppingToken)
    {
        var count = await workflow.PublishDueAsync(stoppingToken);
        if (count > 0) logger.LogInformation("Scheduled publishing: {Count} articles published", count);
        var withdrawn = await workflow.WithdrawDueAsync(stoppingToken);
        if (withdrawn > 0) logger.LogInformation("Scheduled withdrawal: {Count} articles withdrawn", withdrawn);
        var unpinned = await workflow.UnpinDueAsync(stoppingToken);
        if (unpinned > 0) logger.LogInformation("置顶到期: {Count} articles unpinned", unpinned);
        var purged = await workflow.PurgeDueAsync(stoppingToken);
        if (purged > 0) logger.LogInformation("回收站: {Count} articles deleted for good", purged);
        // The 互动交流 home and statistics follow replies, ratings, consultations and the date.
        await interaction.RefreshIfDueAsync(stoppingToken);
    }

    /// <summary>The sites to work on now; none when the database cannot say (tried again at the next round).</summary>
    private async Task<List<Data.ScopedSite>> SitesOrNoneAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await SitesAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Scheduled publishing could not read the sites; retrying in {Interval}", Interval);
            return [];
        }
    }

    /// <summary>The sites whose work is done: a paused site's waits until it is resumed.</summary>
    private async Task<List<Data.ScopedSite>> SitesAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.RunningSitesAsync(cancellationToken);
    }
}
