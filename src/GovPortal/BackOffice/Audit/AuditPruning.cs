using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovPortal.BackOffice.Audit;

/// <summary>
/// Deletes audit entries past retention (网络安全法 第二十一条: at least six months; the portal keeps 180 days), after
/// writing them, hashes included, to an export file. Only a beginning of the chain is deleted, and the last deleted
/// entry's hash is kept as the chain's anchor, so what remains verifies as before. The pruning is itself recorded.
/// </summary>
public sealed class AuditPruning(DatabaseOptions database, TimeProvider time, AuditChainOptions options)
{
    public const int MinimumRetentionDays = 180;

    /// <summary>The SQLite trigger of the BackOffice migration, lifted for the deletion and put back with it.</summary>
    private const string SqliteNoDeleteTrigger = "CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries "
                                                 + "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;";

    private const string PostgresDisableTrigger =
        "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_AppendOnly\"";

    private const string PostgresEnableTrigger =
        "ALTER TABLE \"AuditEntries\" ENABLE TRIGGER \"AuditEntries_AppendOnly\"";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A file for people and tools, not a web page: Chinese stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="owner">
    /// The owner role's database where secure-audit made another role the owner of the audit table; else null.
    /// </param>
    public async Task<AuditPruneResult> PruneAsync(DateOnly before, string exportFile, DatabaseOptions? owner = null,
        CancellationToken cancellationToken = default)
    {
        var latest = ChinaTime.Today(time).AddDays(-MinimumRetentionDays);
        if (before > latest)
            throw new AuditCommandException($"审计记录至少保留 {MinimumRetentionDays} 天（网络安全法第二十一条要求不少于六个月），"
                                            + $"--before 最晚只能是 {latest:yyyy-MM-dd}，而不是 {before:yyyy-MM-dd}。");
        var export = Path.GetFullPath(exportFile);
        if (File.Exists(export) || Directory.Exists(export))
            throw new AuditCommandException($"导出文件 {export} 已经存在。为免覆盖以前的导出，请换一个文件名。");
        var writer = owner ?? database;
        var check = await new AuditChainVerifier(writer, time).VerifyAsync(cancellationToken: cancellationToken);
        if (!check.Intact)
            throw new AuditCommandException("审计日志哈希链已断开，为保留证据，本次不做清理。请先用 verify-audit 查明原因。"
                                            + check.FirstBreak!.Describe());

        var cutoff = ChinaTime.ToUtc(before.Year, before.Month, before.Day, 0, 0);
        await using var db = writer.CreateContext();
        await using var transaction = await AuditChainLock.BeginAsync(db, cancellationToken);
        // Only a beginning of the chain: up to the entry before the first one that is kept.
        var firstKept = await db.AuditEntries.Where(e => e.Sequence != null && e.AtUtc >= cutoff)
            .MinAsync(e => e.Sequence, cancellationToken);
        var through = firstKept is { } kept
            ? kept - 1
            : await db.AuditEntries.MaxAsync(e => e.Sequence, cancellationToken) ?? 0;
        var doomed = db.AuditEntries.Where(e =>
            (e.Sequence != null && e.Sequence <= through) || (e.Sequence == null && e.AtUtc < cutoff));
        var (count, lastHash, sha256) = await ExportAsync(doomed, export, through, cancellationToken);
        if (count == 0)
        {
            File.Delete(export);
            return new AuditPruneResult(0, null, null, export, "");
        }

        await LiftAppendOnlyAsync(db, lift: true, cancellationToken);
        var deleted = await doomed.ExecuteDeleteAsync(cancellationToken);
        await LiftAppendOnlyAsync(db, lift: false, cancellationToken);
        if (deleted != count)
            throw new AuditCommandException($"导出了 {count} 条而要删除 {deleted} 条，两者不一致，已放弃清理（没有删除任何记录）。");
        if (lastHash is not null)
            db.AuditChainAnchors.Add(new AuditChainAnchor
            {
                PrunedThroughSequence = through, LastPrunedHash = lastHash, PrunedCount = count,
                PrunedBeforeUtc = cutoff, PrunedAtUtc = time.GetUtcNow().UtcDateTime, ExportFile = export,
                ExportSha256 = sha256,
            });
        // Saved before the next append, which reads the chain's tail from the database.
        await db.SaveChangesAsync(cancellationToken);
        await AuditLog.AppendAsync(db, new AuditEntry
        {
            Action = AuditActions.AuditPruned,
            Target = "审计日志",
            Details = $"删除 {before:yyyy-MM-dd} 之前的审计记录 {count} 条"
                      + (lastHash is null ? "" : $"（到第 {through} 条为止，其哈希 {lastHash} 作为链的新起点）")
                      + $"，删除前已导出到 {Path.GetFileName(export)}（SHA-256 {sha256}）。",
        }, time, options.Algorithm, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AuditPruneResult(count, lastHash is null ? null : through, lastHash, export, sha256);
    }

    // JSON Lines, one entry a line with its hashes, flushed to the disk before anything is deleted.
    private static async Task<(int Count, string? LastHash, string Sha256)> ExportAsync(
        IQueryable<AuditEntry> entries, string export, long through, CancellationToken cancellationToken)
    {
        var count = 0;
        string? lastHash = null;
        await using (var file = new FileStream(export, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await foreach (var entry in entries.AsNoTracking().OrderBy(e => e.Sequence ?? 0).ThenBy(e => e.Id)
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await JsonSerializer.SerializeAsync(file, new AuditExportLine(entry.Id, entry.Sequence,
                    DateTime.SpecifyKind(entry.AtUtc, DateTimeKind.Utc), entry.Actor, entry.IpAddress, entry.Action,
                    entry.Target, entry.Details, entry.Algorithm, entry.PreviousHash, entry.Hash), Json,
                    cancellationToken);
                file.WriteByte((byte)'\n');
                count++;
                if (entry.Sequence == through) lastHash = entry.Hash;
            }
            file.Flush(flushToDisk: true);
        }
        await using var read = File.OpenRead(export);
        return (count, lastHash, Convert.ToHexStringLower(await SHA256.HashDataAsync(read, cancellationToken)));
    }

    private static async Task LiftAppendOnlyAsync(GovPortalDbContext db, bool lift, CancellationToken cancellationToken)
    {
        try
        {
            var sql = db.Database.IsNpgsql()
                ? lift ? PostgresDisableTrigger : PostgresEnableTrigger
                : lift ? "DROP TRIGGER IF EXISTS AuditEntries_NoDelete" : SqliteNoDeleteTrigger;
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new AuditCommandException("门户的数据库角色不能删除审计记录（已运行过 secure-audit）。"
                                            + "请用 --owner 给出审计日志表所有者角色的连接串。");
        }
    }
}

public sealed record AuditPruneResult(int Pruned, long? ThroughSequence, string? LastHash, string ExportFile,
    string ExportSha256);

/// <summary>One line of the export: every stored field, so the hashes can be recomputed from the file.</summary>
public sealed record AuditExportLine(long Id, long? Sequence, DateTime AtUtc, string Actor, string IpAddress,
    string Action, string Target, string Details, string? Algorithm, string? PreviousHash, string? Hash);
