using System.Text;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Audit;

/// <summary>
/// Writes audit entries, the only writer of the log. Each entry is its own insert, so an entry is kept even when the
/// action it records failed; each is appended to the hash chain under <see cref="AuditChainLock"/>.
/// </summary>
public sealed class AuditLog(DatabaseOptions database, TimeProvider time, AuditChainOptions options)
{
    // Writers of this process queue here rather than in the database's lock, where SQLite would make them poll.
    private readonly SemaphoreSlim _append = new(1, 1);

    public async Task WriteAsync(string actor, string? ipAddress, string action, string target, string details,
        CancellationToken cancellationToken = default)
    {
        var entry = new AuditEntry
        {
            Actor = Clip(actor, 256),
            IpAddress = Clip(ipAddress ?? "", 64),
            Action = Clip(action, 64),
            Target = Clip(target, 300),
            Details = Clip(details, 4000),
        };
        await _append.WaitAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            // Outside any site (signing in, a session ending at the cookie's check), an account's step is its site's.
            entry.SiteId = SiteScope.Current?.Id
                ?? await db.Users.IgnoreQueryFilters().Where(u => u.UserName == entry.Actor)
                    .Select(u => (int?)u.SiteId).FirstOrDefaultAsync(cancellationToken);
            await using var transaction = await AuditChainLock.BeginAsync(db, cancellationToken);
            await AppendAsync(db, entry, time, options.Algorithm, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _append.Release();
        }
    }

    public Task WriteAsync(HttpContext context, string action, string target, string details,
        CancellationToken cancellationToken = default) =>
        WriteAsync(context.User.Identity?.Name ?? "", context.Connection.RemoteIpAddress?.ToString(), action, target,
            details, cancellationToken);

    /// <summary>
    /// The entries the current site's 审计管理员 reads: those written in the site, and for the first site also those
    /// written outside any site. Outside any site, every entry.
    /// </summary>
    public static async Task<IQueryable<AuditEntry>> OfCurrentSiteAsync(GovPortalDbContext db,
        CancellationToken cancellationToken = default)
    {
        if (SiteScope.Current is not { } site) return db.AuditEntries;
        var first = await db.Sites.IgnoreQueryFilters().OrderBy(s => s.Id).Select(s => s.Id)
            .FirstAsync(cancellationToken);
        return site.Id == first
            ? db.AuditEntries.Where(e => e.SiteId == null || e.SiteId == site.Id)
            : db.AuditEntries.Where(e => e.SiteId == site.Id);
    }

    /// <summary>
    /// Links <paramref name="entry"/> to the chain's tail and inserts it. The caller holds
    /// <see cref="AuditChainLock"/> in <paramref name="db"/>'s transaction.
    /// </summary>
    internal static async Task AppendAsync(GovPortalDbContext db, AuditEntry entry, TimeProvider time,
        string algorithm, CancellationToken cancellationToken)
    {
        var (sequence, hash) = await AuditChainLock.TailAsync(db, cancellationToken);
        // Read under the lock, so that the times of the chain never go backwards between two writers.
        entry.AtUtc = AuditChainHash.Truncate(time.GetUtcNow().UtcDateTime);
        entry.Sequence = sequence + 1;
        entry.Algorithm = algorithm;
        entry.PreviousHash = hash;
        entry.Hash = AuditChainHash.Compute(entry);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Cut to the column's length without splitting a surrogate pair; a NUL (which PostgreSQL refuses in text) or a
    // lone surrogate becomes U+FFFD, so the text hashed is exactly the text stored and read back.
    private static string Clip(string text, int length)
    {
        if (text.Length > length) text = text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }
            clean.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return clean.ToString();
    }
}
