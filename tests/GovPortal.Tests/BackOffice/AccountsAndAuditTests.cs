using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.PublicSite;
using GovPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.BackOffice;

public sealed class AccountsAndAuditTests
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task
        An_account_made_by_the_administrator_gets_roles_from_the_security_administrator_and_must_change_its_password()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(portal, "secofficer", [StaffRoles.SecurityAdministrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        // The administrator's 工作台 is no dead end: it says what the account can do and links to it.
        var dashboard = Html.Parse(await admin.GetPageAsync(""));
        var links = dashboard.QuerySelectorAll("#admin-heading ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var page in new[] { "accounts", "channels", "disclosure", "calendar", "health" })
            Assert.Contains(links, href => href!.EndsWith("/" + page, StringComparison.Ordinal));
        // 三员分立: the audit log is the 审计管理员's.
        Assert.DoesNotContain(links, href => href!.EndsWith("/audit", StringComparison.Ordinal));
        var created = await admin.PostAsync("accounts/new",
            [F("userName", "xuqing"), F("displayName", "徐青"), F("role", "Superuser")]);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var password = WebUtility.HtmlDecode(Regex.Match(html, "临时密码：(\\S+?)（").Groups[1].Value);
        Assert.True(password.Length >= 16, html);
        string id;
        await using (var lookup = portal.Settings.Database.CreateContext())
            id = lookup.Users.Single(u => u.UserName == "xuqing").Id;
        using (var security = await StaffClient.SignInAsync(portal, "secofficer"))
        {
            var granted = await security.PostAsync($"accounts/{id}/roles", [F("role", StaffRoles.Editor),
                F("role", "Superuser"), F("channel", TestAccounts.ChannelId(portal, "bmdt").ToString())]);
            Assert.Equal(HttpStatusCode.SeeOther, granted.StatusCode);
        }

        using var newcomer = await StaffClient.SignInAsync(portal, "xuqing", password);
        // first the password
        Assert.Equal(HttpStatusCode.SeeOther, (await newcomer.GetAsync("articles/new")).StatusCode);
        await newcomer.PostAsync("password", [F("currentPassword", password), F("newPassword", "Suzhou-2026-new"),
            F("confirmPassword", "Suzhou-2026-new")], tokenPage: "password");
        var form = await newcomer.GetPageAsync("articles/new");
        Assert.Contains("部门动态", form);
        Assert.DoesNotContain("相城要闻", form);
        // an unknown role is not granted
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync("accounts")).StatusCode);

        await using var db = portal.Settings.Database.CreateContext();
        var entry = db.AuditEntries.Single(e => e.Action == AuditActions.AccountCreated);
        Assert.Equal("sysadmin", entry.Actor);
        Assert.Contains("角色：无", entry.Details);
        var change = db.AuditEntries.Single(e => e.Action == AuditActions.AccountChanged);
        Assert.Equal("secofficer", change.Actor);
        Assert.Contains("角色 无 → 编辑", change.Details);
        Assert.Contains("栏目 无 → 部门动态", change.Details);
        // the password is never logged
        Assert.DoesNotContain(password, string.Join("", db.AuditEntries.Select(e => e.Details)));
    }

    [Fact]
    public async Task Role_changes_reset_and_unlock_are_audited_and_the_last_administrator_cannot_be_removed()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(portal, "secofficer", [StaffRoles.SecurityAdministrator]);
        await TestAccounts.CreateAsync(portal, "lihua", [StaffRoles.Editor], "bmdt");
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        using var security = await StaffClient.SignInAsync(portal, "secofficer");
        string adminId, editorId;
        await using (var db = portal.Settings.Database.CreateContext())
        {
            adminId = db.Users.Single(u => u.UserName == "sysadmin").Id;
            editorId = db.Users.Single(u => u.UserName == "lihua").Id;
        }

        var self =
            await admin.PostAsync($"accounts/{adminId}", [F("displayName", "管理员"), F("disabled", "1")]);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("不能停用自己的账号", await self.Content.ReadAsStringAsync());

        var changed = await security.PostAsync($"accounts/{editorId}/roles",
            [F("role", StaffRoles.Editor), F("role", StaffRoles.Reviewer),
            F("channel", TestAccounts.ChannelId(portal, "tzgg").ToString())]);
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        using (var editor = await StaffClient.SignInAsync(portal, "lihua"))
        {
            var form = await editor.GetPageAsync("articles/new");
            Assert.Contains("通知公告", form);
            Assert.DoesNotContain("部门动态", form);
        }

        var reset = await admin.PostAsync($"accounts/{editorId}/reset-password", []);
        var temporary = WebUtility.HtmlDecode(Regex.Match(await reset.Content.ReadAsStringAsync(), "临时密码：(\\S+?)（")
            .Groups[1].Value);
        using (var anonymous = StaffClient.Anonymous(portal))
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("login",
                [F("userName", "lihua"), F("password", TestAccounts.Password)])).StatusCode);
        using (var editor = await StaffClient.SignInAsync(portal, "lihua", temporary))
            Assert.Equal("/admin/password", (await editor.GetAsync("")).Headers.Location!.OriginalString);

        for (var i = 0; i < 5; i++)
            using (var anonymous = StaffClient.Anonymous(portal))
                await anonymous.PostAsync("login", [F("userName", "lihua"), F("password", "wrong-Passw0rd")]);
        Assert.Contains("已锁定", await admin.GetPageAsync($"accounts/{editorId}"));
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync($"accounts/{editorId}/unlock", [])).StatusCode);
        using (var editor = await StaffClient.SignInAsync(portal, "lihua", temporary)) { }

        await using var check = portal.Settings.Database.CreateContext();
        var actions = check.AuditEntries.Where(e => e.Actor == "sysadmin").Select(e => e.Action).ToList();
        Assert.Contains(AuditActions.AccountChanged,
            check.AuditEntries.Where(e => e.Actor == "secofficer").Select(e => e.Action).ToList());
        Assert.Contains(AuditActions.PasswordReset, actions);
        Assert.Contains(AuditActions.AccountUnlocked, actions);
        Assert.Contains(check.AuditEntries.Where(e => e.Action == AuditActions.AccountChanged).Select(e => e.Details)
            .ToList(), d => d.Contains("角色 编辑 → 编辑、审核"));
    }

    [Fact]
    public async Task The_audit_log_is_append_only_for_the_portal_and_for_anyone_with_the_database()
    {
        await using var portal = await RunningPortal.StartAsync();
        await using (var writer = portal.Settings.Database.CreateContext())
        {
            writer.AuditEntries.Add(
                new AuditEntry { Action = AuditActions.SettingsChanged, Details = "原始记录", AtUtc = DateTime.UtcNow });
            await writer.SaveChangesAsync();
        }
        await using (var db = portal.Settings.Database.CreateContext())
        {
            var entry = db.AuditEntries.First();
            entry.Details = "篡改";
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }
        await using (var db = portal.Settings.Database.CreateContext())
        {
            db.AuditEntries.Remove(db.AuditEntries.First());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var raw = new SqliteConnection($"Data Source={portal.Settings.Paths.DatabaseFile}"))
        {
            await raw.OpenAsync();
            foreach (var sql in new[] { "UPDATE AuditEntries SET Details = '篡改'", "DELETE FROM AuditEntries" })
            {
                using var command = raw.CreateCommand();
                command.CommandText = sql;
                var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
                Assert.Contains("append-only", error.Message);
            }
        }
        await using var check = portal.Settings.Database.CreateContext();
        Assert.Equal("原始记录", check.AuditEntries.Single().Details);
    }

    [Fact]
    public async Task The_audit_log_is_filtered_and_exported_as_csv_that_no_spreadsheet_runs_as_a_formula()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "auditofficer", [StaffRoles.AuditAdministrator]);
        using (var attacker = StaffClient.Anonymous(portal))
            await attacker.PostAsync("login", [F("userName", "=HYPERLINK(\"http://evil\")"), F("password", "x")]);
        using var admin = await StaffClient.SignInAsync(portal, "auditofficer");

        var page = await admin.GetPageAsync($"audit?action={AuditActions.SignInFailed}");
        Assert.Contains("登录失败", page);
        Assert.DoesNotContain("登录成功", page[page.IndexOf("<tbody>", StringComparison.Ordinal)..]);

        var csv = await admin.GetAsync($"audit.csv?action={AuditActions.SignInFailed}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // Excel reads it as UTF-8
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal("时间,账号,IP地址,操作,对象,详情", lines[0]);
        Assert.Equal(2, lines.Count);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", lines[1]);
        Assert.Contains(",127.0.0.1,登录失败,", lines[1]);
    }

    [Fact]
    public async Task Mourning_dates_are_set_from_the_settings_page_take_effect_and_are_audited()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        var today = GovPortal.Content.ChinaTime.ToChina(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var bad = await admin.PostAsync("settings/mourning", [F("dates", "2026-12-13\n明天")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("不是有效的日期", await bad.Content.ReadAsStringAsync());
        Assert.Empty(portal.Service<MourningCalendar>().Dates());

        Assert.Equal(HttpStatusCode.SeeOther,
            (await admin.PostAsync("settings/mourning", [F("dates", $"{today}\n2026-12-13")])).StatusCode);
        Assert.Contains(today, await admin.GetPageAsync("settings"));
        Assert.Contains("class=\"mourning\"", await portal.Client.GetStringAsync("/"));
        await using var db = portal.Settings.Database.CreateContext();
        Assert.Contains(today, db.AuditEntries.Single(e => e.Action == AuditActions.SettingsChanged).Details);
    }
}
