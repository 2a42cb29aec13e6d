using System.Collections.Concurrent;
using GovPortal.Storage;
using GovPortal.Publishing.Output;

namespace GovPortal.Safety.Tamper;

/// <summary>
/// 网页防篡改: the public server never sends bytes that differ from the manifest. A changed or missing file is
/// answered with its true version from the object store, put back on disk and reported; a file that was never
/// published is moved to quarantine and reported. Requests check what they read; a sweep checks everything else.
/// </summary>
/// <remarks>
/// Links are never followed: the sweep lists a link as itself and never enters it, a link found in the output
/// (to a file or a folder, anywhere on a path) is moved to quarantine as a link and reported, and its target is
/// never read, moved or written. A restore first moves the links on its path away, so it always writes a real file
/// in real folders under the output.
/// </remarks>
public sealed class TamperGuard
{
    private readonly OutputStore output;
    private readonly TamperAlerts alerts;
    private readonly PortalPaths paths;
    private readonly TimeProvider time;
    private readonly ILogger<TamperGuard> logger;
    private int _sweeps;

    // Every alert names the site whose output this guard keeps.
    private void Raise(TamperKind kind, string path, string detail) =>
        alerts.Raise(kind, path, detail, output.Layout.SiteCode);

    public TamperGuard(OutputStore output, TamperAlerts alerts, PortalPaths paths, TimeProvider time,
        ILogger<TamperGuard> logger)
    {
        (this.output, this.alerts, this.paths, this.time, this.logger) = (output, alerts, paths, time, logger);
        // A publish that met a link in its way removed the link itself (never its target): reported like any other.
        output.LinkRemoved += (path, target) => Raise(TamperKind.Unpublished, path,
            $"发布时发现符号链接（指向 {target}），已删除该链接本身，它指向的文件未被读取、移动或修改。");
    }

    /// <summary>Raised after each sweep with the number of events it raised.</summary>
    public event Action<int>? Swept;

    /// <summary>How many sweeps have completed since start.</summary>
    public int SweepCount => Volatile.Read(ref _sweeps);

    // Size and modification time of each file when it last proved genuine: the sweep hashes only what changed.
    private readonly ConcurrentDictionary<string, (long Length, DateTime Modified)> _verified =
        new(StringComparer.Ordinal);

    /// <summary>
    /// What to serve for <paramref name="entry"/>, given what was read from disk (null if missing,
    /// <see cref="OutputStore.Unreadable"/> if it could not be read as a plain file): what was read if it is
    /// genuine; the true version, restored on disk, if not; nothing if no true version exists. <c>Cacheable</c> is
    /// false for bytes that are not exactly <paramref name="entry"/>'s version (a running publish's, or a newer
    /// entry's), so they are never kept or sent under that version's validators.
    /// </summary>
    public (byte[]? Content, bool Cacheable) Check(ManifestEntry entry, byte[]? onDisk)
    {
        FileHash? hash = onDisk is null || onDisk == OutputStore.Unreadable ? null : FileHash.Of(onDisk);
        if (hash == entry.Hash) return (onDisk, true);
        if (hash is { } read && output.IsPending(entry.Path, read)) return (onDisk, false);

        lock (output.CommitLock)
        {
            // A commit may have replaced or removed the entry since it was read: judge against what is current.
            if (!output.Manifest.TryGet(entry.Path, out var current)) return (null, false);
            if (current.Hash != entry.Hash && hash == current.Hash) return (onDisk, false);
            // A request and the watcher can find the same change: whoever comes second finds it put right.
            var again = output.ReadForCheck(current);
            if (OutputStore.IsGenuine(again, current))
                return (again, current.Hash == entry.Hash);
            var restored = RestoreFromStore(current, onDisk is null ? TamperKind.Missing : TamperKind.Modified);
            return (restored, restored is not null && current.Hash == entry.Hash);
        }
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
            // Links are listed as themselves and never entered: what they point at is not the output.
            foreach (var (relative, isLink) in OutputFiles.Walk(root))
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A published file that has become a link is put back below (the link goes to quarantine first).
                if (manifest.TryGet(relative, out _) || output.IsPendingPath(relative)) continue;
                // Temporary files are the publisher's and the guard's own work in progress; never served, and
                // leftovers of a crash are removed by the next full publish.
                if (!isLink && OutputStore.IsTemporary(Path.GetFileName(relative))) continue;
                if (Quarantine(relative)) events++;
            }
        }
        foreach (var entry in manifest.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (output.IsPublishing) break;
            try
            {
                var info = new FileInfo(output.FullPathOf(entry.Path));
                if (!full && info.Exists && info.LinkTarget is null && _verified.TryGetValue(entry.Path, out var known)
                    && known == (info.Length, info.LastWriteTimeUtc)) continue;
                var content = output.ReadForCheck(entry);
                var (served, _) = Check(entry, content);
                if (!ReferenceEquals(served, content)) events++;
                else RememberGenuine(entry.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // One file that resists must not stop the sweep of all the others.
                logger.LogError(e, "Tamper sweep could not check {Path}", entry.Path);
            }
        }
        Interlocked.Increment(ref _sweeps);
        Swept?.Invoke(events);
        return events;
    }

    /// <summary>
    /// Checks one file the watcher saw change: a published file is proved or put back, a file nobody published is
    /// quarantined. Left to the next request and sweep while a publish is writing (its own files change then).
    /// </summary>
    public void CheckChanged(string relativePath)
    {
        if (output.IsPublishing || OutputStore.IsTemporary(Path.GetFileName(relativePath))) return;
        if (output.Manifest.TryGet(relativePath, out var entry))
        {
            var content = output.ReadForCheck(entry);
            var (served, _) = Check(entry, content);
            if (ReferenceEquals(served, content)) RememberGenuine(relativePath);
        }
        else if (!output.IsPendingPath(relativePath)
                 && (output.LinkOnPath(relativePath) is not null || File.Exists(output.FullPathOf(relativePath))))
            Quarantine(relativePath);
    }

    /// <summary>
    /// Moves a file that is not in the manifest out of the public folder. When a link stands on its path (a folder
    /// on the way, or the file itself), the link is what goes to quarantine, and what it points at stays untouched.
    /// </summary>
    public bool Quarantine(string relativePath)
    {
        lock (output.CommitLock)
            return output.LinkOnPath(relativePath) is { } link
                ? QuarantineLink(link)
                : QuarantineUnlocked(relativePath);
    }

    private string QuarantinePathFor(string relativePath)
    {
        // A folder per event, so that two files of the same name never overwrite each other's evidence.
        var stamp = time.GetUtcNow().UtcDateTime
            .ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return Path.Combine(paths.QuarantineDirectory, $"{stamp}-{Guid.NewGuid().ToString("N")[..8]}",
            relativePath);
    }

    /// <summary>
    /// Moves a link itself to quarantine: made again there with the same target, then removed from the output
    /// (unlink removes the link, never its target). Called holding the commit lock.
    /// </summary>
    private bool QuarantineLink(string relativeLink)
    {
        var source = output.FullPathOf(relativeLink);
        var pointsAt = new FileInfo(source).LinkTarget;
        var target = QuarantinePathFor(relativeLink);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (pointsAt is not null) File.CreateSymbolicLink(target, pointsAt);
            File.Delete(source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Raise(TamperKind.Unpublished, relativeLink,
                $"输出目录中的符号链接（指向 {pointsAt}）无法移入隔离区（{e.Message}），它不会被跟随，请人工处理。");
            return false;
        }
        Raise(TamperKind.Unpublished, relativeLink,
            $"输出目录中的符号链接（指向 {pointsAt}）已移入隔离区：{target}；它指向的文件未被读取、移动或修改。");
        return true;
    }

    private bool QuarantineUnlocked(string relativePath)
    {
        var source = output.FullPathOf(relativePath);
        if (!File.Exists(source) || output.Manifest.TryGet(relativePath, out _) || output.IsPendingPath(relativePath))
            return false;
        var target = QuarantinePathFor(relativePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(source, target);
        }
        catch (FileNotFoundException)
        {
            return false; // removed meanwhile (a publish cleaning up its own file)
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Raise(TamperKind.Unpublished, relativePath, $"未经发布的文件无法移入隔离区（{e.Message}），它不会被提供给访问者，请人工处理。");
            return false;
        }
        Raise(TamperKind.Unpublished, relativePath, $"未经发布的文件已移入隔离区：{target}");
        return true;
    }

    public void RememberGenuine(string relativePath)
    {
        var info = new FileInfo(output.FullPathOf(relativePath));
        if (info.Exists) _verified[relativePath] = (info.Length, info.LastWriteTimeUtc);
    }

    public void Forget(string relativePath) => _verified.TryRemove(relativePath, out _);

    private byte[]? RestoreFromStore(ManifestEntry entry, TamperKind kind)
    {
        var truth = output.TrueContentOf(entry);
        if (truth is null)
        {
            Raise(TamperKind.Unrecoverable, entry.Path, "文件与发布清单不符，且对象库中没有它的正确版本，已停止对外提供。");
            return null;
        }
        try
        {
            // Written only into real folders under the output: a link on the way goes to quarantine first.
            for (var moved = 0; moved <= entry.Path.Length && output.LinkOnPath(entry.Path) is { } link; moved++)
                if (!QuarantineLink(link)) break;
            output.Restore(entry.Path, truth);
            RememberGenuine(entry.Path);
        }
        catch (IOException e)
        {
            logger.LogError(e, "Could not put back {Path}", entry.Path);
        }
        Raise(kind, entry.Path, kind == TamperKind.Missing ? "已发布的文件缺失，已从对象库恢复。" : "文件内容与发布清单不符，已按原版恢复并以原版应答。");
        return truth;
    }
}
