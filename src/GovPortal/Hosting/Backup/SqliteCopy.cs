using Microsoft.Data.Sqlite;

namespace GovPortal.Hosting.Backup;

/// <summary>
/// Copies a SQLite database file with SQLite's online backup: a consistent snapshot even while the running portal
/// writes it (a plain file copy of a database in WAL mode can be torn).
/// </summary>
public static class SqliteCopy
{
    public static void Copy(string sourceFile, string targetFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(targetFile)!);
        using (var source = new SqliteConnection(
                   new SqliteConnectionStringBuilder { DataSource = sourceFile, Pooling = false }.ToString()))
        using (var target = new SqliteConnection(
                   new SqliteConnectionStringBuilder { DataSource = targetFile, Pooling = false }.ToString()))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
    }
}
