namespace GovPortal.Publishing.Output;

/// <summary>
/// A copy of every committed output outside this machine, for public nodes that serve the site without the back
/// office (PostgreSQL: <c>Publishing/Replication/PostgresOutputMirror</c>). A batch hands it the contents it keeps
/// and, before its manifest changes, the files it wrote and removed: a commit the mirror refuses fails the batch, so
/// the nodes never see a generation the origin did not also publish.
/// </summary>
public interface IOutputMirror
{
    /// <summary>Stores contents by SHA-256 (already stored ones are skipped), as the object store keeps them.</summary>
    void PutObjects(IReadOnlyCollection<(string Sha256, bool Brotli, byte[] Content)> objects);

    /// <summary>
    /// Records one batch of a site as its next generation, in one transaction: its own, or with
    /// <paramref name="within"/> the content change's, which the caller then commits (<see cref="ContentChange"/>).
    /// </summary>
    /// <returns>The generation; 0 when the batch changed nothing.</returns>
    long Commit(string siteCode, IReadOnlyCollection<ManifestEntry> written, IReadOnlyCollection<string> removed,
        System.Data.Common.DbTransaction? within = null);

    /// <summary>Forgets a deleted site: the nodes stop serving it and delete its output.</summary>
    void RemoveSite(string siteCode);
}
