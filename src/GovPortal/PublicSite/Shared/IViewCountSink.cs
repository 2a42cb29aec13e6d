namespace GovPortal.PublicSite.Shared;

/// <summary>
/// Where a public node that writes to no database sends the views it counted (Redis, folded into the database by
/// the origin). Throws when they could not be taken; the counter keeps them for the next flush.
/// </summary>
public interface IViewCountSink
{
    Task AddAsync(IReadOnlyDictionary<int, long> views, CancellationToken cancellationToken);
}
