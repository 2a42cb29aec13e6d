using System.Collections.Concurrent;
using GovPortal.Publishing.Output;

namespace GovPortal.PublicSite;

/// <summary>
/// Keeps recently served files in memory, keyed by path and SHA-256, within a byte budget. A new publish changes
/// the hash, so a cached copy can never outlive the version it was read for. When the budget is reached, the files
/// cached longest ago make room (first in, first out: cheap, and a page still in demand is read again at once).
/// Large files (videos, big attachments, from <see cref="LargeFileBytes"/>) have a budget of their own, so a few of
/// them, asked for in turn, cannot push the site's pages out of memory.
/// </summary>
public sealed class ServedFileCache
{
    public const int LargeFileBytes = 1024 * 1024;

    private readonly Pool _pages;
    private readonly Pool _large;

    /// <param name="budgetBytes">For pages and other files under <see cref="LargeFileBytes"/>.</param>
    /// <param name="largeBudgetBytes">For larger files; a quarter of <paramref name="budgetBytes"/> when not
    /// given. One file may take all of it.</param>
    public ServedFileCache(long budgetBytes, long? largeBudgetBytes = null)
    {
        _pages = new Pool(budgetBytes, budgetBytes / 4);
        var large = largeBudgetBytes ?? budgetBytes / 4;
        _large = new Pool(large, large);
    }

    public long Bytes => _pages.Bytes + _large.Bytes;
    public int Count => _pages.Count + _large.Count;

    public bool TryGet(string path, FileHash hash, out ServedFile file) =>
        _pages.TryGet(path, hash, out file) || _large.TryGet(path, hash, out file);

    /// <summary>Forgets a file that changed on disk or left the manifest.</summary>
    public void Invalidate(string path)
    {
        _pages.Invalidate(path);
        _large.Invalidate(path);
    }

    public void Add(string path, ServedFile file)
    {
        // A new version may be of the other size: the old one goes from wherever it is.
        Invalidate(path);
        (file.Content.Length >= LargeFileBytes ? _large : _pages).Add(path, file);
    }

    private sealed class Pool(long budgetBytes, long largestFile)
    {
        private readonly ConcurrentDictionary<string, ServedFile> _files = new(StringComparer.Ordinal);
        // Paths in the order they were cached, with the hash cached; entries for versions since replaced are skipped.
        // Only names are queued, so a replaced file's bytes are never kept alive by the queue.
        private readonly ConcurrentQueue<(string Path, FileHash Hash)> _order = new();
        private readonly Lock _evicting = new();
        private long _bytes;

        public long Bytes => Interlocked.Read(ref _bytes);
        public int Count => _files.Count;

        public bool TryGet(string path, FileHash hash, out ServedFile file) =>
            _files.TryGetValue(path, out file!) && file.Hash == hash;

        /// <summary>Forgets a file that changed on disk or left the manifest.</summary>
        public void Invalidate(string path)
        {
            if (_files.TryRemove(path, out var previous)) Interlocked.Add(ref _bytes, -previous.Content.Length);
        }

        public void Add(string path, ServedFile file)
        {
            if (file.Content.Length > largestFile) return; // very large files are served from disk
            Invalidate(path);
            if (!_files.TryAdd(path, file)) return;
            Interlocked.Add(ref _bytes, file.Content.Length);
            _order.Enqueue((path, file.Hash));
            if (Interlocked.Read(ref _bytes) <= budgetBytes && _order.Count <= 4 * _files.Count + 1024) return;
            lock (_evicting)
            {
                while (Interlocked.Read(ref _bytes) > budgetBytes && _order.TryDequeue(out var oldest))
                {
                    // Only the version that was queued: a newer version of the same path stays.
                    if (_files.TryGetValue(oldest.Path, out var current) && current.Hash == oldest.Hash
                        && _files.TryRemove(new KeyValuePair<string, ServedFile>(oldest.Path, current)))
                        Interlocked.Add(ref _bytes, -current.Content.Length);
                }
                // Many replaced versions: drop their names from the queue.
                if (_order.Count > 4 * _files.Count + 1024)
                {
                    // Cycle through once; names queued meanwhile by other threads stay behind, untouched.
                    for (var n = _order.Count; n > 0 && _order.TryDequeue(out var entry); n--)
                        if (_files.TryGetValue(entry.Path, out var f) && f.Hash == entry.Hash)
                            _order.Enqueue(entry);
                }
            }
        }
    }
}
