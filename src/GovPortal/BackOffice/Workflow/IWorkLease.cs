namespace GovPortal.BackOffice.Workflow;

/// <summary>
/// Lets one origin alone do a periodic job when several run side by side (with Redis, <c>Hosting/Redis/RedisLease</c>);
/// without one, the only origin always holds it.
/// </summary>
public interface IWorkLease
{
    /// <summary>Takes or renews the job for <paramref name="lifetime"/>; false while another origin holds it.</summary>
    Task<bool> HoldAsync(string job, TimeSpan lifetime);
}
