using System.Collections.Concurrent;

namespace GovPortal.Publishing.Output;

/// <summary>
/// The files of one publish. Pages may be written from several threads. <see cref="Commit"/> removes the files of
/// removed keys and the files a re-rendered key no longer produces, then records everything in the manifest.
/// </summary>
public sealed class OutputBatch
{
    private readonly OutputStore _store;
    private readonly DateTime _now;
    private readonly ConcurrentDictionary<string, ManifestEntry> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _producedByOwner = new(StringComparer.Ordinal);
    private int _filesWritten;

    internal OutputBatch(OutputStore store, DateTime now)
    {
        _store = store;
        _now = now;
    }

    /// <summary>Files actually written to disk (unchanged files are skipped).</summary>
    public int FilesWritten => _filesWritten;

    /// <summary>Writes a file and, for text, its gzip and brotli variants, all owned by <paramref name="owner"/>.</summary>
    public void Write(PageKey owner, string relativePath, byte[] content, string? downloadName = null)
    {
        var ownerText = owner.ToString();
        var produced = _producedByOwner.GetOrAdd(ownerText, _ => new(StringComparer.Ordinal));
        Put(relativePath, content, ownerText, downloadName, produced);
        if (!ContentTypes.IsCompressible(relativePath)) return;

        var gzip = Precompressor.Gzip(content);
        if (Precompressor.WorthKeeping(content.Length, gzip.Length)) Put(relativePath + ".gz", gzip, ownerText, null, produced);
        var brotli = Precompressor.Brotli(content);
        if (Precompressor.WorthKeeping(content.Length, brotli.Length)) Put(relativePath + ".br", brotli, ownerText, null, produced);
    }

    /// <summary>Marks a key as rendered even if it wrote nothing, so its old files are cleaned up.</summary>
    public void Touch(PageKey owner) => _producedByOwner.GetOrAdd(owner.ToString(), _ => new(StringComparer.Ordinal));

    private void Put(string path, byte[] content, string owner, string? downloadName, ConcurrentDictionary<string, byte> produced)
    {
        produced[path] = 0;
        var entry = _store.WriteIfChanged(path, content, owner, _now, downloadName);
        if (entry is null) return;
        _written[path] = entry;
        Interlocked.Increment(ref _filesWritten);
    }

    /// <summary>
    /// Deletes the files of <paramref name="removedKeys"/>, the stale files of every key rendered in this batch,
    /// and, for a full rebuild, the files of every key not rendered at all; then updates the manifest.
    /// </summary>
    public void Commit(IEnumerable<PageKey> removedKeys, bool fullRebuild = false)
    {
        var manifest = _store.Manifest;
        var removals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in removedKeys)
            removals.UnionWith(manifest.PathsOwnedBy(key.ToString()));
        foreach (var (owner, produced) in _producedByOwner)
            removals.UnionWith(manifest.PathsOwnedBy(owner).Where(path => !produced.ContainsKey(path)));
        if (fullRebuild)
            foreach (var owner in manifest.Owners().Where(o => !_producedByOwner.ContainsKey(o)))
                removals.UnionWith(manifest.PathsOwnedBy(owner));
        removals.ExceptWith(_written.Keys);
        foreach (var produced in _producedByOwner.Values)
            removals.ExceptWith(produced.Keys);

        foreach (var path in removals) _store.DeleteFile(path);
        manifest.Apply(_written.Values.ToList(), removals);
    }
}
