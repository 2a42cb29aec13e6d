using GovPortal.Data;

namespace GovPortal.BackOffice.Health;

/// <summary>
/// Runs the health check every day, so the web team finds where the site stands each morning on the dashboard.
/// The first run waits a few minutes after start, so a restart during an inspection serves pages first.
/// </summary>
public sealed class DailyHealthCheck(HealthRecorder recorder, Data.DatabaseOptions database, TimeProvider time,
    ILogger<DailyHealthCheck> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                // Every site of the platform, each in its own scope: its report goes to its own dashboard.
                foreach (var site in await SitesAsync(stoppingToken))
                {
                    try
                    {
                        using var scope = Data.SiteScope.Enter(site);
                        var report = await recorder.RunAsync(stoppingToken);
                        logger.LogInformation(
                            "Daily health check of {Site}: {Problems} problems, {SingleVeto} single-veto",
                            site.Code, report.Problems.Count, report.Problems.Count(p => p.SingleVeto));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogError(e, "The daily health check of {Site} failed", site.Code);
                    }
                }
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // The running sites; none when the database cannot say, so the check is tried again tomorrow.
    private async Task<List<Data.ScopedSite>> SitesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = database.CreateContext();
            return await db.RunningSitesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The daily health check could not read the sites");
            return [];
        }
    }
}
