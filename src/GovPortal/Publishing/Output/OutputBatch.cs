using System.Collections.Concurrent;

namespace GovPortal.Publishing.Output;

/// <summary>
/// The files of one publish. Pages may be written from several threads. <see cref="Commit"/> stores every version in
/// the object store, records the batch in the manifest, then removes the files of removed keys and the files a
/// re-rendered key no longer produces. A batch that is not committed (a crash, an error) must still be ended with
/// <see cref="Dispose"/>; its renamed files then differ from the manifest and the tamper guard puts the last good
/// versions back.
/// </summary>
public sealed class OutputBatch : IDisposable
{
    // Contents wait in memory for the object store only up to this size, so a full rebuild stays small.
    private const long ObjectBufferBytes = 32L * 1024 * 1024;

    private readonly OutputStore _store;
    private readonly DateTime _now;
    // The entry each file this batch renamed into place, or is about to, will have in the manifest: what the commit
    // records, and what the tamper guard accepts as pending until then. Entered before the rename, never after it.
    // A page's three files are one record here as in the manifest.
    private readonly FileTable _written = new();
    // The files of writes that failed part way: perhaps renamed, never recorded; pending until the batch ends, and
    // then put back as the manifest has them, whether the batch commits or not.
    private readonly ConcurrentDictionary<string, ManifestEntry> _failed = new(StringComparer.Ordinal);
    private readonly ProducedFiles _produced;
    private readonly List<(string Sha256, bool Brotli, byte[] Content)> _objects = [];
    private readonly Lock _objectsLock = new();
    private long _objectBytes;
    private int _filesWritten;
    private bool _ended;
    private bool _committed;

    internal OutputBatch(OutputStore store, DateTime now, bool fullRebuild)
    {
        _store = store;
        _now = now;
        _produced = fullRebuild ? new ProducedByFullRebuild(store.Manifest) : new ProducedByOwner();
    }

    /// <summary>Files actually written to disk (unchanged files are skipped).</summary>
    public int FilesWritten => _filesWritten;

    /// <summary>
    /// Writes a file and, for text, its gzip and brotli variants, all owned by <paramref name="owner"/>.
    /// </summary>
    public void Write(PageKey owner, string relativePath, byte[] content, string? downloadName = null)
    {
        var ownerText = owner.ToString();
        // Side files are read by the portal, never sent: no compressed variants.
        if (!ContentTypes.IsCompressible(relativePath) || OutputLayout.IsSideFile(relativePath))
        {
            var (hash, _) = Put([new(relativePath, content, downloadName)], ownerText)[0];
            KeepObject(hash.ToString(), brotli: false, content);
            return;
        }

        List<OutputFile> files = [new(relativePath, content, downloadName)];
        var gzip = Precompressor.Gzip(content);
        if (Precompressor.WorthKeeping(content.Length, gzip.Length))
            files.Add(new(FileForms.PathOf(relativePath, FileForm.Gzip), gzip));
        var brotli = Precompressor.Brotli(content);
        var keepBrotli = Precompressor.WorthKeeping(content.Length, brotli.Length);
        if (keepBrotli) files.Add(new(FileForms.PathOf(relativePath, FileForm.Brotli), brotli));
        var written = Put(files, ownerText);
        KeepObject(written[0].Hash.ToString(), keepBrotli, keepBrotli ? brotli : content);
    }

    /// <summary>
    /// Writes one file exactly as another machine published it (a public node following the origin): its owner and
    /// time are the origin's, no variant is made, and nothing is removed by owner at commit
    /// (<see cref="CommitExactly"/>). The caller has checked the content against its SHA-256.
    /// </summary>
    internal void WriteExactly(string owner, OutputFile file, DateTime modifiedUtc) =>
        WriteChanges([file], _store.ChangesOf([file], owner, modifiedUtc));

    /// <summary>Keeps a content in the object store as a publish keeps its pages' (a node's own true copies).</summary>
    internal void KeepContent(string sha256, bool brotli, byte[] content) => KeepObject(sha256, brotli, content);

    /// <summary>
    /// Records a batch of <see cref="WriteExactly"/> writes and removes exactly <paramref name="removals"/>. Not
    /// mirrored: a node copies the origin's generation, it never makes one.
    /// </summary>
    internal void CommitExactly(IReadOnlyCollection<string> removals)
    {
        lock (_objectsLock)
        {
            _store.Objects.PutAll(_objects);
            _objects.Clear();
        }
        var manifest = _store.Manifest;
        var gone = removals.Where(path => manifest.TryGet(path, out _) && !_written.Contains(path)).ToList();
        lock (_store.CommitLock)
        {
            _store.JournalRemovals(gone);
            manifest.Apply(_written, gone);
            foreach (var path in gone) _store.DeleteFile(path);
            _store.RollBack(_failed.Keys);
            _committed = true;
            Dispose();
        }
    }

    /// <summary>Marks a key as rendered even if it wrote nothing, so its old files are cleaned up.</summary>
    public void Touch(PageKey owner) => _produced.Touched(owner.ToString());

    /// <summary>
    /// Keeps a key's files as they are: a full rebuild removes the files of every key it did not render, and some
    /// files (the mourning days) are settings published on their own, not made from the database.
    /// </summary>
    public void Keep(PageKey owner)
    {
        var ownerText = owner.ToString();
        _produced.Kept(ownerText, _store.Manifest.PathsOwnedBy(ownerText));
    }

    private (FileHash Hash, ManifestEntry? Written)[] Put(List<OutputFile> files, string owner)
    {
        var changes = _store.ChangesOf(files, owner, _now);
        _produced.Made(owner, files, changes);
        return WriteChanges(files, changes);
    }

    /// <summary>
    /// Writes the files that changed (<see cref="OutputStore.ChangesOf"/>), each made pending before it is renamed
    /// into place. A write that fails throws; its files then stay pending until the batch ends and are put back as the
    /// manifest has them then: the commit records what the batch wrote of them before, if anything.
    /// </summary>
    private (FileHash Hash, ManifestEntry? Written)[] WriteChanges(IReadOnlyList<OutputFile> files,
        (FileHash Hash, ManifestEntry? Written)[] changes)
    {
        var earlier = new List<(ManifestEntry Entry, ManifestEntry? Earlier)>(changes.Length);
        foreach (var (_, entry) in changes)
        {
            if (entry is null) continue;
            earlier.Add((entry, _written.Set(entry)));
        }
        try
        {
            _store.WriteChanged(files, changes);
        }
        catch
        {
            foreach (var (entry, before) in earlier)
            {
                // Failed first, then out of the written: the version is pending at every moment in between.
                _failed[entry.Path] = entry;
                if (before is not null) _written.Set(before);
                else _written.Remove(entry.Path);
            }
            throw;
        }
        Interlocked.Add(ref _filesWritten, earlier.Count);
        return changes;
    }

    /// <summary>Whether this batch wrote, or was writing, <paramref name="path"/>.</summary>
    internal bool Holds(string path) => _written.Contains(path) || _failed.ContainsKey(path);

    /// <summary>
    /// Whether this batch wrote, or was writing, exactly <paramref name="hash"/> to <paramref name="path"/>.
    /// </summary>
    internal bool Holds(string path, FileHash hash) =>
        (_written.TryGet(path, out var written) && written.Hash == hash)
        || (_failed.TryGetValue(path, out var failed) && failed.Hash == hash);

    private void KeepObject(string sha, bool brotli, byte[] content)
    {
        List<(string, bool, byte[])>? full = null;
        lock (_objectsLock)
        {
            _objects.Add((sha, brotli, content));
            _objectBytes += content.Length;
            if (_objectBytes >= ObjectBufferBytes)
            {
                full = [.. _objects];
                _objects.Clear();
                _objectBytes = 0;
            }
        }
        if (full is not null) StoreObjects(full);
    }

    private void StoreObjects(IReadOnlyCollection<(string, bool, byte[])> objects)
    {
        _store.Objects.PutAll(objects);
        _store.Mirror?.PutObjects(objects);
    }

    /// <summary>
    /// Records the batch: stores remaining contents, updates the manifest, then deletes the files of
    /// <paramref name="removedKeys"/>, the stale files of every key rendered in this batch and, for a full rebuild,
    /// every other file it did not make.
    /// </summary>
    /// <param name="change">A content change this batch publishes, committed with its generation.</param>
    public void Commit(IEnumerable<PageKey> removedKeys, ContentChange? change = null)
    {
        lock (_objectsLock)
        {
            StoreObjects(_objects);
            _objects.Clear();
        }

        var manifest = _store.Manifest;
        var removals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in removedKeys)
            removals.UnionWith(manifest.PathsOwnedBy(key.ToString()));
        _produced.AddStale(manifest, _written, removals);
        removals.RemoveWhere(_written.Contains);
        // A file whose write failed was made: it goes back to the manifest's version, it is not removed.
        removals.ExceptWith(_failed.Keys);
        _produced.ExceptMade(removals);

        lock (_store.CommitLock)
        {
            // The manifest first: a file that is gone from it is no longer served, so deleting it next is safe.
            _store.JournalRemovals(removals);
            // Read as it goes: the batch's entries are not copied, however many.
            var written = _written;
            // The mirror before the manifest: a generation the nodes may serve is never one the origin rolled back.
            var generation = _store.Mirror?.Commit(_store.Layout.SiteCode, written, removals, change?.Transaction) ?? 0;
            // The content change with its generation: a failure here leaves neither, and the files are rolled back.
            change?.Commit();
            manifest.Apply(written, removals);
            // Once the manifest holds it: an origin killed before this applies its own generation again at its next
            // turn, which changes nothing.
            if (generation > 0) HeldGeneration.Write(_store.Layout, generation);
            foreach (var path in removals) _store.DeleteFile(path);
            // What a failed write left on disk goes back to what the manifest now holds, before the batch ends.
            _store.RollBack(_failed.Keys);
            _committed = true;
            Dispose();
        }
    }

    /// <summary>
    /// Ends the batch. A batch that was not committed is rolled back: its files return to their last good versions.
    /// </summary>
    public void Dispose()
    {
        if (_ended) return;
        _ended = true;
        if (!_committed) _store.RollBack(_written.Paths.Union(_failed.Keys, StringComparer.Ordinal));
        _store.EndBatch(this);
    }
}
