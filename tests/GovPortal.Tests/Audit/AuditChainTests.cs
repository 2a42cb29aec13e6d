using System.Text;
using GovPortal.BackOffice.Audit;
using GovPortal.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Audit;

/// <summary>
/// The audit log's hash chain on a real SQLite file: every entry linked to the one before, and each way of tampering
/// with the rows (a changed field, a deleted, inserted or reordered row, a cut-off end) found and named.
/// </summary>
public sealed class AuditChainTests
{
    [Fact]
    public void Sm3_and_sha256_give_the_published_test_vectors()
    {
        // GB/T 32905-2016 appendix A, example 1, and FIPS 180-2.
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
            Convert.ToHexStringLower(AuditChainHash.Digest(AuditChainHash.Sm3, Encoding.ASCII.GetBytes("abc"))));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            Convert.ToHexStringLower(AuditChainHash.Digest(AuditChainHash.Sha256, Encoding.ASCII.GetBytes("abc"))));
    }

    [Fact]
    public void The_encoding_tells_apart_fields_that_only_move_text_between_them()
    {
        var one = new AuditEntry { Action = "a", Target = "文章 1", Details = "2", Algorithm = AuditChainHash.Sm3 };
        var two = new AuditEntry { Action = "a", Target = "文章", Details = " 12", Algorithm = AuditChainHash.Sm3 };
        Assert.NotEqual(AuditChainHash.Compute(one), AuditChainHash.Compute(two));
    }

    [Fact]
    public async Task Entries_form_an_intact_chain_with_sm3_by_default_and_sha256_where_configured()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        await data.WriteAsync(3);
        await data.WriteAsync(2, AuditChainHash.Sha256);
        // Text a writer must not be able to break the chain with: a NUL, a lone surrogate, an emoji cut in half.
        await data.Log().WriteAsync("x\0y", "::1", "test", new string('长', 299) + "😀", "a\uD800b");

        var entries = await data.EntriesAsync();
        Assert.Equal([1L, 2, 3, 4, 5, 6], entries.Select(e => e.Sequence!.Value));
        Assert.Equal(["SM3", "SM3", "SM3", "SHA-256", "SHA-256", "SM3"], entries.Select(e => e.Algorithm!));
        Assert.Equal(AuditChainHash.Start, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++) Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        Assert.All(entries, e => Assert.Equal(64, e.Hash!.Length));
        Assert.Equal(299, entries[5].Target.Length);

        var report = await data.Verifier.VerifyAsync();
        Assert.True(report.Intact, report.Summary);
        Assert.Equal(6, report.Verified);
        Assert.Equal($"6:{entries[5].Hash}", report.AnchorLine);

        var output = new StringWriter();
        Assert.Equal(0, await AuditCommands.RunAsync(Verify(), data.Settings, output, new StringWriter(), data.Time));
        Assert.Contains("审计日志哈希链完整：已校验到第 6 条，共 6 条记录。", output.ToString());
        Assert.Contains($"6:{entries[5].Hash}", output.ToString());
    }

    [Fact]
    public async Task A_changed_details_field_fails_verification_naming_that_entry()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        await data.WriteAsync(5);
        var third = (await data.EntriesAsync())[2];
        await data.TamperAsync($"UPDATE \"AuditEntries\" SET \"Details\" = '没有保存' WHERE \"Id\" = {third.Id}");

        var report = await data.Verifier.VerifyAsync();
        Assert.False(report.Intact);
        Assert.Single(report.Breaks);
        Assert.Equal(3, report.FirstBreak!.Sequence);
        Assert.Contains("内容与它的哈希不符", report.FirstBreak.Problem);

        var output = new StringWriter();
        Assert.Equal(1, await AuditCommands.RunAsync(Verify(), data.Settings, output, new StringWriter(), data.Time));
        Assert.Contains($"审计日志哈希链已断开，发现 1 处问题，第一处在第 3 条（编号 {third.Id}）：记录的内容与它的哈希不符",
            output.ToString());
    }

    [Fact]
    public async Task A_field_changed_with_its_hash_recomputed_still_breaks_the_link_to_the_next_entry()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        await data.WriteAsync(4);
        var second = (await data.EntriesAsync())[1];
        second.Actor = "wangfang";
        await data.TamperAsync($"UPDATE \"AuditEntries\" SET \"Actor\" = 'wangfang', \"Hash\" = "
                               + $"'{AuditChainHash.Compute(second)}' WHERE \"Id\" = {second.Id}");

        var report = await data.Verifier.VerifyAsync();
        Assert.Equal(3, report.FirstBreak!.Sequence);
        Assert.Contains("前一条哈希", report.FirstBreak.Problem);
    }

    [Fact]
    public async Task A_deleted_middle_row_fails_verification()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        await data.WriteAsync(5);
        await data.TamperAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3");

        var report = await data.Verifier.VerifyAsync();
        Assert.Equal(4, report.FirstBreak!.Sequence);
        Assert.Contains("第 3 条记录缺失（被删除）", report.FirstBreak.Problem);
        var output = new StringWriter();
        Assert.Equal(1, await AuditCommands.RunAsync(Verify(), data.Settings, output, new StringWriter(), data.Time));
        Assert.Contains("第 3 条记录缺失", output.ToString());
    }

    [Fact]
    public async Task A_deleted_first_row_fails_verification()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        await data.WriteAsync(3);
        await data.TamperAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 1");
        var report = await data.Verifier.VerifyAsync();
        Assert.Equal(2, report.FirstBreak!.Sequence);
        Assert.Contains("第 1 条记录缺失", report.FirstBreak.Problem);
    }

    [Fact]
    public async Task Inserted_and_reordered_rows_fail_verification()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        await data.WriteAsync(4);
        // A row inserted around the portal, without a place in the chain.
        await data.TamperAsync("INSERT INTO \"AuditEntries\" (\"AtUtc\", \"Actor\", \"IpAddress\", \"Action\", "
                               + "\"Target\", \"Details\") "
                               + "VALUES ('2026-11-20 02:02:30', 'lihua', '', 'sign-in', '', '')");
        var inserted = (await data.EntriesAsync()).Last();
        var report = await data.Verifier.VerifyAsync();
        Assert.Equal(inserted.Id, Assert.Single(report.Breaks).EntryId);
        Assert.Contains("绕过门户直接插入", report.FirstBreak!.Problem);

        // Two rows swapped: their places in the chain exchanged.
        await using var swapped = await AuditTestDatabase.SqliteAsync();
        await swapped.WriteAsync(4);
        await swapped.TamperAsync("UPDATE \"AuditEntries\" SET \"Sequence\" = -2 WHERE \"Sequence\" = 2; "
                                  + "UPDATE \"AuditEntries\" SET \"Sequence\" = 2 WHERE \"Sequence\" = 3; "
                                  + "UPDATE \"AuditEntries\" SET \"Sequence\" = 3 WHERE \"Sequence\" = -2");
        var reordered = await swapped.Verifier.VerifyAsync();
        Assert.Equal(2, reordered.FirstBreak!.Sequence);
        Assert.Contains("顺序", reordered.FirstBreak.Problem);
    }

    [Fact]
    public async Task A_cut_off_end_is_found_against_the_hash_the_operator_recorded()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        await data.WriteAsync(5);
        var recorded = (await data.Verifier.VerifyAsync()).AnchorLine!;
        await data.WriteAsync(1);
        Assert.True((await data.Verifier.VerifyAsync(AuditAnchorCheck.Parse(recorded))).Intact);

        await data.TamperAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" >= 5");
        // Without the recorded hash the shorter chain looks whole: that is what the anchor is for.
        Assert.True((await data.Verifier.VerifyAsync()).Intact);
        var output = new StringWriter();
        var (line, _) = CommandLine.Parse(["verify-audit", "--anchor", recorded]);
        Assert.Equal(1, await AuditCommands.RunAsync(line!, data.Settings, output, new StringWriter(), data.Time));
        Assert.Contains("第 5 条：此前另行记下的这条记录已不在日志中：日志末尾的记录被删除了。", output.ToString());
    }

    [Fact]
    public async Task Entries_from_before_the_chain_are_counted_and_the_chain_starts_after_them()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        // As an install upgraded from a version without the chain has them.
        await using (var db = data.Database.CreateContext())
        {
            db.AuditEntries.AddRange(Enumerable.Range(1, 3).Select(i => new AuditEntry
            {
                Action = AuditActions.SignIn, Actor = "admin",
                AtUtc = new DateTime(2026, 1, i, 0, 0, 0, DateTimeKind.Utc),
            }));
            await db.SaveChangesAsync();
        }
        await data.WriteAsync(2);
        var report = await data.Verifier.VerifyAsync();
        Assert.True(report.Intact, report.Summary);
        Assert.Equal(3, report.Unchained);
        Assert.Equal(1, report.FirstSequence);
        Assert.Equal(2, report.Verified);
    }

    [Fact]
    public async Task Many_writers_at_once_never_fork_the_chain()
    {
        await using var data = await AuditTestDatabase.SqliteAsync();
        await ParallelWrites.RunAsync(data);
    }

    private static CommandLine Verify() => CommandLine.Parse(["verify-audit"]).Parsed!;
}

/// <summary>Eight writers (as eight processes would: no lock shared in memory) appending 25 entries each.</summary>
public static class ParallelWrites
{
    public const int Writers = 8;
    public const int EntriesEach = 25;

    public static async Task RunAsync(AuditTestDatabase data)
    {
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var log = new AuditLog(data.Database, TimeProvider.System, new AuditChainOptions());
            for (var i = 0; i < EntriesEach; i++)
                await log.WriteAsync($"writer{writer}", "127.0.0.1", AuditActions.ArticleSaved, $"文章 {i}", "并发写入");
        })));
        await using var db = data.Database.CreateContext();
        var sequences = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Sequence!.Value).ToListAsync();
        Assert.Equal(Enumerable.Range(1, Writers * EntriesEach).Select(i => (long)i), sequences);
        var report = await data.Verifier.VerifyAsync();
        Assert.True(report.Intact, report.Summary);
        Assert.Equal(Writers * EntriesEach, report.Verified);
    }
}
