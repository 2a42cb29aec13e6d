namespace GovPortal.PublicSite;

/// <summary>Flushes view counts every few seconds, and once more when the server shuts down gracefully.</summary>
public sealed class HitFlushService(HitCounter counter, TimeProvider time, ILogger<HitFlushService> logger,
    HitFlushInterval? interval = null) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval?.Value ?? Interval, time);
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

/// <summary>
/// How often views are written when not every <see cref="HitFlushService.Interval"/>: a public node hands its counts
/// to the shared store every second, which bounds what a node that dies takes with it.
/// </summary>
public sealed record HitFlushInterval(TimeSpan Value);
