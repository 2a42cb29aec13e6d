using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Citizens.Forms;

/// <summary>
/// The table of handled public form posts (<see cref="HandledFormPost"/>). Every change is one conditional
/// statement, so two requests, or two nodes, never both take the same post: an insert that does nothing when the
/// post is already there, and updates and deletes that name the holder they expect.
/// </summary>
internal sealed class HandledPostStore(DatabaseOptions database)
{
    /// <summary>Inserts the claim if no row for the post exists; true when this call made it.</summary>
    public async Task<bool> TryInsertAsync(string key, string holder, DateTime now, DateTime expires,
        CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var claimed = Stored(db, nameof(HandledFormPost.ClaimedAtUtc), now);
        var expiresAt = Stored(db, nameof(HandledFormPost.ExpiresAtUtc), expires);
        // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a duplicate is an answer here, not an error to log.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             INSERT INTO "HandledFormPosts" ("TokenHash", "Holder", "ClaimedAtUtc", "ExpiresAtUtc")
             VALUES ({key}, {holder}, {claimed}, {expiresAt}) ON CONFLICT DO NOTHING
             """, cancellationToken);
        return inserted == 1;
    }

    /// <summary>A value as the provider stores it in the column (SQLite keeps dates as ticks): raw SQL bypasses the
    /// model's converters.</summary>
    private static object Stored(GovPortalDbContext db, string property, DateTime value)
    {
        var converter = db.Model.FindEntityType(typeof(HandledFormPost))!.FindProperty(property)!.GetTypeMapping()
            .Converter;
        return converter?.ConvertToProvider(value) ?? value;
    }

    public async Task<HandledFormPost?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.HandledFormPosts.AsNoTracking().FirstOrDefaultAsync(p => p.TokenHash == key,
            cancellationToken);
    }

    /// <summary>Takes over a claim whose holder stopped before it recorded a receipt (its process died).</summary>
    public async Task<bool> TakeOverAsync(HandledFormPost dead, string holder, DateTime now,
        CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.HandledFormPosts
            .Where(p => p.TokenHash == dead.TokenHash && p.Holder == dead.Holder && p.ReceiptNumber == null)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Holder, holder).SetProperty(p => p.ClaimedAtUtc, now),
                cancellationToken) == 1;
    }

    /// <summary>Records the receipt of a post taken outside a transaction that recorded it already.</summary>
    public async Task RecordAsync(string key, string holder, string receipt, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.HandledFormPosts.Where(p => p.TokenHash == key && p.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.ReceiptNumber, receipt), cancellationToken);
    }

    /// <summary>Removes a claim that took nothing: the same post may be sent again.</summary>
    public async Task ReleaseAsync(string key, string holder, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.HandledFormPosts.Where(p => p.TokenHash == key && p.Holder == holder && p.ReceiptNumber == null)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Removes the posts whose form tokens have expired.</summary>
    public async Task<int> PurgeAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.HandledFormPosts.Where(p => p.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Adds the receipt of the post to <paramref name="db"/>'s pending changes, to be saved with the letter
    /// or application it names; saving fails with a concurrency error if another holder took the post over.</summary>
    public static void RecordIn(GovPortalDbContext db, string key, string holder, string receipt)
    {
        var row = new HandledFormPost { TokenHash = key, Holder = holder };
        db.HandledFormPosts.Attach(row);
        row.ReceiptNumber = receipt;
    }
}
