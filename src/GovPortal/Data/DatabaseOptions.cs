using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data;

/// <summary>
/// Which database the back office uses. SQLite in the data folder unless a PostgreSQL connection string is given.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseOptions Sqlite(string databaseFile) =>
        new(DatabaseProvider.Sqlite, $"Data Source={databaseFile};Cache=Shared;Pooling=True");

    public static DatabaseOptions Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>
    /// Creates a context of the right provider without a service container (commands, tests, benchmarks).
    /// </summary>
    public GovPortalDbContext CreateContext() => Provider switch
    {
        DatabaseProvider.Postgres => new PostgresGovPortalDbContext(
            new DbContextOptionsBuilder<PostgresGovPortalDbContext>().UseNpgsql(ConnectionString).Options),
        _ => new SqliteGovPortalDbContext(
            new DbContextOptionsBuilder<SqliteGovPortalDbContext>().UseSqlite(ConnectionString).Options),
    };
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
