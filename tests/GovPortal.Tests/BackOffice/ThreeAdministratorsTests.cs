using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// 三员分立 over HTTP: the 系统管理员, 安全管理员 and 审计管理员 each do their part only, no account holds two of them
/// by any path, the first ones are created without a chicken-and-egg, the three must use two-step sign-in (everyone
/// when the policy says so), and password expiry and history apply as the 安全管理员 sets them.
/// </summary>
public sealed partial class ThreeAdministratorsTests : IAsyncLifetime
{
    private RunningPortal _portal = null!;

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    public async Task InitializeAsync()
    {
        _portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(_portal, "sysadmin", [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(_portal, "secofficer", [StaffRoles.SecurityAdministrator]);
        await TestAccounts.CreateAsync(_portal, "auditofficer", [StaffRoles.AuditAdministrator]);
        await TestAccounts.CreateAsync(_portal, "lihua", [StaffRoles.Editor], "bmdt");
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private string IdOf(string userName)
    {
        using var db = _portal.Settings.Database.CreateContext();
        return db.Users.Single(u => u.UserName == userName).Id;
    }

    private async Task<IList<string>> RolesOfAsync(string userName)
    {
        using var scope = _portal.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    [Fact]
    public async Task Each_administrator_does_only_their_part_and_no_account_holds_two_of_the_three()
    {
        using var admin = await StaffClient.SignInAsync(_portal, "sysadmin");
        using var security = await StaffClient.SignInAsync(_portal, "secofficer");
        using var auditor = await StaffClient.SignInAsync(_portal, "auditofficer");
        var lihua = IdOf("lihua");

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("security-policy")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"accounts/{lihua}/roles",
            [F("role", StaffRoles.Publisher)])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.PostAsync("accounts/new",
            [F("userName", "someone"), F("displayName", "某人")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("settings")).StatusCode);
        foreach (var page in new[] { "accounts", "settings", "channels", "security-policy" })
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync(page)).StatusCode);
        Assert.Contains("审计日志", await auditor.GetPageAsync("audit"));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("audit.csv")).StatusCode);
        // The account page shows each of the two their own form only.
        var asAdmin = await admin.GetPageAsync($"accounts/{lihua}");
        Assert.DoesNotContain($"accounts/{lihua}/roles", asAdmin);
        Assert.Contains("reset-password", asAdmin);
        var asSecurity = await security.GetPageAsync($"accounts/{lihua}");
        Assert.Contains($"accounts/{lihua}/roles", asSecurity);
        Assert.DoesNotContain("reset-password", asSecurity);

        // Two of the three on one account: refused with the reason, whichever two, and nothing changes.
        var twoOfThree = await security.PostAsync($"accounts/{lihua}/roles",
            [F("role", StaffRoles.Administrator), F("role", StaffRoles.AuditAdministrator)]);
        Assert.Equal(HttpStatusCode.BadRequest, twoOfThree.StatusCode);
        Assert.Contains("同一账号不能同时担任系统管理员和审计管理员", await twoOfThree.Content.ReadAsStringAsync());
        var auditorWhoWrites = await security.PostAsync($"accounts/{IdOf("auditofficer")}/roles",
            [F("role", StaffRoles.AuditAdministrator), F("role", StaffRoles.Editor)]);
        Assert.Contains("审计管理员账号只能担任这一个角色", await auditorWhoWrites.Content.ReadAsStringAsync());
        Assert.Equal([StaffRoles.Editor], await RolesOfAsync("lihua"));
        Assert.Equal([StaffRoles.AuditAdministrator], await RolesOfAsync("auditofficer"));
        // Nor by any other path that saves roles.
        using (var scope = _portal.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var sysadmin = (await users.FindByNameAsync("sysadmin"))!;
            var added = await users.AddToRoleAsync(sysadmin, StaffRoles.SecurityAdministrator);
            Assert.False(added.Succeeded);
            Assert.Contains("三员分立", added.Errors.Single().Description);
        }
        Assert.Equal([StaffRoles.Administrator], await RolesOfAsync("sysadmin"));

        // The 系统管理员 cannot disable the 审计管理员 (which would let him create another), nor change own roles.
        var disable = await admin.PostAsync($"accounts/{IdOf("auditofficer")}",
            [F("displayName", "auditofficer"), F("disabled", "1")]);
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Contains("系统管理员不能停用", await disable.Content.ReadAsStringAsync());
        var own = await security.PostAsync($"accounts/{IdOf("secofficer")}/roles",
            [F("role", StaffRoles.SecurityAdministrator), F("role", StaffRoles.Editor)]);
        Assert.Contains("不能修改自己的角色", await own.Content.ReadAsStringAsync());

        // What the 安全管理员 may do, it does, and the 审计管理员 reads it in the log.
        var granted = await security.PostAsync($"accounts/{lihua}/roles",
            [F("role", StaffRoles.Editor), F("role", StaffRoles.Reviewer)]);
        Assert.Equal(HttpStatusCode.SeeOther, granted.StatusCode);
        Assert.Equal(new[] { StaffRoles.Editor, StaffRoles.Reviewer }, (await RolesOfAsync("lihua")).Order());
        var log = await auditor.GetPageAsync($"audit?action={AuditActions.AccountChanged}");
        Assert.Contains("角色 编辑 → 编辑、审核", log);
        Assert.Contains("secofficer", log);
    }

    [Fact]
    public async Task The_system_administrator_creates_the_first_security_and_audit_administrators_and_no_more()
    {
        // As on an install from before 三员分立: no account holds the two new roles (the demo's lose them).
        using (var scope = _portal.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            foreach (var (name, role) in new[]
                     {
                         ("security", StaffRoles.SecurityAdministrator), ("auditor", StaffRoles.AuditAdministrator),
                         ("secofficer", StaffRoles.SecurityAdministrator),
                         ("auditofficer", StaffRoles.AuditAdministrator),
                     })
                Assert.True((await users.RemoveFromRoleAsync((await users.FindByNameAsync(name))!, role)).Succeeded);
        }
        using var admin = await StaffClient.SignInAsync(_portal, "sysadmin");
        var list = await admin.GetPageAsync("accounts");
        Assert.Contains($"value=\"{StaffRoles.SecurityAdministrator}\"", list);
        Assert.Contains($"value=\"{StaffRoles.AuditAdministrator}\"", list);

        var editor = await admin.PostAsync("accounts/new",
            [F("userName", "bianji"), F("displayName", "编辑"), F("role", StaffRoles.Editor)]);
        Assert.Equal(HttpStatusCode.BadRequest, editor.StatusCode);
        Assert.Contains("角色和栏目由安全管理员分配", await editor.Content.ReadAsStringAsync());
        var created = await admin.PostAsync("accounts/new",
            [F("userName", "anquan"), F("displayName", "安全员"), F("role", StaffRoles.SecurityAdministrator)]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var password = WebUtility.HtmlDecode(
            TemporaryPassword().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.Equal([StaffRoles.SecurityAdministrator], await RolesOfAsync("anquan"));
        // Once there is one, the door is shut: only a 安全管理员 gives that role.
        var second = await admin.PostAsync("accounts/new",
            [F("userName", "anquan2"), F("displayName", "安全员二"), F("role", StaffRoles.SecurityAdministrator)]);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.DoesNotContain($"value=\"{StaffRoles.SecurityAdministrator}\"", await admin.GetPageAsync("accounts"));
        // The 系统管理员 knows its temporary password, so cannot reset it before its owner enrols the second step.
        var reset = await admin.PostAsync($"accounts/{IdOf("anquan")}/reset-password", []);
        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Contains("还没有启用两步验证", await reset.Content.ReadAsStringAsync());

        // Its owner: a new password, then two-step sign-in, then the work.
        using var officer = await StaffClient.SignInAsync(_portal, "anquan", password);
        Assert.Equal("/admin/password", (await officer.GetAsync("security-policy")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.SeeOther, (await officer.PostAsync("password", [F("currentPassword", password),
            F("newPassword", "Guard-Duty-2026"), F("confirmPassword", "Guard-Duty-2026")], tokenPage: "password"))
            .StatusCode);
        Assert.Equal("/admin/security", (await officer.GetAsync("security-policy")).Headers.Location!.OriginalString);
        await EnrolAsync(officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("security-policy")).StatusCode);
        // Once enrolled, a reset by the 系统管理员 no longer hands the account over: the second step stays.
        Assert.Equal(HttpStatusCode.OK,
            (await admin.PostAsync($"accounts/{IdOf("anquan")}/reset-password", [])).StatusCode);
        using (var db = _portal.Settings.Database.CreateContext())
            Assert.True(db.Users.Single(u => u.UserName == "anquan").TwoFactorEnabled);
    }

    [Fact]
    public async Task The_three_must_use_two_step_sign_in_and_the_security_policy_can_ask_it_of_everyone()
    {
        await TestAccounts.CreateAsync(_portal, "sysadmin2", [StaffRoles.Administrator], enrolTwoFactor: false);
        using var admin = await StaffClient.SignInAsync(_portal, "sysadmin2");
        foreach (var page in new[] { "", "accounts", "health", "password" })
        {
            var held = await admin.GetAsync(page);
            Assert.Equal(HttpStatusCode.SeeOther, held.StatusCode);
            Assert.Equal("/admin/security", held.Headers.Location!.OriginalString);
        }
        Assert.Contains("必须使用两步验证", await admin.GetPageAsync("security"));
        await EnrolAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("accounts")).StatusCode);
        Assert.DoesNotContain("security/2fa/disable", await admin.GetPageAsync("security"));
        var off = await admin.PostAsync("security/2fa/disable", [F("password", TestAccounts.Password)],
            tokenPage: "security");
        Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode);
        Assert.Contains("不能关闭", await off.Content.ReadAsStringAsync());
        using (var db = _portal.Settings.Database.CreateContext())
            Assert.True(db.Users.Single(u => u.UserName == "sysadmin2").TwoFactorEnabled);

        // An editor may go without, until the 安全管理员 asks it of everyone.
        using (var editor = await StaffClient.SignInAsync(_portal, "lihua"))
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("")).StatusCode);
        using var security = await StaffClient.SignInAsync(_portal, "secofficer");
        Assert.Equal(HttpStatusCode.SeeOther, (await security.PostAsync("security-policy",
            [F("twoFactorForEveryone", "1"), F("expiryDays", ""), F("history", "")])).StatusCode);
        using (var editor = await StaffClient.SignInAsync(_portal, "lihua"))
            Assert.Equal("/admin/security", (await editor.GetAsync("articles")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.SeeOther, (await security.PostAsync("security-policy",
            [F("expiryDays", ""), F("history", "")])).StatusCode);
        using (var editor = await StaffClient.SignInAsync(_portal, "lihua"))
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("articles")).StatusCode);
        using (var db = _portal.Settings.Database.CreateContext())
            Assert.Contains(db.AuditEntries.Where(e => e.Action == AuditActions.SettingsChanged).ToList(),
                e => e.Actor == "secofficer" && e.Details.Contains("→ 两步验证所有账号必须使用"));
    }

    [Fact]
    public async Task Password_expiry_and_history_apply_as_the_security_administrator_sets_them()
    {
        using var security = await StaffClient.SignInAsync(_portal, "secofficer");
        var bad = await security.PostAsync("security-policy", [F("expiryDays", "三十"), F("history", "3")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("密码有效期应为 0（不限）到 3650 之间的整数天数", badPage);
        Assert.Contains("value=\"三十\"", badPage);
        var tooMany = await security.PostAsync("security-policy", [F("expiryDays", "30"), F("history", "99")]);
        Assert.Contains("密码历史应为 0（不检查）到 24 之间的整数", await tooMany.Content.ReadAsStringAsync());

        // Off by default: a password set long ago still works.
        await AgePasswordAsync("lihua", days: 400);
        using (var editor = await StaffClient.SignInAsync(_portal, "lihua"))
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("")).StatusCode);

        Assert.Equal(HttpStatusCode.SeeOther,
            (await security.PostAsync("security-policy", [F("expiryDays", "30"), F("history", "3")])).StatusCode);
        await AgePasswordAsync("lihua", days: 31);
        using var lihua = await StaffClient.SignInAsync(_portal, "lihua");
        var held = await lihua.GetAsync("articles");
        Assert.Equal("/admin/password", held.Headers.Location!.OriginalString);
        Assert.Contains("密码有效期", await lihua.GetPageAsync("password"));

        async Task<HttpResponseMessage> ChangeAsync(string from, string to) =>
            await lihua.PostAsync("password", [F("currentPassword", from), F("newPassword", to),
                F("confirmPassword", to)], tokenPage: "password");
        Assert.Equal(HttpStatusCode.SeeOther, (await ChangeAsync(TestAccounts.Password, "Second-Passw0rd")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lihua.GetAsync("articles")).StatusCode);
        var again = await ChangeAsync("Second-Passw0rd", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("不能与最近使用过的 3 个密码", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.SeeOther, (await ChangeAsync("Second-Passw0rd", "Third-Passw0rd!")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await ChangeAsync("Third-Passw0rd!", "Fourth-Passw0rd!")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync("Fourth-Passw0rd!", "Second-Passw0rd")).StatusCode);
        // Three back is far enough.
        Assert.Equal(HttpStatusCode.SeeOther,
            (await ChangeAsync("Fourth-Passw0rd!", TestAccounts.Password)).StatusCode);
        using (var db = _portal.Settings.Database.CreateContext())
        {
            var user = db.Users.Single(u => u.UserName == "lihua");
            Assert.Equal(2, user.PreviousPasswordHashes.Split('\n').Length);
            Assert.DoesNotContain("Passw0rd", user.PreviousPasswordHashes);
        }
    }

    private async Task AgePasswordAsync(string userName, int days)
    {
        await using var db = _portal.Settings.Database.CreateContext();
        db.Users.Single(u => u.UserName == userName).PasswordChangedAtUtc = DateTime.UtcNow.AddDays(-days);
        await db.SaveChangesAsync();
    }

    private static async Task EnrolAsync(StaffClient client)
    {
        var key = KeyText().Match(await client.GetPageAsync("security")).Groups[1].Value;
        var enabled = await client.PostAsync("security/2fa/enable",
            [F("code", Totp.Code(key, DateTimeOffset.UtcNow))], tokenPage: "security");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
    }

    [GeneratedRegex("<kbd>([a-z2-7 ]+)</kbd>")]
    private static partial Regex KeyText();

    [GeneratedRegex("临时密码：(\\S+?)（")]
    private static partial Regex TemporaryPassword();
}
