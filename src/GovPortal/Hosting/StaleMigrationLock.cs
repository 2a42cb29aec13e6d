using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Hosting;

/// <summary>
/// EF Core holds a row in <c>__EFMigrationsLock</c> while it migrates a SQLite database and deletes it when done. A
/// process killed meanwhile (every start migrates, so a kill at start is enough) leaves the row, and every later start
/// waits for it for ever, silently. One process at a time uses a data folder (<c>data/serve.lock</c>), so a row found
/// before migrating is a dead process's and is removed. PostgreSQL's lock is a session lock that ends with its
/// process.
/// </summary>
public static class StaleMigrationLock
{
    /// <returns>Whether a lock left by a killed process was removed.</returns>
    public static async Task<bool> RemoveAsync(GovPortalDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql()) return false;
        var tables = await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync(cancellationToken);
        if (tables == 0) return false;
        return await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", cancellationToken) > 0;
    }
}
