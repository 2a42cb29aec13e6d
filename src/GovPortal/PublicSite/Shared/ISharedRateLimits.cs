namespace GovPortal.PublicSite.Shared;

/// <summary>
/// Rate limits counted once for every process behind the balancer (Redis), so that a reader cannot multiply a limit
/// by the number of nodes: fixed windows, one counter per bucket (search, a form, views), client and window.
/// </summary>
public interface ISharedRateLimits
{
    /// <summary>
    /// Takes one permit of <paramref name="limit"/> per <paramref name="window"/>: true when granted, false when
    /// the client has used them all, null when the shared counter cannot be reached (the caller falls back to its
    /// own process's limit, so an outage of the shared store never opens the gate nor closes the site).
    /// </summary>
    Task<bool?> TryTakeAsync(string bucket, string client, int limit, TimeSpan window);
}
