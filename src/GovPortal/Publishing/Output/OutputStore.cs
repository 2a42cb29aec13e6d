using System.Security.Cryptography;
using GovPortal.Hosting;

namespace GovPortal.Publishing.Output;

/// <summary>
/// Writes published files into the public folder. Each file is written under a temporary name and renamed into
/// place, so a reader (or a crash) only ever sees a whole old file or a whole new one. The manifest is updated
/// when a batch commits.
/// </summary>
public sealed class OutputStore(PortalPaths paths, Manifest manifest, TimeProvider time)
{
    public const string TemporarySuffix = ".tmp";

    /// <summary>Called after each file is renamed into place. Tests use it to simulate a crash mid-publish.</summary>
    public Action<string>? AfterFileCommitted { get; set; }

    public Manifest Manifest => manifest;
    public string PublicDirectory => paths.PublicDirectory;

    public OutputBatch BeginBatch() => new(this, time.GetUtcNow().UtcDateTime);

    /// <summary>Maps a manifest path to its file, refusing anything that would land outside the public folder.</summary>
    public string FullPathOf(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(paths.PublicDirectory, relativePath));
        var root = Path.GetFullPath(paths.PublicDirectory) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
            throw new ArgumentException($"Output path escapes the public folder: {relativePath}", nameof(relativePath));
        return full;
    }

    internal ManifestEntry? WriteIfChanged(string relativePath, ReadOnlySpan<byte> content, string owner, DateTime now, string? downloadName)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var full = FullPathOf(relativePath);
        if (manifest.TryGet(relativePath, out var existing) && existing.Sha256 == sha && existing.Owner == owner
            && existing.DownloadName == downloadName && new FileInfo(full) is { Exists: true } info && info.Length == content.Length)
            return null;

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{TemporarySuffix}");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            stream.Write(content);
        File.Move(temporary, full, overwrite: true);
        AfterFileCommitted?.Invoke(relativePath);
        return new ManifestEntry(relativePath, sha, content.Length, now, owner, downloadName);
    }

    internal void DeleteFile(string relativePath)
    {
        var full = FullPathOf(relativePath);
        if (File.Exists(full)) File.Delete(full);
    }

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
}
