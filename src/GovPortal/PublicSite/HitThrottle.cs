using System.Threading.RateLimiting;

namespace GovPortal.PublicSite;

/// <summary>
/// Holds each client of the anonymous view counter to <see cref="HitLimits.PermitsPerMinute"/>, so that counts
/// cannot be inflated from one address and the counter cannot be flooded.
/// </summary>
public sealed class HitThrottle(HitLimits? limits = null, Shared.ISharedRateLimits? shared = null) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = (limits ?? new HitLimits()).PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Whether this request's client may count one more view now.</summary>
    public async Task<bool> AllowsAsync(HttpContext context)
    {
        var client = Content.ClientKey.Of(context.Connection.RemoteIpAddress);
        // Behind a balancer, one count for the client across every node; this process's own while it is away.
        if (shared is not null && await shared.TryTakeAsync("views", client,
                (limits ?? new HitLimits()).PermitsPerMinute, TimeSpan.FromMinutes(1)) is { } allowed)
            return allowed;
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
