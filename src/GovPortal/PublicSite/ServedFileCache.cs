using System.Collections.Concurrent;
using GovPortal.Publishing.Output;

namespace GovPortal.PublicSite;

/// <summary>
/// Keeps recently served files in memory, keyed by path and SHA-256, within a byte budget. A new publish changes
/// the hash, so a cached copy can never outlive the version it was read for.
/// </summary>
public sealed class ServedFileCache(long budgetBytes)
{
    private readonly ConcurrentDictionary<string, (string Sha256, byte[] Content)> _files = new(StringComparer.Ordinal);
    private long _bytes;

    public bool TryGet(ManifestEntry entry, out byte[] content)
    {
        if (_files.TryGetValue(entry.Path, out var cached) && cached.Sha256 == entry.Sha256)
        {
            content = cached.Content;
            return true;
        }
        content = [];
        return false;
    }

    public void Add(ManifestEntry entry, byte[] content)
    {
        if (_files.TryRemove(entry.Path, out var previous)) Interlocked.Add(ref _bytes, -previous.Content.Length);
        if (Interlocked.Read(ref _bytes) + content.Length > budgetBytes) return; // over budget: serve from disk
        if (_files.TryAdd(entry.Path, (entry.Sha256, content))) Interlocked.Add(ref _bytes, content.Length);
    }
}
