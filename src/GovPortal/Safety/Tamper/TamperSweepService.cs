namespace GovPortal.Safety.Tamper;

/// <summary>
/// Checks the whole output on start and then every minute, so pages nobody requests are guarded too; every tenth
/// sweep hashes every file whatever its write time says. The search index's files are checked in the same sweep.
/// </summary>
public sealed class TamperSweepService(TamperGuard guard, OutputWatcher watcher, SearchIndexGuard searchIndex,
    TamperGuardOptions options,
    TimeProvider time, ILogger<TamperSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogWarning("网页防篡改已关闭（GOVPORTAL_TAMPER_GUARD=off），仅用于性能对比测试。");
            return;
        }
        if (options.SweepInterval == Timeout.InfiniteTimeSpan) return; // sweeps are run by hand (tests)
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        var sweeps = 0;
        try
        {
            do
            {
                try
                {
                    var full = sweeps++ % 10 == 0;
                    var started = time.GetTimestamp();
                    watcher.EnsureWatching();
                    var events = await Task.Run(() => guard.Sweep(full, stoppingToken), stoppingToken);
                    events += await searchIndex.SweepAsync(full, stoppingToken);
                    logger.LogInformation("Tamper sweep ({Kind}) done in {Seconds:0.0} s: {Events} events",
                        full ? "full" : "changed files", time.GetElapsedTime(started).TotalSeconds, events);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Tamper sweep failed; it runs again at the next interval");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
