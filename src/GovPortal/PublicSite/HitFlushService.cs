namespace GovPortal.PublicSite;

/// <summary>Flushes view counts every few seconds, and once more when the server shuts down gracefully.</summary>
public sealed class HitFlushService(HitCounter counter, TimeProvider time, ILogger<HitFlushService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await counter.FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var written = await counter.FlushAsync(CancellationToken.None);
        logger.LogInformation("Wrote {Count} pending views at shutdown", written);
    }
}
