using System.Collections.Concurrent;

namespace GovPortal.PublicSite;

/// <summary>
/// Keeps recently served files in memory, keyed by path and SHA-256, within a byte budget. A new publish changes
/// the hash, so a cached copy can never outlive the version it was read for. When the budget is reached, the files
/// cached longest ago make room (first in, first out: cheap, and a page still in demand is read again at once).
/// </summary>
public sealed class ServedFileCache(long budgetBytes)
{
    private readonly ConcurrentDictionary<string, ServedFile> _files = new(StringComparer.Ordinal);
    // Paths in the order they were cached, with the hash cached; entries for versions since replaced are skipped.
    // Only names are queued, so a replaced file's bytes are never kept alive by the queue.
    private readonly ConcurrentQueue<(string Path, string Sha256)> _order = new();
    private readonly Lock _evicting = new();
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);
    public int Count => _files.Count;

    public bool TryGet(string path, string sha256, out ServedFile file) =>
        _files.TryGetValue(path, out file!) && file.Sha256 == sha256;

    /// <summary>Forgets a file that changed on disk or left the manifest.</summary>
    public void Invalidate(string path)
    {
        if (_files.TryRemove(path, out var previous)) Interlocked.Add(ref _bytes, -previous.Content.Length);
    }

    public void Add(string path, ServedFile file)
    {
        if (file.Content.Length > budgetBytes / 4) return; // very large files are served from disk
        Invalidate(path);
        if (!_files.TryAdd(path, file)) return;
        Interlocked.Add(ref _bytes, file.Content.Length);
        _order.Enqueue((path, file.Sha256));
        if (Interlocked.Read(ref _bytes) <= budgetBytes && _order.Count <= 4 * _files.Count + 1024) return;
        lock (_evicting)
        {
            while (Interlocked.Read(ref _bytes) > budgetBytes && _order.TryDequeue(out var oldest))
            {
                // Only the version that was queued: a newer version of the same path stays.
                if (_files.TryGetValue(oldest.Path, out var current) && current.Sha256 == oldest.Sha256
                    && _files.TryRemove(new KeyValuePair<string, ServedFile>(oldest.Path, current)))
                    Interlocked.Add(ref _bytes, -current.Content.Length);
            }
            // Many replaced versions: drop their names from the queue.
            if (_order.Count > 4 * _files.Count + 1024)
            {
                // Cycle through once; names queued meanwhile by other threads stay behind, untouched.
                for (var n = _order.Count; n > 0 && _order.TryDequeue(out var entry); n--)
                    if (_files.TryGetValue(entry.Path, out var f) && f.Sha256 == entry.Sha256) _order.Enqueue(entry);
            }
        }
    }
}
