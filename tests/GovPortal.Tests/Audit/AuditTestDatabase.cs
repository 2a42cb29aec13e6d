using GovPortal.BackOffice.Audit;
using GovPortal.Data;
using GovPortal.Hosting;
using GovPortal.Storage;
using GovPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovPortal.Tests.Audit;

/// <summary>
/// A migrated portal database (a SQLite file in a data folder, or a PostgreSQL database of its own) with a clock the
/// test sets, the audit log's classes over it, and raw SQL as someone holding the database would run it.
/// </summary>
public sealed class AuditTestDatabase : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();

    private AuditTestDatabase(Func<PortalPaths, DatabaseOptions> database)
    {
        Paths = new PortalPaths(_folder.Path);
        Database = database(Paths);
    }

    public PortalPaths Paths { get; }
    public DatabaseOptions Database { get; }
    public FixedTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    public PortalSettings Settings => new(Paths, Database, "http://127.0.0.1:0");

    public static Task<AuditTestDatabase> SqliteAsync() =>
        MigratedAsync(new AuditTestDatabase(paths => DatabaseOptions.Sqlite(paths.DatabaseFile)));

    public static async Task<AuditTestDatabase> PostgresAsync(PostgresServer server)
    {
        var connectionString = await server.CreateDatabaseAsync();
        return await MigratedAsync(new AuditTestDatabase(_ => DatabaseOptions.Postgres(connectionString)));
    }

    private static async Task<AuditTestDatabase> MigratedAsync(AuditTestDatabase database)
    {
        await using var db = database.Database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public AuditLog Log(string algorithm = AuditChainHash.Sm3) =>
        new(Database, Time, new AuditChainOptions(algorithm));

    public AuditChainVerifier Verifier => new(Database, Time);

    /// <summary>Writes entries one after another, a minute apart.</summary>
    public async Task WriteAsync(int count, string algorithm = AuditChainHash.Sm3)
    {
        var log = Log(algorithm);
        for (var i = 0; i < count; i++)
        {
            Time.Now = Time.Now.AddMinutes(1);
            await log.WriteAsync("lihua", "10.0.0.8", AuditActions.ArticleSaved, $"文章 {i + 1}",
                $"保存了第 {i + 1} 篇文章「街道通知」");
        }
    }

    public async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>
    /// Runs SQL as the owner of the database would, past the append-only triggers (which only the owner can lift):
    /// what someone who took the database file or the portal's database password can do.
    /// </summary>
    public async Task TamperAsync(string sql)
    {
        if (Database.Provider == DatabaseProvider.Postgres)
        {
            await ExecutePostgresAsync(Database.ConnectionString,
                "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_AppendOnly\"; " + sql
                + "; ALTER TABLE \"AuditEntries\" ENABLE TRIGGER \"AuditEntries_AppendOnly\"");
            return;
        }
        await using var connection = new SqliteConnection($"Data Source={Paths.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS AuditEntries_NoUpdate; "
                              + "DROP TRIGGER IF EXISTS AuditEntries_NoDelete; " + sql.Replace("\"", "");
        await command.ExecuteNonQueryAsync();
    }

    public static async Task ExecutePostgresAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        _folder.Dispose();
        await Task.CompletedTask;
    }
}
