using System.Security.Cryptography;
using System.Text.Json;

namespace GovPortal.Hosting.Backup;

/// <summary>One file of a backup, by its path inside the backup folder (always with '/').</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>
/// <c>backup.json</c>: what a backup holds and the SHA-256 of every file in it, written last, so a folder without it
/// is an unfinished backup and a changed or missing file is found before anything is restored.
/// </summary>
public sealed record BackupCatalog(int Format, DateTime CreatedUtc, string Database, IReadOnlyList<string> Sites,
    IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "backup.json";
    public const int CurrentFormat = 1;
    public const string SqliteDatabase = "sqlite", PostgresDatabase = "postgres";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Write(string backupDirectory) =>
        File.WriteAllText(System.IO.Path.Combine(backupDirectory, FileName), JsonSerializer.Serialize(this, Json));

    /// <returns>The catalog, or a message in Chinese saying why the folder is not a usable backup.</returns>
    public static (BackupCatalog? Catalog, string? Problem) Read(string backupDirectory)
    {
        var file = System.IO.Path.Combine(backupDirectory, FileName);
        if (!File.Exists(file)) return (null, $"{backupDirectory} 不是完整的备份：缺少 {FileName}（备份可能没有完成）。");
        BackupCatalog? catalog;
        try
        {
            catalog = JsonSerializer.Deserialize<BackupCatalog>(File.ReadAllText(file), Json);
        }
        catch (JsonException)
        {
            catalog = null;
        }
        if (catalog is null || catalog.Files is null || catalog.Sites is null)
            return (null, $"{file} 已损坏，无法读取。");
        if (catalog.Format != CurrentFormat)
            return (null, $"{file} 是第 {catalog.Format} 版格式的备份，本程序只能恢复第 {CurrentFormat} 版。");
        return (catalog, null);
    }

    /// <summary>The first file that is missing or differs from its recorded hash, in Chinese; null when all agree.
    /// </summary>
    public string? Problem(string backupDirectory)
    {
        foreach (var entry in Files)
        {
            if (!IsSafeRelativePath(entry.Path)) return $"备份目录中的文件名不合法：{entry.Path}";
            var full = System.IO.Path.Combine(backupDirectory, entry.Path);
            if (!File.Exists(full)) return $"备份不完整：缺少 {entry.Path}。";
            if (HashOf(full) != entry.Sha256) return $"备份已损坏：{entry.Path} 与备份时的校验值不符。";
        }
        return null;
    }

    public static string HashOf(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>A path the catalog may name: relative, inside the backup, no '..' and no rooted parts.</summary>
    public static bool IsSafeRelativePath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\') && !path.Contains('\0')
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");
}
