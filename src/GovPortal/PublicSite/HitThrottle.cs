using System.Threading.RateLimiting;

namespace GovPortal.PublicSite;

/// <summary>
/// Holds each client of the anonymous view counter to <see cref="HitLimits.PermitsPerMinute"/>, so that counts
/// cannot be inflated from one address and the counter cannot be flooded.
/// </summary>
public sealed class HitThrottle(HitLimits? limits = null) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = (limits ?? new HitLimits()).PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Whether this request's client may count one more view now.</summary>
    public bool Allows(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(Content.ClientKey.Of(context.Connection.RemoteIpAddress));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
