using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace GovPortal.PublicSite.Shared;

/// <summary>
/// Fixed-window limits counted by this process alone, per bucket and client: what answers while the shared store
/// (<see cref="ISharedRateLimits"/>) cannot be reached.
/// </summary>
public sealed class ProcessWindowLimits : IDisposable
{
    private readonly ConcurrentDictionary<(string Bucket, int Limit, TimeSpan Window), PartitionedRateLimiter<string>>
        _limiters = new();

    public bool Take(string bucket, string client, int limit, TimeSpan window)
    {
        var limiter = _limiters.GetOrAdd((bucket, limit, window), key => PartitionedRateLimiter.Create<string, string>(
            c => RateLimitPartition.GetFixedWindowLimiter(c, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = key.Limit, Window = key.Window, QueueLimit = 0,
            })));
        using var lease = limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter.Dispose();
    }
}
