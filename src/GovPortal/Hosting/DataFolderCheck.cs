using GovPortal.Storage;

namespace GovPortal.Hosting;

/// <summary>
/// What the portal needs of its data folder before it writes anything there: that it may write, that a file
/// renamed over another replaces it in one step (every published file is written that way, so a reader never gets
/// half a page), and room for a full publish.
/// </summary>
public static class DataFolderCheck
{
    /// <summary>Room a full publish of an empty site needs: database, demo site pages and index.</summary>
    public const long MinimumFreeBytes = 64L * 1024 * 1024;

    /// <summary>Null when the folder is fit, otherwise the failure to report.</summary>
    public static StartupFailure? Problem(PortalPaths paths) =>
        NotWritable(paths) ?? NoAtomicRename(paths) ?? TooLittleSpace(paths);

    public static StartupFailure? NotWritable(PortalPaths paths)
    {
        try
        {
            Directory.CreateDirectory(paths.DataDirectory);
            var probe = Path.Combine(paths.DataDirectory, $".write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException && !IsDiskFull(e))
        {
            return new(StartupFailure.DataFolderNotWritable,
                $"数据目录 {paths.DataDirectory} 不可写（{e.Message}）。请用 --data 指定一个可写的目录，" +
                $"或让运行门户的账号（{Environment.UserName}）拥有该目录，例如 chown -R {Environment.UserName} " +
                $"{paths.DataDirectory}。");
        }
        catch (IOException)
        {
            return DiskFull(paths);
        }
    }

    public static StartupFailure? NoAtomicRename(PortalPaths paths)
    {
        var source = Path.Combine(paths.DataDirectory, $".rename-check-{Environment.ProcessId}.tmp");
        var target = Path.Combine(paths.DataDirectory, $".rename-check-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(target, [1]);
            File.WriteAllBytes(source, [2]);
            File.Move(source, target, overwrite: true);
            return File.ReadAllBytes(target) is [2] ? null : NoRename(paths, "替换后的内容不对");
        }
        catch (IOException e) when (!IsDiskFull(e))
        {
            return NoRename(paths, e.Message);
        }
        finally
        {
            File.Delete(source);
            File.Delete(target);
        }
    }

    private static StartupFailure NoRename(PortalPaths paths, string reason) =>
        new(StartupFailure.DataFolderNoAtomicRename,
            $"数据目录 {paths.DataDirectory} 所在的文件系统不支持用改名一次替换文件（{reason}），" +
            "发布时读者可能看到写了一半的页面。请把数据目录放在本地磁盘（ext4、xfs 等）上。");

    public static StartupFailure? TooLittleSpace(PortalPaths paths)
    {
        var needed = NeededForFullPublish(paths);
        var free = new DriveInfo(paths.DataDirectory).AvailableFreeSpace;
        return free >= needed
            ? null
            : new(StartupFailure.NotEnoughSpace,
                $"数据目录 {paths.DataDirectory} 所在磁盘只剩 {Megabytes(free)}，全量发布估计需要 {Megabytes(needed)}。" +
                "请清理磁盘或用 --data 指定空间更大的目录。");
    }

    /// <summary>
    /// A full publish writes every page next to the one it replaces, then renames it; the object store keeps each
    /// new version. Twice what is published today (or the empty site's minimum) covers both, with the database's
    /// growth on top.
    /// </summary>
    public static long NeededForFullPublish(PortalPaths paths) =>
        Math.Max(MinimumFreeBytes, 2 * SizeOf(paths.OutputDirectory) + SizeOf(paths.DatabaseFile) / 2);

    public static StartupFailure DiskFull(PortalPaths paths) =>
        new(StartupFailure.DiskFull,
            $"数据目录 {paths.DataDirectory} 所在磁盘已满，门户无法写入数据库或发布页面。请清理磁盘后再启动。");

    /// <summary>ENOSPC from the file system, or SQLITE_FULL from the database.</summary>
    public static bool IsDiskFull(Exception e) =>
        e is IOException { HResult: 28 } || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 };

    private static long SizeOf(string path)
    {
        if (File.Exists(path)) return new FileInfo(path).Length;
        if (!Directory.Exists(path)) return 0;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true,
        };
        return new DirectoryInfo(path).EnumerateFiles("*", options).Sum(file => file.Length);
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
