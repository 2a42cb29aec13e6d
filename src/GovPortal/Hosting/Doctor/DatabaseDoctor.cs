using System.Data.Common;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovPortal.Hosting.Doctor;

/// <summary>
/// The database: reachable, at which schema version, and whether the next start can migrate it. Read only: a
/// SQLite file is opened read-only, and a missing database is not created.
/// </summary>
public static class DatabaseDoctor
{
    private const string Subject = "数据库";

    public static async Task<IReadOnlyList<DoctorFinding>> CheckAsync(PortalSettings settings,
        CancellationToken cancellationToken)
    {
        try
        {
            return settings.Database.Provider == DatabaseProvider.Sqlite
                ? await CheckSqliteAsync(settings, cancellationToken)
                : await CheckPostgresAsync(settings, cancellationToken);
        }
        catch (Exception e) when (StartupFailure.Explain(e, settings) is { } failure)
        {
            return [DoctorFinding.Fail(Subject, failure.Message)];
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            return [DoctorFinding.Fail(Subject, $"无法读取数据库：{e.Message}")];
        }
    }

    private static async Task<IReadOnlyList<DoctorFinding>> CheckSqliteAsync(PortalSettings settings,
        CancellationToken cancellationToken)
    {
        var file = settings.Paths.DatabaseFile;
        if (settings.Database.ConnectionString != DatabaseOptions.Sqlite(file).ConnectionString)
            return [DoctorFinding.Warn(Subject, "--database 给出的是 SQLite 连接串，本检查只检查数据目录中的 govportal.db")];
        if (!File.Exists(file)) return [DoctorFinding.Pass(Subject, $"内置 SQLite {file} 尚未建立，首次启动时创建")];
        var readOnly = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Mode=ReadOnly;Pooling=False");
        await using var db = readOnly.CreateContext();
        var (schema, current) = await SchemaAsync(db, $"内置 SQLite {file}", canMigrate: true, cancellationToken);
        return [schema, .. current ? await SiteAddressDoctor.CheckAsync(db, cancellationToken) : []];
    }

    private static async Task<IReadOnlyList<DoctorFinding>> CheckPostgresAsync(PortalSettings settings,
        CancellationToken cancellationToken)
    {
        var account = new NpgsqlConnectionStringBuilder(settings.Database.ConnectionString);
        var server = $"PostgreSQL {account.Host}:{account.Port}";
        var maintenance = new NpgsqlConnectionStringBuilder(account.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var findings = new List<DoctorFinding>();
        var version = connection.PostgreSqlVersion;
        findings.Add(DatabaseCheck.TooOld(version, settings) is { } old
            ? DoctorFinding.Fail("数据库服务器", old.Message)
            : DoctorFinding.Pass("数据库服务器", $"{server}，版本 {version.Major}.{version.Minor}"));

        var exists = await ScalarAsync<bool>(connection,
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", account.Database, cancellationToken);
        if (!exists)
        {
            var mayCreate = await ScalarAsync<bool>(connection,
                "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user", null, cancellationToken);
            findings.Add(mayCreate
                ? DoctorFinding.Pass(Subject, $"{server} 上还没有数据库 {account.Database}，首次启动时由账号 " +
                                              $"{account.Username} 创建")
                : DoctorFinding.Fail(Subject, $"{server} 上没有数据库 {account.Database}，账号 {account.Username} " +
                                              "也无权创建它。请由数据库管理员创建：CREATE DATABASE " +
                                              $"{StartupFailure.Quoted(account.Database)} OWNER " +
                                              $"{StartupFailure.Quoted(account.Username)};"));
            return findings;
        }
        await using var inDatabase = new NpgsqlConnection(account.ConnectionString);
        await inDatabase.OpenAsync(cancellationToken);
        var mayCreateTables = await ScalarAsync<bool>(inDatabase,
            "SELECT has_schema_privilege('public', 'CREATE')", null, cancellationToken);
        await using var db = settings.Database.CreateContext();
        var (schema, current) = await SchemaAsync(db, $"{server} 数据库 {account.Database}", mayCreateTables,
            cancellationToken);
        findings.Add(schema);
        if (current) findings.AddRange(await SiteAddressDoctor.CheckAsync(db, cancellationToken));
        return findings;
    }

    /// <returns>The finding, and whether the schema is the one this version reads.</returns>
    private static async Task<(DoctorFinding Finding, bool Current)> SchemaAsync(GovPortalDbContext db, string where,
        bool canMigrate, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            return (DoctorFinding.Fail(Subject, $"{where} 由更新版本的 GovPortal 升级过（结构版本 {unknown[^1]}），" +
                                                "请运行该版本或更新版本的程序"), false);
        var pending = known.Count - applied.Count;
        var current = applied.Count == 0 ? "空库" : $"结构版本 {applied[^1]}";
        if (pending == 0) return (DoctorFinding.Pass(Subject, $"{where}，{current}（最新）"), true);
        return (canMigrate
            ? DoctorFinding.Pass(Subject, $"{where}，{current}；启动时将执行 {pending} 个结构更新")
            : DoctorFinding.Fail(Subject, $"{where}，{current}；有 {pending} 个结构更新要执行，但账号无权在其中建表。" +
                                          "请让账号成为该数据库的所有者（ALTER DATABASE … OWNER TO …）"), false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string? name,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (name is not null) command.Parameters.AddWithValue("name", name);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
