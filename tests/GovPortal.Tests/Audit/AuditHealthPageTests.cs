using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Audit;

/// <summary>The back office's 网站健康 page shows the audit chain's state: verified up to N, or broken at N.</summary>
public sealed class AuditHealthPageTests
{
    [Fact]
    public async Task The_health_page_shows_the_chain_verified_up_to_its_last_entry()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        long last;
        await using (var db = portal.Settings.Database.CreateContext())
            last = await db.AuditEntries.MaxAsync(e => e.Sequence) ?? 0;
        Assert.True(last >= 1);

        var page = await admin.GetPageAsync("health");
        Assert.Contains("审计日志哈希链", page);
        Assert.Contains($"审计日志哈希链完整：已校验到第 {last} 条", page);
    }

    [Fact]
    public async Task The_health_page_names_the_entry_where_the_chain_broke()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        long id;
        await using (var db = portal.Settings.Database.CreateContext())
            id = await db.AuditEntries.Where(e => e.Sequence == 1).Select(e => e.Id).SingleAsync();
        await using (var raw = new SqliteConnection($"Data Source={portal.Settings.Paths.DatabaseFile}"))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText = "DROP TRIGGER AuditEntries_NoUpdate; UPDATE AuditEntries SET Actor = 'nobody' "
                                  + "WHERE Sequence = 1";
            await command.ExecuteNonQueryAsync();
        }

        var page = await admin.GetPageAsync("health");
        Assert.Contains("审计日志哈希链已断开", page);
        Assert.Contains($"第 1 条（编号 {id}）：记录的内容与它的哈希不符", page);
        Assert.Contains("role=\"alert\"", page);
    }
}
