using GovPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovPortal.Hosting;

/// <summary>
/// What is checked of the database before it is migrated: that no other program holds the SQLite file, that the
/// PostgreSQL server is recent enough, and that the schema is not from a newer GovPortal (migrating it back is
/// impossible, and running on it would lose what the newer version stores).
/// </summary>
public static class DatabaseCheck
{
    /// <summary>The oldest PostgreSQL the database provider supports.</summary>
    public const int OldestPostgresMajorVersion = 13;

    public static async Task<StartupFailure?> ProblemAsync(PortalSettings settings, GovPortalDbContext db,
        CancellationToken cancellationToken)
    {
        if (settings.Database.Provider == DatabaseProvider.Sqlite)
        {
            if (await SqliteLockedAsync(settings, cancellationToken) is { } locked) return locked;
        }
        else if (await PostgresVersionAsync(settings, cancellationToken) is { } version
                 && TooOld(version, settings) is { } old)
        {
            return old;
        }
        if (!await db.Database.CanConnectAsync(cancellationToken)) return null; // a new database: nothing applied
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken))
            .Where(id => !known.Contains(id)).ToList();
        return unknown.Count == 0
            ? null
            : new(StartupFailure.DatabaseFromNewerVersion,
                $"数据库由更新版本的 GovPortal 建立或升级过（含本程序不认识的结构版本 {unknown[^1]}），" +
                "本程序无法使用它，否则会丢失新版本保存的内容。请运行该版本或更新版本的 GovPortal。");
    }

    /// <summary>A write transaction on the SQLite file, tried for one second.</summary>
    private static async Task<StartupFailure?> SqliteLockedAsync(PortalSettings settings,
        CancellationToken cancellationToken)
    {
        var file = settings.Paths.DatabaseFile;
        if (!File.Exists(file)) return null;
        var probe = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 1, Pooling = false };
        await using var connection = new SqliteConnection(probe.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            return new(StartupFailure.DatabaseLocked,
                $"数据库文件 {file} 正被其他程序锁定（例如打开着的 sqlite3 或备份程序）。" +
                "请关闭那个程序后再启动；要在门户运行时备份，请用不加锁的在线备份。");
        }
    }

    private static async Task<Version?> PostgresVersionAsync(PortalSettings settings,
        CancellationToken cancellationToken)
    {
        // The server may not have the database yet (it is created by the migration): ask the maintenance one.
        var builder = new NpgsqlConnectionStringBuilder(settings.Database.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection.PostgreSqlVersion;
        }
        catch (PostgresException)
        {
            return null; // no right to the maintenance database: the migration's own errors tell the rest
        }
    }

    public static StartupFailure? TooOld(Version version, PortalSettings settings)
    {
        if (version.Major >= OldestPostgresMajorVersion) return null;
        var server = new NpgsqlConnectionStringBuilder(settings.Database.ConnectionString);
        return new(StartupFailure.DatabaseServerTooOld,
            $"PostgreSQL 服务器 {server.Host}:{server.Port} 的版本是 {version.Major}.{version.Minor}，" +
            $"GovPortal 需要 {OldestPostgresMajorVersion} 或更新的版本。请升级数据库服务器。");
    }
}
