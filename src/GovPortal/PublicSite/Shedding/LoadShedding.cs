using System.Threading.RateLimiting;

namespace GovPortal.PublicSite.Shedding;

/// <summary>
/// The portal-wide limit on dynamic work: per <see cref="SheddingLane"/>, at most
/// <see cref="DynamicRequestLimits.Concurrent"/> requests are handled at once and
/// <see cref="DynamicRequestLimits.Queue"/> wait; any more are shed with a short 503 (see <see cref="ShedAnswer"/>).
/// While the whole machine is overloaded (work waits <see cref="DynamicRequestLimits.MaxSchedulingDelay"/> for a
/// thread), every dynamic request is shed at once, and the cores go to the published pages. The per-client limits of
/// search, hits and forms stop one address; this stops a flood from many addresses, before it queues until answers
/// time out or memory grows.
/// </summary>
public sealed class LoadShedding(DynamicRequestLimits limits, DynamicPublicPaths citizenServices,
    SchedulingDelay schedulingDelay, TimeProvider time, ILogger<LoadShedding> logger) : IDisposable
{
    /// <summary>How often at most the log says that requests were shed.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrencyLimiter _searchAndHits = Create(limits);
    private readonly ConcurrencyLimiter _citizenForms = Create(limits);
    private readonly long[] _shed = new long[3];
    private long _shedAtLastLog;
    private long _lastLogTicks;

    public DynamicRequestLimits Limits => limits;

    /// <summary>Which lane a request of the public site is counted in (the back office is never passed here).</summary>
    public SheddingLane LaneOf(PathString path)
    {
        if (SearchEndpoints.IsSearchPage(path) || path.StartsWithSegments("/api", StringComparison.Ordinal))
            return SheddingLane.SearchAndHits;
        return citizenServices.Claims(path) ? SheddingLane.CitizenForms : SheddingLane.None;
    }

    /// <summary>
    /// A place in <paramref name="lane"/>: at once if one is free, else after waiting in the queue at most
    /// <see cref="DynamicRequestLimits.QueueWait"/>; a lease that is not acquired means the request is to be shed.
    /// </summary>
    public async ValueTask<RateLimitLease> EnterAsync(SheddingLane lane, CancellationToken requestAborted)
    {
        if (Overloaded) return Refused.Lease;
        var limiter = LimiterOf(lane);
        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired || limits.Queue == 0) return lease;
        lease.Dispose();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        wait.CancelAfter(limits.QueueWait);
        try
        {
            return await limiter.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return Refused.Lease;
        }
    }

    /// <summary>How many requests of <paramref name="lane"/> were shed since the start.</summary>
    public long ShedCount(SheddingLane lane) => Interlocked.Read(ref _shed[(int)lane]);

    /// <summary>
    /// Counts a shed request; the operator reads in the log, at most once per <see cref="LogInterval"/>, how many
    /// were shed since the last such line (a flood is seen without a line per request).
    /// </summary>
    public void NoteShed(SheddingLane lane)
    {
        Interlocked.Increment(ref _shed[(int)lane]);
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastLogTicks);
        if (now - last < LogInterval.Ticks || Interlocked.CompareExchange(ref _lastLogTicks, now, last) != last) return;
        var total = _shed.Sum();
        var since = total - Interlocked.Exchange(ref _shedAtLastLog, total);
        logger.LogWarning(
            "网站访问繁忙：自上次记录以来有 {Count} 个动态请求（搜索、浏览计数、公众表单）得到 503，共 {Total} 个；" +
            "当前线程等待 {Delay} 毫秒，同时处理上限 {Concurrent}，排队上限 {Queue}", since, total,
            (int)schedulingDelay.Current.TotalMilliseconds, limits.Concurrent, limits.Queue);
    }

    /// <summary>Whether the machine is too busy for any dynamic work (see <see cref="SchedulingDelay"/>).</summary>
    public bool Overloaded => schedulingDelay.Current >= limits.MaxSchedulingDelay;

    /// <summary>How many requests of <paramref name="lane"/> are handled and waiting now (the health of a flood).
    /// </summary>
    public (int Handled, int Waiting) Load(SheddingLane lane)
    {
        var statistics = LimiterOf(lane).GetStatistics()!;
        return (limits.Concurrent - (int)statistics.CurrentAvailablePermits, (int)statistics.CurrentQueuedCount);
    }

    private ConcurrencyLimiter LimiterOf(SheddingLane lane) => lane switch
    {
        SheddingLane.SearchAndHits => _searchAndHits,
        SheddingLane.CitizenForms => _citizenForms,
        _ => throw new ArgumentOutOfRangeException(nameof(lane), lane, "not a limited lane"),
    };

    private static ConcurrencyLimiter Create(DynamicRequestLimits limits) => new(new ConcurrencyLimiterOptions
    {
        PermitLimit = limits.Concurrent,
        QueueLimit = limits.Queue,
        // First come, first served: the oldest waiter is the one closest to giving up.
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public void Dispose()
    {
        _searchAndHits.Dispose();
        _citizenForms.Dispose();
    }

    /// <summary>The lease of a request that waited its longest without a place.</summary>
    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Lease = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
