namespace GovPortal.Search;

/// <summary>
/// Rebuilds a site's search index from the live articles. The search index and its guard ask for a rebuild through
/// this; the publisher does it (the host wires the two), so nothing below the publisher calls it.
/// </summary>
public interface ISearchIndexRebuilder
{
    /// <returns>The number of articles indexed.</returns>
    Task<int> RebuildSearchIndexAsync(CancellationToken cancellationToken = default);
}
