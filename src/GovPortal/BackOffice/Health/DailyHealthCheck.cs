namespace GovPortal.BackOffice.Health;

/// <summary>
/// Runs the health check every day, so the web team finds where the site stands each morning on the dashboard.
/// The first run waits a few minutes after start, so a restart during an inspection serves pages first.
/// </summary>
public sealed class DailyHealthCheck(HealthRecorder recorder, TimeProvider time, ILogger<DailyHealthCheck> logger)
    : BackgroundService
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
                try
                {
                    var report = await recorder.RunAsync(stoppingToken);
                    logger.LogInformation("Daily health check: {Problems} problems, {SingleVeto} single-veto",
                        report.Problems.Count, report.Problems.Count(p => p.SingleVeto));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The daily health check failed");
                }
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
