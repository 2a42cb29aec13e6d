using GovPortal.Citizens.Protection;
using GovPortal.Data;
using GovPortal.Publishing.Output;
using GovPortal.Storage;

namespace GovPortal.Hosting.Backup;

/// <summary>What a restore brought back.</summary>
public sealed record RestoreReport(int PublishedFiles, IReadOnlyList<string> Sites);

/// <summary>
/// Brings a backup back into an empty data folder (and, for PostgreSQL, an empty database): every file of the backup
/// is checked against its SHA-256 before anything is written, the published pages are rebuilt from each site's
/// manifest and the object store, and each is checked against the manifest afterwards. Nothing is ever overwritten:
/// a restore into a folder or database in use is refused.
/// </summary>
public sealed class PortalRestore(PortalPaths paths, DatabaseOptions database, PersonalDataKeyOptions keyOptions)
{
    public async Task<RestoreReport> RestoreAsync(string source, CancellationToken cancellationToken = default)
    {
        source = Path.GetFullPath(source);
        var (catalog, problem) = BackupCatalog.Read(source);
        if (catalog is null) throw new BackupException(problem!);
        if (catalog.Problem(source) is { } damaged) throw new BackupException(damaged);
        if (Directory.Exists(paths.DataDirectory) && Directory.EnumerateFileSystemEntries(paths.DataDirectory).Any())
            throw new BackupException($"数据目录 {paths.DataDirectory} 不是空的：恢复只写入新的空目录，不会覆盖正在使用的数据。");
        if (File.Exists(keyOptions.KeyFile))
            throw new BackupException($"密钥文件 {keyOptions.KeyFile} 已存在：恢复不会覆盖已有密钥，请换一个位置或先移走它。");
        var postgres = database.Provider == DatabaseProvider.Postgres;
        if (postgres != (catalog.Database == BackupCatalog.PostgresDatabase))
            throw new BackupException(catalog.Database == BackupCatalog.PostgresDatabase
                ? "这是 PostgreSQL 门户的备份：恢复时请用 --database 指定一个空的 PostgreSQL 数据库。"
                : "这是内置 SQLite 门户的备份：恢复时不要指定 --database（或指定 SQLite 数据库文件）。");
        if (postgres) await PostgresDump.EnsureEmptyAsync(database.ConnectionString, cancellationToken);

        PortalBackup.CreatePrivateDirectory(paths.DataDirectory);
        if (postgres)
            await PostgresDump.RestoreAsync(database.ConnectionString,
                BackupLayout.Full(source, BackupLayout.PostgresDatabase), cancellationToken);
        else
            CopyNew(BackupLayout.Full(source, BackupLayout.SqliteDatabase), PortalBackup.SqliteFileOf(database));
        var store = BackupLayout.Full(source, BackupLayout.ObjectStore);
        if (File.Exists(store)) CopyNew(store, paths.ObjectStoreFile);
        foreach (var folder in BackupLayout.FileFolders)
            PortalBackup.CopyTree(BackupLayout.Full(source, folder), Path.Combine(paths.DataDirectory, folder));
        PortalBackup.CopyTree(BackupLayout.Full(source, BackupLayout.Keys),
            Path.Combine(paths.DataDirectory, BackupLayout.Keys));
        // Where the operator keeps the key apart (GOVPORTAL_KEY_FILE), it goes there and not into the data folder.
        if (keyOptions.KeyFile != paths.PersonalDataKeyFile && File.Exists(paths.PersonalDataKeyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(keyOptions.KeyFile)!);
            File.Move(paths.PersonalDataKeyFile, keyOptions.KeyFile);
        }
        paths.EnsureCreated();

        var published = 0;
        var objects = new ObjectStore(paths.ObjectStoreFile);
        foreach (var site in catalog.Sites)
        {
            if (!OutputLayout.IsValidSiteCode(site)) throw new BackupException($"备份中的站点代码不合法：{site}");
            var layout = OutputLayout.For(paths, site);
            CopyNew(BackupLayout.Full(source, BackupLayout.Manifest(site)), layout.ManifestFile);
            published += Rebuild(layout, objects);
        }
        return new RestoreReport(published, catalog.Sites);
    }

    /// <summary>Writes every file of the site's manifest from the object store and checks it.</summary>
    private static int Rebuild(OutputLayout layout, ObjectStore objects)
    {
        var manifest = Manifest.Open(layout.ManifestFile);
        var output = new OutputStore(layout, manifest, objects, TimeProvider.System);
        var missing = new List<string>();
        foreach (var entry in manifest.Entries)
        {
            if (output.TrueContentOf(entry) is { } content) output.Restore(entry.Path, content);
            else missing.Add(entry.Path);
        }
        var wrong = manifest.Entries.Where(entry => !missing.Contains(entry.Path))
            .Where(entry => output.ReadForCheck(entry) is not { } bytes || bytes == OutputStore.Unreadable
                            || Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))
                            != entry.Sha256)
            .Select(entry => entry.Path).ToList();
        if (missing.Count > 0 || wrong.Count > 0)
            throw new BackupException($"站点 {layout.SiteCode} 有 {missing.Count + wrong.Count} 个已发布文件无法恢复" +
                $"（例如 {missing.Concat(wrong).First()}）：备份中的对象库缺少它们。恢复后请运行 publish 重新发布。");
        return manifest.Count;
    }

    private static void CopyNew(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: false);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
