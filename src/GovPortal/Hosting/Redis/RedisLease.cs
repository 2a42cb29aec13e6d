using StackExchange.Redis;

namespace GovPortal.Hosting.Redis;

/// <summary>
/// A job that one origin alone may do at a time (scheduled publishing): held by the origin that took it, renewed
/// while it works, and taken over by another origin when the holder stops renewing it. Without Redis every origin
/// holds it (one machine).
/// </summary>
public sealed class RedisLease(RedisStore redis) : BackOffice.Workflow.IWorkLease
{
    private readonly string _holder = Guid.NewGuid().ToString("N");

    public async Task<bool> HoldAsync(string job, TimeSpan lifetime)
    {
        var key = "govportal:lease:" + job;
        try
        {
            return await redis.HoldLeaseAsync(key, _holder, lifetime);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Nobody can be asked: this round is skipped rather than done twice.
            return false;
        }
    }
}
