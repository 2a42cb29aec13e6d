using System.Collections.Concurrent;
using System.Security.Cryptography;
using GovPortal.Hosting;
using GovPortal.Publishing.Output;

namespace GovPortal.Safety.Tamper;

/// <summary>
/// 网页防篡改: the public server never sends bytes that differ from the manifest. A changed or missing file is
/// answered with its true version from the object store, put back on disk and reported; a file that was never
/// published is moved to quarantine and reported. Requests check what they read; a sweep checks everything else.
/// </summary>
public sealed class TamperGuard(OutputStore output, TamperAlerts alerts, PortalPaths paths, TimeProvider time, ILogger<TamperGuard> logger)
{
    private int _sweeps;

    /// <summary>Raised after each sweep with the number of events it raised.</summary>
    public event Action<int>? Swept;

    /// <summary>How many sweeps have completed since start.</summary>
    public int SweepCount => Volatile.Read(ref _sweeps);

    // Size and modification time of each file when it last proved genuine: the sweep hashes only what changed.
    private readonly ConcurrentDictionary<string, (long Length, DateTime Modified)> _verified = new(StringComparer.Ordinal);

    /// <summary>
    /// The bytes to serve for <paramref name="entry"/>, given what was read from disk (null if the file is missing):
    /// what was read if it is genuine, otherwise the true version (restored on disk), or null if none exists.
    /// </summary>
    public byte[]? Check(ManifestEntry entry, byte[]? onDisk)
    {
        if (onDisk is not null)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(onDisk));
            if (sha == entry.Sha256 || output.IsPending(entry.Path, sha)) return onDisk;
        }
        return RestoreFromStore(entry, onDisk is null ? TamperKind.Missing : TamperKind.Modified);
    }

    /// <summary>
    /// Checks every published file and every file in the output folder; returns the number of events raised.
    /// Files whose size and write time did not move since they last proved genuine are hashed only when
    /// <paramref name="full"/> is set (a write time can be forged; the periodic full sweep does not trust it).
    /// </summary>
    public int Sweep(bool full = false, CancellationToken cancellationToken = default)
    {
        if (output.IsPublishing) return 0; // files are changing legitimately; the next sweep will look
        var manifest = output.Manifest;
        var events = 0;
        var root = output.PublicDirectory;
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (manifest.TryGet(relative, out _) || output.IsPendingPath(relative)) continue;
                if (OutputStore.IsTemporary(Path.GetFileName(file)) && output.IsPublishing) continue;
                if (Quarantine(relative)) events++;
            }
        }
        foreach (var entry in manifest.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (output.IsPublishing) break;
            var info = new FileInfo(output.FullPathOf(entry.Path));
            if (!full && info.Exists && _verified.TryGetValue(entry.Path, out var known) && known == (info.Length, info.LastWriteTimeUtc)) continue;
            byte[]? content = info.Exists ? File.ReadAllBytes(info.FullName) : null;
            var genuine = Check(entry, content);
            if (!ReferenceEquals(genuine, content)) events++;
            else RememberGenuine(entry.Path);
        }
        Interlocked.Increment(ref _sweeps);
        Swept?.Invoke(events);
        return events;
    }

    /// <summary>Moves a file that is not in the manifest out of the public folder.</summary>
    public bool Quarantine(string relativePath)
    {
        var source = output.FullPathOf(relativePath);
        if (!File.Exists(source) || output.Manifest.TryGet(relativePath, out _) || output.IsPendingPath(relativePath)) return false;
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var target = Path.Combine(paths.QuarantineDirectory, stamp, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(source, target, overwrite: true);
        }
        catch (FileNotFoundException)
        {
            return false; // removed meanwhile (a publish cleaning up its own file)
        }
        alerts.Raise(TamperKind.Unpublished, relativePath, $"未经发布的文件已移入隔离区：{target}");
        return true;
    }

    public void RememberGenuine(string relativePath)
    {
        var info = new FileInfo(output.FullPathOf(relativePath));
        if (info.Exists) _verified[relativePath] = (info.Length, info.LastWriteTimeUtc);
    }

    public void Forget(string relativePath) => _verified.TryRemove(relativePath, out _);

    /// <summary>
    /// The true content of a manifest entry: from the object store, or for a .gz/.br variant, compressed again
    /// from the original and accepted only if it hashes to what the manifest says.
    /// </summary>
    private byte[]? TrueContentOf(ManifestEntry entry)
    {
        if (output.Objects.TryGet(entry.Sha256) is { } stored) return stored;
        var isGzip = entry.Path.EndsWith(".gz", StringComparison.Ordinal);
        if (!isGzip && !entry.Path.EndsWith(".br", StringComparison.Ordinal)) return null;
        if (!output.Manifest.TryGet(entry.Path[..^3], out var original) || output.Objects.TryGet(original.Sha256) is not { } content) return null;
        var remade = isGzip ? Precompressor.Gzip(content) : Precompressor.Brotli(content);
        return Convert.ToHexStringLower(SHA256.HashData(remade)) == entry.Sha256 ? remade : null;
    }

    private byte[]? RestoreFromStore(ManifestEntry entry, TamperKind kind)
    {
        var truth = TrueContentOf(entry);
        if (truth is null)
        {
            alerts.Raise(TamperKind.Unrecoverable, entry.Path, "文件与发布清单不符，且对象库中没有它的正确版本，已停止对外提供。");
            return null;
        }
        try
        {
            output.Restore(entry.Path, truth);
            RememberGenuine(entry.Path);
        }
        catch (IOException e)
        {
            logger.LogError(e, "Could not put back {Path}", entry.Path);
        }
        alerts.Raise(kind, entry.Path, kind == TamperKind.Missing ? "已发布的文件缺失，已从对象库恢复。" : "文件内容与发布清单不符，已按原版恢复并以原版应答。");
        return truth;
    }
}
