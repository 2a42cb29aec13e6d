using System.Collections.Concurrent;

namespace GovPortal.PublicSite;

/// <summary>
/// Keeps recently served files in memory, keyed by path and SHA-256, within a byte budget. A new publish changes
/// the hash, so a cached copy can never outlive the version it was read for.
/// </summary>
public sealed class ServedFileCache(long budgetBytes)
{
    private readonly ConcurrentDictionary<string, ServedFile> _files = new(StringComparer.Ordinal);
    private long _bytes;

    public bool TryGet(string path, string sha256, out ServedFile file) =>
        _files.TryGetValue(path, out file!) && file.Sha256 == sha256;

    /// <summary>Forgets a file that changed on disk, so the next request reads and checks it.</summary>
    public void Invalidate(string path)
    {
        if (_files.TryRemove(path, out var previous)) Interlocked.Add(ref _bytes, -previous.Content.Length);
    }

    public void Add(string path, ServedFile file)
    {
        if (_files.TryRemove(path, out var previous)) Interlocked.Add(ref _bytes, -previous.Content.Length);
        if (Interlocked.Read(ref _bytes) + file.Content.Length > budgetBytes) return; // over budget: serve from disk
        if (_files.TryAdd(path, file)) Interlocked.Add(ref _bytes, file.Content.Length);
    }
}
