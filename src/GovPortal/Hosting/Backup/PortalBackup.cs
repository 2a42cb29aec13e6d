using GovPortal.Citizens.Protection;
using GovPortal.Data;
using GovPortal.Publishing.Output;
using GovPortal.Storage;
using Microsoft.Data.Sqlite;

namespace GovPortal.Hosting.Backup;

/// <summary>What a backup holds.</summary>
public sealed record BackupReport(string Directory, int Files, long Bytes, IReadOnlyList<string> Sites);

/// <summary>
/// Makes a consistent copy of a portal, running or not, into an empty folder. The order is what makes it consistent
/// without stopping anything: each site's manifest first, then the object store (a publish stores every file before
/// its manifest names it, so every file of the copied manifests is in the copied store), then the database (SQLite's
/// online backup or pg_dump: one snapshot), then the uploaded and sealed files (written before the database row that
/// names them, so every file the copied database names is already there), then the keys. The published pages are not
/// copied: restore rebuilds them from the manifests and the store and checks each against its SHA-256; the search
/// index is rebuilt at the first start.
/// </summary>
public sealed class PortalBackup(PortalPaths paths, DatabaseOptions database, PersonalDataKeyOptions keyOptions,
    TimeProvider time)
{
    public async Task<BackupReport> CreateAsync(string target, CancellationToken cancellationToken = default)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
            throw new BackupException($"备份目录 {target} 已存在且不是空的：请指定一个新的或空的目录，备份不会覆盖已有文件。");
        if (IsInside(target, paths.DataDirectory))
            throw new BackupException($"备份目录 {target} 在数据目录里面：请放在数据目录之外（最好在另一块磁盘上）。");
        CreatePrivateDirectory(target);

        var sites = SitesWithOutput();
        foreach (var site in sites)
            SqliteCopy.Copy(OutputLayout.For(paths, site).ManifestFile,
                BackupLayout.Full(target, BackupLayout.Manifest(site)));
        if (File.Exists(paths.ObjectStoreFile))
            SqliteCopy.Copy(paths.ObjectStoreFile, BackupLayout.Full(target, BackupLayout.ObjectStore));

        string kind;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            kind = BackupCatalog.PostgresDatabase;
            Directory.CreateDirectory(BackupLayout.Full(target, "database"));
            await PostgresDump.DumpAsync(database.ConnectionString,
                BackupLayout.Full(target, BackupLayout.PostgresDatabase), cancellationToken);
        }
        else
        {
            kind = BackupCatalog.SqliteDatabase;
            SqliteCopy.Copy(SqliteFileOf(database), BackupLayout.Full(target, BackupLayout.SqliteDatabase));
        }

        foreach (var folder in BackupLayout.FileFolders)
            CopyTree(Path.Combine(paths.DataDirectory, folder), BackupLayout.Full(target, folder));
        var keysFolder = Path.Combine(paths.DataDirectory, BackupLayout.Keys);
        CopyTree(keysFolder, BackupLayout.Full(target, BackupLayout.Keys));
        // The key file in use may live elsewhere (GOVPORTAL_KEY_FILE): that one is kept, under its usual name.
        var keyCopy = BackupLayout.Full(target, BackupLayout.PersonalDataKey);
        File.Delete(keyCopy);
        if (File.Exists(keyOptions.KeyFile)) CopyFile(keyOptions.KeyFile, keyCopy);

        var files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
            .Select(file => new FileInfo(file))
            .Select(info => new BackupFile(Path.GetRelativePath(target, info.FullName).Replace('\\', '/'),
                info.Length, BackupCatalog.HashOf(info.FullName)))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        // Written last: a backup folder without its catalog is one that did not finish.
        new BackupCatalog(BackupCatalog.CurrentFormat, time.GetUtcNow().UtcDateTime, kind, sites, files).Write(target);
        return new BackupReport(target, files.Count, files.Sum(f => f.Bytes), sites);
    }

    private List<string> SitesWithOutput() =>
        Directory.Exists(paths.OutputDirectory)
            ? Directory.GetDirectories(paths.OutputDirectory).Select(Path.GetFileName).OfType<string>()
                .Where(code => OutputLayout.IsValidSiteCode(code)
                               && File.Exists(OutputLayout.For(paths, code).ManifestFile))
                .Order(StringComparer.Ordinal).ToList()
            : [];

    internal static string SqliteFileOf(DatabaseOptions database) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);

    internal static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    internal static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative == "."
               || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    /// <summary>
    /// Copies a folder's regular files. Links are never followed (one planted in the data folder must not carry
    /// files from elsewhere into the backup), and temporary files of writes in progress are left out.
    /// </summary>
    internal static void CopyTree(string source, string target)
    {
        if (!Directory.Exists(source) || new DirectoryInfo(source).LinkTarget is not null) return;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false,
        };
        foreach (var directory in Directory.EnumerateDirectories(source, "*", options))
            CopyTree(directory, Path.Combine(target, Path.GetFileName(directory)));
        foreach (var file in Directory.EnumerateFiles(source, "*", options))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".tmp", StringComparison.Ordinal)) continue;
            CopyFile(file, Path.Combine(target, name));
        }
    }

    internal static void CopyFile(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: false);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
