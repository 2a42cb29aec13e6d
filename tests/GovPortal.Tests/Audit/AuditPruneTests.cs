using System.Text.Json;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Audit;

/// <summary>
/// Retention: entries go only after 180 days, only after they are in the export file with their hashes, and the
/// chain that remains still verifies, starting from the last pruned entry's hash.
/// </summary>
public sealed class AuditPruneTests
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    [Fact]
    public async Task Old_entries_are_exported_with_their_hashes_then_deleted_and_the_chain_still_verifies()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        var now = data.Time.Now;
        foreach (var daysAgo in new[] { 400, 300, 200, 10 })
        {
            data.Time.Now = now.AddDays(-daysAgo);
            await data.WriteAsync(1);
        }
        data.Time.Now = now;
        var before = await data.EntriesAsync();
        var export = Path.Combine(data.Paths.DataDirectory, "audit-2025.jsonl");
        var cutoff = ChinaTime.Today(data.Time).AddDays(-250);

        var output = new StringWriter();
        var (line, _) = CommandLine.Parse(["prune-audit", "--before", $"{cutoff:yyyy-MM-dd}", "--export", export]);
        Assert.Equal(0, await AuditCommands.RunAsync(line!, data.Settings, output, new StringWriter(), data.Time));
        Assert.Contains("已删除", output.ToString());
        Assert.Contains("审计记录 2 条", output.ToString());

        var exported = (await File.ReadAllLinesAsync(export))
            .Select(l => JsonSerializer.Deserialize<AuditExportLine>(l, Json)!).ToList();
        Assert.Equal(before.Take(2).Select(e => e.Hash), exported.Select(e => e.Hash));
        Assert.Contains("保存了第 1 篇文章「街道通知」", File.ReadAllText(export));
        // The file alone proves its entries: each hash recomputes from the fields written beside it.
        foreach (var e in exported)
            Assert.Equal(e.Hash, AuditChainHash.Compute(new AuditEntry
            {
                Sequence = e.Sequence, AtUtc = e.AtUtc, Actor = e.Actor, IpAddress = e.IpAddress, Action = e.Action,
                Target = e.Target, Details = e.Details, Algorithm = e.Algorithm, PreviousHash = e.PreviousHash,
            }));

        var after = await data.EntriesAsync();
        Assert.Equal([3L, 4, 5], after.Select(e => e.Sequence!.Value));
        var pruned = after.Last();
        Assert.Equal(AuditActions.AuditPruned, pruned.Action);
        Assert.Contains("审计记录 2 条", pruned.Details);
        await using (var db = data.Database.CreateContext())
        {
            var anchor = await db.AuditChainAnchors.SingleAsync();
            Assert.Equal(2, anchor.PrunedThroughSequence);
            Assert.Equal(before[1].Hash, anchor.LastPrunedHash);
            Assert.Equal(after[0].PreviousHash, anchor.LastPrunedHash);
        }
        var report = await data.Verifier.VerifyAsync();
        Assert.True(report.Intact, report.Summary);
        Assert.Equal(3, report.FirstSequence);

        // Still evident afterwards: a row deleted from what remains.
        await data.TamperAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 4");
        Assert.Equal(5, (await data.Verifier.VerifyAsync()).FirstBreak!.Sequence);
    }

    [Fact]
    public async Task A_date_less_than_180_days_ago_is_refused_and_nothing_is_deleted()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        var now = data.Time.Now;
        data.Time.Now = now.AddDays(-300);
        await data.WriteAsync(2);
        data.Time.Now = now;
        var export = Path.Combine(data.Paths.DataDirectory, "export.jsonl");
        var tooRecent = ChinaTime.Today(data.Time).AddDays(-179);

        var errors = new StringWriter();
        var (line, _) = CommandLine.Parse(["prune-audit", "--before", $"{tooRecent:yyyy-MM-dd}", "--export", export]);
        Assert.Equal(1, await AuditCommands.RunAsync(line!, data.Settings, new StringWriter(), errors, data.Time));
        Assert.Contains("审计记录至少保留 180 天", errors.ToString());
        Assert.Contains($"--before 最晚只能是 {ChinaTime.Today(data.Time).AddDays(-180):yyyy-MM-dd}", errors.ToString());
        Assert.False(File.Exists(export));
        Assert.Equal(2, (await data.EntriesAsync()).Count);

        // 180 days exactly is allowed.
        var pruning = new AuditPruning(data.Database, data.Time, new AuditChainOptions());
        Assert.Equal(2, (await pruning.PruneAsync(ChinaTime.Today(data.Time).AddDays(-180), export)).Pruned);
    }

    [Fact]
    public async Task An_existing_export_file_or_a_broken_chain_is_refused()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        var now = data.Time.Now;
        data.Time.Now = now.AddDays(-300);
        await data.WriteAsync(3);
        data.Time.Now = now;
        var pruning = new AuditPruning(data.Database, data.Time, new AuditChainOptions());
        var cutoff = ChinaTime.Today(data.Time).AddDays(-200);

        var existing = Path.Combine(data.Paths.DataDirectory, "kept.jsonl");
        await File.WriteAllTextAsync(existing, "以前的导出");
        var overwrite = await Assert.ThrowsAsync<AuditCommandException>(() => pruning.PruneAsync(cutoff, existing));
        Assert.Contains("已经存在", overwrite.Message);
        Assert.Equal("以前的导出", await File.ReadAllTextAsync(existing));

        await data.TamperAsync("UPDATE \"AuditEntries\" SET \"Details\" = '改过' WHERE \"Sequence\" = 2");
        var export = Path.Combine(data.Paths.DataDirectory, "new.jsonl");
        var broken = await Assert.ThrowsAsync<AuditCommandException>(() => pruning.PruneAsync(cutoff, export));
        Assert.Contains("哈希链已断开", broken.Message);
        Assert.Contains("第 2 条", broken.Message);
        Assert.False(File.Exists(export));
        Assert.Equal(3, (await data.EntriesAsync()).Count);
    }

    [Fact]
    public async Task When_every_entry_is_old_the_chain_continues_from_the_anchor()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        var now = data.Time.Now;
        data.Time.Now = now.AddDays(-400);
        // One entry from before the chain existed, then two chained ones.
        await using (var db = data.Database.CreateContext())
        {
            db.AuditEntries.Add(new AuditEntry { Action = AuditActions.SignIn, AtUtc = data.Time.Now.UtcDateTime });
            await db.SaveChangesAsync();
        }
        await data.WriteAsync(2);
        data.Time.Now = now;
        var pruning = new AuditPruning(data.Database, data.Time, new AuditChainOptions(AuditChainHash.Sha256));
        var export = Path.Combine(data.Paths.DataDirectory, "all.jsonl");
        var result = await pruning.PruneAsync(ChinaTime.Today(data.Time).AddDays(-200), export);
        Assert.Equal(3, result.Pruned);
        Assert.Equal(2, result.ThroughSequence);
        Assert.Equal(3, File.ReadAllLines(export).Length);

        var remaining = Assert.Single(await data.EntriesAsync());
        Assert.Equal(3, remaining.Sequence);
        Assert.Equal(AuditChainHash.Sha256, remaining.Algorithm);
        Assert.Equal(result.LastHash, remaining.PreviousHash);
        await data.WriteAsync(1);
        var report = await data.Verifier.VerifyAsync();
        Assert.True(report.Intact, report.Summary);
        Assert.Equal(0, report.Unchained);
        Assert.Equal(2, report.Verified);
    }
}
