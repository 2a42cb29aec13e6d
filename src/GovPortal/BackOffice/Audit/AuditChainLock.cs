using GovPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovPortal.BackOffice.Audit;

/// <summary>
/// The one lock every append to the chain (and every pruning) holds, across processes: reading the last entry and
/// inserting the next one are a single step, so two writers never both follow the same entry and fork the chain.
/// SQLite: a transaction that takes the database's write lock at its start (BEGIN IMMEDIATE). PostgreSQL: a
/// transaction-scoped advisory lock, which needs no right beyond INSERT (FOR UPDATE would need UPDATE).
/// </summary>
public static class AuditChainLock
{
    // Any fixed number; only the audit chain takes this advisory lock. ("GovAudit" in ASCII.)
    private const string PostgresLock = "SELECT pg_advisory_xact_lock(5147462922622232948)";

    public static async Task<IDbContextTransaction> BeginAsync(GovPortalDbContext db,
        CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(PostgresLock, cancellationToken);
            return transaction;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var immediate = connection.BeginTransaction(deferred: false);
        return await db.Database.UseTransactionAsync(immediate, cancellationToken)
               ?? throw new InvalidOperationException("The SQLite transaction was not taken up.");
    }

    /// <summary>The last link of the chain: the newest entry, else the last pruned one, else the start.</summary>
    public static async Task<(long Sequence, string Hash)> TailAsync(GovPortalDbContext db,
        CancellationToken cancellationToken)
    {
        var last = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        if (last is { Sequence: { } sequence, Hash: { } hash }) return (sequence, hash);
        var anchor = await db.AuditChainAnchors.AsNoTracking().OrderByDescending(a => a.PrunedThroughSequence)
            .FirstOrDefaultAsync(cancellationToken);
        return anchor is null ? (0, AuditChainHash.Start) : (anchor.PrunedThroughSequence, anchor.LastPrunedHash);
    }
}
