using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovPortal.Tests.BackOffice;

public sealed class SignInTests
{
    [Fact]
    public async Task First_run_prints_the_administrator_once_and_that_account_must_change_its_password()
    {
        var console = new StringWriter();
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new FirstAdministratorOutput(console)));
        var printed = console.ToString();
        Assert.Contains("用户名: admin", printed);
        var password = Regex.Match(printed, "密码: (\\S+)").Groups[1].Value;
        Assert.True(password.Length >= 16);
        // The demo site's 安全管理员, 审计管理员 and 平台管理员 come with it, one role each.
        Assert.Contains("已创建安全管理员账号", printed);
        Assert.Contains("用户名: security", printed);
        Assert.Contains("已创建审计管理员账号", printed);
        Assert.Contains("用户名: auditor", printed);
        Assert.Contains("已创建平台管理员账号", printed);
        Assert.Contains("用户名: platform", printed);
        Assert.Equal(4, Regex.Matches(printed, "密码: \\S{16}").Count);
        using (var scope = portal.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider
                .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            foreach (var (name, role) in FirstAdministrator.DemoOfficers.Append(("admin", StaffRoles.Administrator)))
                Assert.Equal([role], await users.GetRolesAsync((await users.FindByNameAsync(name))!));
        }

        using var admin = await StaffClient.SignInAsync(portal, "admin", password);
        var dashboard = await admin.GetAsync("");
        Assert.Equal(HttpStatusCode.SeeOther, dashboard.StatusCode);
        Assert.Equal("/admin/password", dashboard.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.GetAsync("accounts")).StatusCode);

        // The policy: 10 characters and three classes.
        var weak = await admin.PostAsync("password", [new("currentPassword", password),
            new("newPassword", "abcdefghijk"), new("confirmPassword", "abcdefghijk")], tokenPage: "password");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("至少三类", await weak.Content.ReadAsStringAsync());
        var tooShort = await admin.PostAsync("password", [new("currentPassword", password),
            new("newPassword", "Ab1!xyz"), new("confirmPassword", "Ab1!xyz")], tokenPage: "password");
        Assert.Contains("至少需要 10 个字符", await tooShort.Content.ReadAsStringAsync());
        var changed = await admin.PostAsync("password", [new("currentPassword", password),
            new("newPassword", "Xiangcheng-2026"), new("confirmPassword", "Xiangcheng-2026")], tokenPage: "password");
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        // Then two-step sign-in, which a system administrator must use: nothing else until it is on.
        var waiting = await admin.GetAsync("accounts");
        Assert.Equal(HttpStatusCode.SeeOther, waiting.StatusCode);
        Assert.Equal("/admin/security", waiting.Headers.Location!.OriginalString);
        var key = Regex.Match(await admin.GetPageAsync("security"), "<kbd>([a-z2-7 ]+)</kbd>").Groups[1].Value;
        var enrolled = await admin.PostAsync("security/2fa/enable",
            [new("code", Totp.Code(key, DateTimeOffset.UtcNow))], tokenPage: "security");
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("accounts")).StatusCode);
        // 三员分立: the first account is the 系统管理员, who does not read the audit log.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("audit")).StatusCode);

        // A second start prints nothing: the account exists.
        var again = new StringWriter();
        await portal.StopAsync();
        await using var restarted = await RunningPortal.StartAsync(dataDirectory: portal.DataDirectory,
            configureServices: s => s.AddSingleton(new FirstAdministratorOutput(again)));
        Assert.DoesNotContain("密码", again.ToString());
        using var signedIn = await StaffClient.SignInAsync(restarted, "admin", "Xiangcheng-2026");
    }

    [Fact]
    public async Task
        Five_wrong_passwords_lock_the_account_for_fifteen_minutes_and_every_attempt_is_audited_with_its_address()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "lihua", [StaffRoles.Editor], "bmdt");
        using var client = StaffClient.Anonymous(portal);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsync("login", [new("userName", "lihua"), new("password", "wrong-Passw0rd")]);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var locked =
            await client.PostAsync("login", [new("userName", "lihua"), new("password", TestAccounts.Password)]);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("已锁定 15 分钟", await locked.Content.ReadAsStringAsync());

        await using var db = portal.Settings.Database.CreateContext();
        var user = db.Users.Single(u => u.UserName == "lihua");
        Assert.InRange(user.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14),
            TimeSpan.FromMinutes(15.1));
        var entries = db.AuditEntries.Where(e => e.Actor == "lihua").OrderBy(e => e.Id).ToList();
        Assert.Equal(4, entries.Count(e => e.Action == AuditActions.SignInFailed));
        Assert.Equal(2, entries.Count(e => e.Action == AuditActions.SignInLockedOut));
        Assert.All(entries, e => Assert.Equal("127.0.0.1", e.IpAddress));

        // A successful sign-in is audited too.
        await TestAccounts.CreateAsync(portal, "wangfang", [StaffRoles.Reviewer], "bmdt");
        using var reviewer = await StaffClient.SignInAsync(portal, "wangfang");
        Assert.Contains(db.AuditEntries.Where(e => e.Actor == "wangfang").ToList(), e => e.Action == AuditActions.SignIn
            && e.IpAddress == "127.0.0.1");
    }

    [Fact]
    public async Task An_unknown_account_and_a_disabled_account_are_refused_with_a_message()
    {
        await using var portal = await RunningPortal.StartAsync();
        using var client = StaffClient.Anonymous(portal);
        var unknown = await client.PostAsync("login", [new("userName", "nobody"), new("password", "Whatever-123")]);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("账号或密码不正确", await unknown.Content.ReadAsStringAsync());

        await TestAccounts.CreateAsync(portal, "zhaolei", [StaffRoles.Editor], "bmdt");
        await using (var db = portal.Settings.Database.CreateContext())
        {
            db.Users.Single(u => u.UserName == "zhaolei").IsDisabled = true;
            await db.SaveChangesAsync();
        }
        var disabled =
            await client.PostAsync("login", [new("userName", "zhaolei"), new("password", TestAccounts.Password)]);
        Assert.Contains("账号已停用", await disabled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_session_ends_after_thirty_idle_minutes_and_the_cookies_are_httponly_and_same_site()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton<TimeProvider>(clock));
        await TestAccounts.CreateAsync(portal, "lihua", [StaffRoles.Editor], "bmdt");
        using var client = StaffClient.Anonymous(portal);
        var signIn =
            await client.PostAsync("login", [new("userName", "lihua"), new("password", TestAccounts.Password)]);
        var cookie =
            signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gp_auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/admin", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(20)); // 20 idle minutes since the last request: still signed in
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.GetAsync("");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/admin/login", expired.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Behind_an_https_proxy_the_cookies_are_secure()
    {
        await using var portal = await RunningPortal.StartAsync(
            adjustSettings: s => s with { TrustedProxies = [IPAddress.Loopback] });
        await TestAccounts.CreateAsync(portal, "lihua", [StaffRoles.Editor], "bmdt");
        using var client = StaffClient.Anonymous(portal);
        var token = await client.TokenAsync("login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent(
                [new("userName", "lihua"), new("password", TestAccounts.Password), new("__csrf", token)]),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "10.1.2.3");
        var signIn = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gp_auth=", StringComparison.Ordinal)
            && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Two_factor_sign_in_with_an_authenticator_code_or_a_recovery_code_used_once()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "lihua", [StaffRoles.Editor], "bmdt");
        using (var client = await StaffClient.SignInAsync(portal, "lihua"))
        {
            var page = await client.GetPageAsync("security");
            var key = Regex.Match(page, "<kbd>([a-z2-7 ]+)</kbd>").Groups[1].Value;
            Assert.Contains("<svg", page);
            var wrong = await client.PostAsync("security/2fa/enable", [new("code", "000000")], tokenPage: "security");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var enabled = await client.PostAsync("security/2fa/enable",
                [new("code", Totp.Code(key, DateTimeOffset.UtcNow))], tokenPage: "security");
            var html = await enabled.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            var codes = Regex.Matches(html, "<kbd>([^<]+)</kbd>").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(10, codes.Count);

            // Next sign-in: password, then the second step.
            using var next = StaffClient.Anonymous(portal);
            var first =
                await next.PostAsync("login", [new("userName", "lihua"), new("password", TestAccounts.Password)]);
            Assert.StartsWith("/admin/login/2fa", first.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("")).StatusCode); // not signed in yet
            var bad = await next.PostAsync("login/2fa", [new("code", "123456")], tokenPage: "login/2fa");
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
            var good = await next.PostAsync("login/2fa", [new("code", Totp.Code(key, DateTimeOffset.UtcNow))],
                tokenPage: "login/2fa");
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("")).StatusCode);

            // A recovery code works once.
            for (var attempt = 0; attempt < 2; attempt++)
            {
                using var other = StaffClient.Anonymous(portal);
                await other.PostAsync("login", [new("userName", "lihua"), new("password", TestAccounts.Password)]);
                var recovered = await other.PostAsync("login/2fa", [new("code", codes[0]), new("recovery", "1")],
                    tokenPage: "login/2fa");
                Assert.Equal(attempt == 0 ? HttpStatusCode.Redirect : HttpStatusCode.Unauthorized,
                    recovered.StatusCode);
            }
        }
    }

    [Fact]
    public async Task The_back_office_path_is_configurable_and_can_be_limited_to_networks()
    {
        await using (var moved = await RunningPortal.StartAsync(
            adjustSettings: s => s with { BackOffice = s.BackOffice with { Path = "/houtai" } }))
        {
            Assert.Equal(HttpStatusCode.OK, (await moved.Client.GetAsync("/houtai/login")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await moved.Client.GetAsync("/admin/login")).StatusCode);
        }
        await using var limited = await RunningPortal.StartAsync(adjustSettings: s => s with
        {
            BackOffice = s.BackOffice with { AllowedNetworks = [IPNetwork.Parse("10.0.0.0/8")] },
        });
        var refused = await limited.Client.GetAsync("/admin/login");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("后台只允许从指定的网络访问", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await limited.Client.PostAsync("/admin/login", new FormUrlEncodedContent([]))).StatusCode);
        // the public site is not limited
        Assert.Equal(HttpStatusCode.OK, (await limited.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_public_node_has_no_back_office_at_all()
    {
        await using var node = await RunningPortal.StartAsync(
            adjustSettings: s => s with { BackOffice = s.BackOffice with { Enabled = false } });
        foreach (var path in new[] { "/admin/login", "/admin/", "/admin/assets/admin.css", "/admin/articles/new" })
            Assert.Equal(HttpStatusCode.NotFound, (await node.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await node.Client.PostAsync("/admin/login", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Client.GetAsync("/")).StatusCode);
        await using var db = node.Settings.Database.CreateContext();
        Assert.Empty(db.Users);
    }
}
