using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Hosting;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;
using Npgsql;

namespace GovPortal.Tests.Audit;

/// <summary>
/// The audit chain on a real PostgreSQL server: parallel writers serialized by the advisory lock, tampering found,
/// and secure-audit leaving the portal's role unable to update or delete rows while the portal still writes them.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresAuditChainTests(PostgresServer postgres)
{
    [Fact]
    public async Task Many_writers_at_once_never_fork_the_chain_on_postgresql()
    {
        await using var data = await AuditTestDatabase.PostgresAsync(postgres);
        await ParallelWrites.RunAsync(data);
    }

    [Fact]
    public async Task A_changed_or_deleted_row_fails_verification_on_postgresql()
    {
        await using var data = await AuditTestDatabase.PostgresAsync(postgres);
        await data.WriteAsync(3, AuditChainHash.Sha256);
        await data.WriteAsync(3);
        Assert.True((await data.Verifier.VerifyAsync()).Intact);

        await data.TamperAsync("UPDATE \"AuditEntries\" SET \"Details\" = '没有保存' WHERE \"Sequence\" = 4");
        var changed = await data.Verifier.VerifyAsync();
        Assert.Equal(4, changed.FirstBreak!.Sequence);
        Assert.Contains("内容与它的哈希不符", changed.FirstBreak.Problem);

        await data.TamperAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2");
        var deleted = await data.Verifier.VerifyAsync();
        Assert.Equal(3, deleted.FirstBreak!.Sequence);
        Assert.Contains("第 2 条记录缺失", deleted.FirstBreak.Problem);
    }

    [Fact]
    public async Task After_secure_audit_the_portal_role_cannot_alter_audit_rows_and_the_portal_still_writes_them()
    {
        await using var data = await AuditTestDatabase.PostgresAsync(postgres);
        var now = data.Time.Now;
        data.Time.Now = now.AddDays(-300);
        await data.WriteAsync(2);
        data.Time.Now = now;
        await data.WriteAsync(1);
        var app = data.Database.ConnectionString;
        var appRole = new NpgsqlConnectionStringBuilder(app).Username!;
        // scripts/postgres-throwaway.sh makes this role, granted the portal's role, as a DBA would
        // (docs/operations.md).
        var owner = new NpgsqlConnectionStringBuilder(app) { Username = appRole + "_audit" }.ConnectionString;

        var output = new StringWriter();
        var errors = new StringWriter();
        var (secure, _) = CommandLine.Parse(["secure-audit", "--owner", owner]);
        Assert.Equal(0, await AuditCommands.RunAsync(secure!, data.Settings, output, errors, data.Time));
        Assert.Contains($"审计日志表的所有者已改为 {appRole}_audit", output.ToString());

        foreach (var sql in new[]
                 {
                     "UPDATE \"AuditEntries\" SET \"Details\" = 'x'", "DELETE FROM \"AuditEntries\"",
                     "TRUNCATE \"AuditEntries\"", "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER ALL",
                     "DELETE FROM \"AuditChainAnchors\"", "DROP TABLE \"AuditEntries\"",
                     "CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql "
                     + "AS $$ BEGIN RETURN NULL; END; $$",
                 })
        {
            var refused = await Record.ExceptionAsync(() => AuditTestDatabase.ExecutePostgresAsync(app, sql));
            Assert.True(refused is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege },
                $"{sql}: {refused?.Message ?? "allowed"}");
        }

        // The portal itself, on the same database with its own role: it migrates, seeds, signs in and audits.
        await using (var portal = await RunningPortal.StartAsync(DatabaseOptions.Postgres(app)))
        {
            await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
            using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
            Assert.Contains("审计日志哈希链完整", await admin.GetPageAsync("health"));
        }
        var entries = await data.EntriesAsync();
        Assert.Contains(entries, e => e.Action == AuditActions.SignIn && e.Actor == "sysadmin");
        Assert.True((await data.Verifier.VerifyAsync()).Intact);

        // Retention now needs the owner: the portal's role cannot delete.
        var cutoff = $"{ChinaTime.Today(data.Time).AddDays(-200):yyyy-MM-dd}";
        var export = Path.Combine(data.Paths.DataDirectory, "audit-export.jsonl");
        var (prune, _) = CommandLine.Parse(["prune-audit", "--before", cutoff, "--export", export]);
        errors = new StringWriter();
        Assert.Equal(1, await AuditCommands.RunAsync(prune!, data.Settings, new StringWriter(), errors, data.Time));
        Assert.Contains("--owner", errors.ToString());
        Assert.Equal(entries.Count, (await data.EntriesAsync()).Count);

        File.Delete(export);
        var (pruneAsOwner, _) = CommandLine.Parse(
            ["prune-audit", "--before", cutoff, "--export", export, "--owner", owner]);
        output = new StringWriter();
        Assert.Equal(0, await AuditCommands.RunAsync(pruneAsOwner!, data.Settings, output, errors, data.Time));
        Assert.Contains("审计记录 2 条", output.ToString());
        var report = await data.Verifier.VerifyAsync();
        Assert.True(report.Intact, report.Summary);
        Assert.Equal(3, report.FirstSequence);
    }
}
