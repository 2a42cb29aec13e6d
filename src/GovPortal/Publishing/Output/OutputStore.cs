using System.Collections.Concurrent;
using System.Security.Cryptography;
using GovPortal.Hosting;

namespace GovPortal.Publishing.Output;

/// <summary>
/// Writes published files into the public folder. Each file is written under a temporary name and renamed into
/// place, so a reader (or a crash) only ever sees a whole old file or a whole new one. While a batch runs, the new
/// hash of each file it renamed is "pending": the tamper guard accepts it, since the manifest only learns it when
/// the batch commits. Every version is also kept in the object store.
/// </summary>
public sealed class OutputStore(PortalPaths paths, Manifest manifest, ObjectStore objects, TimeProvider time)
{
    public const string TemporarySuffix = ".tmp";

    private readonly ConcurrentDictionary<string, string> _pending = new(StringComparer.Ordinal);
    private int _activeBatches;

    /// <summary>Called after each file is renamed into place. Tests use it to simulate a crash mid-publish.</summary>
    public Action<string>? AfterFileCommitted { get; set; }

    public Manifest Manifest => manifest;
    public ObjectStore Objects => objects;
    public string PublicDirectory => paths.PublicDirectory;

    /// <summary>Whether a publish is writing files right now.</summary>
    public bool IsPublishing => Volatile.Read(ref _activeBatches) > 0;

    public OutputBatch BeginBatch()
    {
        Interlocked.Increment(ref _activeBatches);
        return new OutputBatch(this, time.GetUtcNow().UtcDateTime);
    }

    internal void EndBatch(IEnumerable<string> paths)
    {
        foreach (var path in paths) _pending.TryRemove(path, out _);
        Interlocked.Decrement(ref _activeBatches);
    }

    /// <summary>Whether <paramref name="sha256"/> is the content a running publish just wrote to <paramref name="path"/>.</summary>
    public bool IsPending(string path, string sha256) => _pending.TryGetValue(path, out var pending) && pending == sha256;

    public bool IsPendingPath(string path) => _pending.ContainsKey(path);

    /// <summary>Maps a manifest path to its file, refusing anything that would land outside the public folder.</summary>
    public string FullPathOf(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(paths.PublicDirectory, relativePath));
        var root = Path.GetFullPath(paths.PublicDirectory) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
            throw new ArgumentException($"Output path escapes the public folder: {relativePath}", nameof(relativePath));
        return full;
    }

    /// <returns>The file's hash and, if it had to be written, its manifest entry.</returns>
    internal (string Sha256, ManifestEntry? Written) WriteIfChanged(string relativePath, ReadOnlySpan<byte> content, string owner, DateTime now, string? downloadName)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var full = FullPathOf(relativePath);
        if (manifest.TryGet(relativePath, out var existing) && existing.Sha256 == sha && existing.Owner == owner
            && existing.DownloadName == downloadName && new FileInfo(full) is { Exists: true } info && info.Length == content.Length)
            return (sha, null);

        _pending[relativePath] = sha;
        WriteAtomically(full, content);
        AfterFileCommitted?.Invoke(relativePath);
        return (sha, new ManifestEntry(relativePath, sha, content.Length, now, owner, downloadName));
    }

    /// <summary>Puts the true content of a published file back in place (tamper guard).</summary>
    public void Restore(string relativePath, ReadOnlySpan<byte> content) => WriteAtomically(FullPathOf(relativePath), content);

    internal void DeleteFile(string relativePath)
    {
        var full = FullPathOf(relativePath);
        if (File.Exists(full)) File.Delete(full);
    }

    public static bool IsTemporary(string fileName) => fileName.StartsWith('.') && fileName.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    /// <summary>Removes temporary files a crashed publish may have left behind. They were never in the manifest.</summary>
    public int RemoveLeftoverTemporaryFiles()
    {
        if (!Directory.Exists(paths.PublicDirectory)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(paths.PublicDirectory, "." + "*" + TemporarySuffix, SearchOption.AllDirectories))
        {
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    private static void WriteAtomically(string full, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{TemporarySuffix}");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            stream.Write(content);
        File.Move(temporary, full, overwrite: true);
    }
}
