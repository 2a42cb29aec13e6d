using System.Diagnostics;

namespace GovPortal.PublicSite.Shedding;

/// <summary>
/// How long work waits for a thread of the pool: near zero while the machine keeps up, and growing as soon as requests
/// arrive faster than its cores answer them. Then they wait before any endpoint (and so before any per-lane count) sees
/// them; this is how <see cref="LoadShedding"/> sees that overload. A probe is queued every
/// <see cref="DynamicRequestLimits.ProbeInterval"/>; the delay is the shorter of the last two probes' waits (one
/// pause of the garbage collector is not an overload), or the wait of the probe still queued if that is longer.
/// </summary>
public sealed class SchedulingDelay : IDisposable
{
    private readonly Timer? _timer;
    private long _queuedAt;
    private long _lastTicks;
    private long _previousTicks;

    public SchedulingDelay(DynamicRequestLimits limits)
    {
        if (limits.ProbeInterval > TimeSpan.Zero) _timer = new Timer(_ => Probe(), null, limits.ProbeInterval,
            limits.ProbeInterval);
    }

    public TimeSpan Current
    {
        get
        {
            var queued = Interlocked.Read(ref _queuedAt);
            var waiting = queued == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(queued);
            var measured = TimeSpan.FromTicks(Math.Min(Interlocked.Read(ref _lastTicks),
                Interlocked.Read(ref _previousTicks)));
            return waiting > measured ? waiting : measured;
        }
    }

    /// <summary>Records a measured wait (the probe's; also how a test sets the machine's state).</summary>
    public void Observe(TimeSpan delay) =>
        Interlocked.Exchange(ref _previousTicks, Interlocked.Exchange(ref _lastTicks, delay.Ticks));

    private void Probe()
    {
        // One probe at a time: while one waits, its age is the delay.
        var now = Stopwatch.GetTimestamp();
        if (Interlocked.CompareExchange(ref _queuedAt, now, 0) != 0) return;
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            Observe(Stopwatch.GetElapsedTime(now));
            Interlocked.Exchange(ref _queuedAt, 0);
        }, null);
    }

    public void Dispose() => _timer?.Dispose();
}
