using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GovPortal.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGovPortalDbContext>
{
    public SqliteGovPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGovPortalDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGovPortalDbContext>
{
    public PostgresGovPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGovPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=design").Options);
}
