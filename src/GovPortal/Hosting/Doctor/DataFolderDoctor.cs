using GovPortal.Storage;

namespace GovPortal.Hosting.Doctor;

/// <summary>The data folder: who may write it, the file system it is on, and room for a full publish.</summary>
public static class DataFolderDoctor
{
    private const string Subject = "数据目录";

    public static IEnumerable<DoctorFinding> Check(PortalPaths paths)
    {
        // Nothing is created: a folder that does not exist yet is judged by the folder it will be made in.
        var existing = paths.DataDirectory;
        while (!Directory.Exists(existing)) existing = Path.GetDirectoryName(existing) ?? "/";
        var probePaths = new PortalPaths(existing);
        var notWritable = DataFolderCheck.NotWritable(probePaths);
        if (notWritable is not null)
        {
            yield return DoctorFinding.Fail(Subject, notWritable.Message);
            yield break;
        }
        var drive = new DriveInfo(existing);
        yield return existing == paths.DataDirectory
            ? DoctorFinding.Pass(Subject, $"{paths.DataDirectory} 可写，文件系统 {drive.DriveFormat}")
            : DoctorFinding.Pass(Subject, $"{paths.DataDirectory} 尚不存在，首次启动时将在 {existing} 中创建" +
                                          $"（可写，文件系统 {drive.DriveFormat}）");
        yield return DataFolderCheck.NoAtomicRename(probePaths) is { } noRename
            ? DoctorFinding.Fail("文件替换", noRename.Message)
            : DoctorFinding.Pass("文件替换", "改名替换文件是一步完成的，发布时读者不会看到写了一半的页面");
        var needed = DataFolderCheck.NeededForFullPublish(paths);
        var free = drive.AvailableFreeSpace;
        yield return free < needed
            ? DoctorFinding.Fail("磁盘空间", $"只剩 {Megabytes(free)}，全量发布估计需要 {Megabytes(needed)}")
            : free < 3 * needed
                ? DoctorFinding.Warn("磁盘空间", $"剩余 {Megabytes(free)}，不到全量发布所需（{Megabytes(needed)}）的三倍，" +
                                             "请尽快扩容或清理")
                : DoctorFinding.Pass("磁盘空间", $"剩余 {Megabytes(free)}，全量发布估计需要 {Megabytes(needed)}");
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
