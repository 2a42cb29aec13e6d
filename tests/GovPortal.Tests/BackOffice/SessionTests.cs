using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Sessions;
using GovPortal.Hosting;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// Sign-in sessions kept on the server, over HTTP on a real Kestrel: roles read at every request, sessions ended by
/// their owner, the administrator, a sign-out, a password change or the clock, and a copied cookie refused after.
/// The portal's clock is fake, so the time-outs are tested without waiting.
/// </summary>
public sealed class SessionTests(SessionTests.Fixture shared) : IClassFixture<SessionTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
        public RunningPortal Portal { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Portal = await RunningPortal.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(Clock));
            await TestAccounts.CreateAsync(Portal, "s-admin", [StaffRoles.Administrator]);
            await TestAccounts.CreateAsync(Portal, "s-security", [StaffRoles.SecurityAdministrator]);
        }

        public async Task DisposeAsync() => await Portal.DisposeAsync();
    }

    private RunningPortal Portal => shared.Portal;

    [Fact]
    public async Task A_granted_role_applies_at_the_next_request_and_a_removed_role_is_refused_at_the_next()
    {
        await TestAccounts.CreateAsync(Portal, "s-grantee", [], "bmdt");
        using var person = await StaffClient.SignInAsync(Portal, "s-grantee");
        using var security = await StaffClient.SignInAsync(Portal, "s-security");
        var id = UserId("s-grantee");
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("articles/new")).StatusCode);
        Assert.DoesNotContain("href=\"/admin/articles/new\"", await person.GetPageAsync(""));

        await SetRolesAsync(security, id, [StaffRoles.Editor]);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("articles/new")).StatusCode);
        Assert.Contains("href=\"/admin/articles/new\"", await person.GetPageAsync(""));

        await SetRolesAsync(security, id, []);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("articles/new")).StatusCode);
        Assert.DoesNotContain("href=\"/admin/articles/new\"", await person.GetPageAsync(""));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await person.PostAsync("articles/new", [new("title", "无权新建")], tokenPage: "")).StatusCode);
        // Still signed in: only the role went.
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_at_its_next_request_and_told_why()
    {
        await TestAccounts.CreateAsync(Portal, "s-disabled", [StaffRoles.Editor], "bmdt");
        using var person = await StaffClient.SignInAsync(Portal, "s-disabled");
        using var admin = await StaffClient.SignInAsync(Portal, "s-admin");
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("")).StatusCode);

        await SaveAccountAsync(admin, UserId("s-disabled"), [StaffRoles.Editor], disabled: true);
        var refused = await person.GetAsync("");
        Assert.Contains("您的账号已被停用", await SignInPageAfterAsync(refused));
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("articles")).StatusCode);

        await using var db = Portal.Settings.Database.CreateContext();
        var session = await db.SignInSessions.SingleAsync(s => s.UserId == UserId("s-disabled"));
        Assert.Equal((SessionEndReason.AccountDisabled, "s-admin"), (session.EndReason, session.EndedBy));
        Assert.Contains(await AuditAsync("s-disabled"), e => e.Actor == "s-admin" && e.Details.Contains("账号已停用"));
    }

    [Fact]
    public async Task A_session_ended_from_another_client_refuses_its_cookie_and_only_its_own()
    {
        await TestAccounts.CreateAsync(Portal, "s-owner", [StaffRoles.Editor], "bmdt");
        await TestAccounts.CreateAsync(Portal, "s-stranger", [StaffRoles.Editor], "bmdt");
        using var office = await StaffClient.SignInAsync(Portal, "s-owner");
        var officeSession = Assert.Single(OpenSessions("s-owner"));
        using var phone = await StaffClient.SignInAsync(Portal, "s-owner");
        var phoneSession = Assert.Single(OpenSessions("s-owner"), s => s != officeSession);

        var page = await phone.GetPageAsync("sessions");
        Assert.Contains($"sessions/{officeSession}/end", page);
        Assert.Contains("（当前会话）", page);

        // Someone else's session cannot be ended from one's own page: it answers as if it did not exist.
        using var stranger = await StaffClient.SignInAsync(Portal, "s-stranger");
        var foreign = await stranger.PostAsync($"sessions/{officeSession}/end", [], tokenPage: "sessions");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("")).StatusCode);

        var copy = CopyOfCookie(office);
        var ended = await phone.PostAsync($"sessions/{officeSession}/end", [], tokenPage: "sessions");
        Assert.Equal(HttpStatusCode.SeeOther, ended.StatusCode);
        Assert.Contains("这次登录已由您本人在其他地方结束", await SignInPageAfterAsync(await office.GetAsync("")));
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/admin/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("")).StatusCode);

        // The administrator ends the other one from the account's page.
        using var admin = await StaffClient.SignInAsync(Portal, "s-admin");
        var id = UserId("s-owner");
        Assert.Contains($"sessions/{phoneSession}/end", await admin.GetPageAsync($"accounts/{id}/sessions"));
        var byAdmin = await admin.PostAsync($"accounts/{id}/sessions/{phoneSession}/end", [],
            tokenPage: $"accounts/{id}/sessions");
        Assert.Equal(HttpStatusCode.SeeOther, byAdmin.StatusCode);
        Assert.Contains("系统管理员结束了您的这次登录", await SignInPageAfterAsync(await phone.GetAsync("")));
        // …who alone may: the owner's own sessions page is not the administrator's.
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"accounts/{id}/sessions")).StatusCode);

        var audit = await AuditAsync("s-owner");
        Assert.Contains(audit, e => e.Actor == "s-owner" && e.Details.Contains("本人结束"));
        Assert.Contains(audit, e => e.Actor == "s-admin" && e.Details.Contains("系统管理员结束"));
        Assert.Empty(OpenSessions("s-owner"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_is_refused()
    {
        await TestAccounts.CreateAsync(Portal, "s-leaver", [StaffRoles.Editor], "bmdt");
        using var person = await StaffClient.SignInAsync(Portal, "s-leaver");
        var copy = CopyOfCookie(person);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/admin/articles")).StatusCode);

        var signedOut = await person.PostAsync("logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var refused = await copy.GetAsync("/admin/articles");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/admin/login", refused.Headers.Location!.PathAndQuery);
        Assert.Contains("这次登录已经退出", await SignInPageAfterAsync(refused));
        Assert.Empty(OpenSessions("s-leaver"));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_a_reset_ends_them_all()
    {
        await TestAccounts.CreateAsync(Portal, "s-changer", [StaffRoles.Editor], "bmdt");
        using var here = await StaffClient.SignInAsync(Portal, "s-changer");
        using var there = await StaffClient.SignInAsync(Portal, "s-changer");
        var changed = await here.PostAsync("password", [new("currentPassword", TestAccounts.Password),
            new("newPassword", "Changed-Passw0rd"), new("confirmPassword", "Changed-Passw0rd")], tokenPage: "password");
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        var stillHere = await here.GetAsync("");
        Assert.True(stillHere.StatusCode == HttpStatusCode.OK, stillHere.Headers.Location?.ToString());
        Assert.Contains("修改前的登录都已结束", await SignInPageAfterAsync(await there.GetAsync("")));

        using var admin = await StaffClient.SignInAsync(Portal, "s-admin");
        var id = UserId("s-changer");
        var reset = await admin.PostAsync($"accounts/{id}/reset-password", [], tokenPage: $"accounts/{id}");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("重置了您的密码", await SignInPageAfterAsync(await here.GetAsync("")));
        Assert.Contains(await AuditAsync("s-changer"), e => e.Actor == "s-admin" && e.Details.Contains("重置密码后结束"));
    }

    [Fact]
    public async Task A_session_ends_after_thirty_idle_minutes_and_twelve_hours_however_active()
    {
        await TestAccounts.CreateAsync(Portal, "s-idle", [StaffRoles.Editor], "bmdt");
        using var person = await StaffClient.SignInAsync(Portal, "s-idle");
        shared.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("")).StatusCode);
        shared.Clock.Advance(TimeSpan.FromMinutes(29)); // 58 minutes after signing in, 29 after the last request
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("")).StatusCode);
        var copy = CopyOfCookie(person);
        shared.Clock.Advance(TimeSpan.FromMinutes(30));
        var idle = await person.GetAsync("");
        var idlePage = await SignInPageAfterAsync(idle);
        Assert.True(idlePage.Contains("您已超过 30 分钟未操作"), idle.Headers.Location + idlePage);
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/admin/")).StatusCode);

        using var busy = await StaffClient.SignInAsync(Portal, "s-idle");
        for (var minutes = 20; minutes < 12 * 60; minutes += 20)
        {
            shared.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("")).StatusCode);
        }
        shared.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Contains("本次登录已超过 12 小时的有效期", await SignInPageAfterAsync(await busy.GetAsync("")));
        var audit = await AuditAsync("s-idle");
        Assert.Contains(audit, e => e.Actor == "" && e.Details.Contains("长时间未操作"));
        Assert.Contains(audit, e => e.Actor == "" && e.Details.Contains("超过登录有效期"));
    }

    [Fact]
    public void The_time_outs_are_set_on_the_command_line_within_limits()
    {
        var (parsed, _) = CommandLine.Parse(["serve", "--session-idle", "15", "--session-max=8"]);
        var options = PortalSettings.From(parsed!).BackOffice;
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromHours(8)),
            (options.SessionIdleTimeout, options.SessionLifetime));
        var defaults = PortalSettings.From(CommandLine.Parse(["serve"]).Parsed!).BackOffice;
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(12)),
            (defaults.SessionIdleTimeout, defaults.SessionLifetime));
        Assert.Contains("1 到 480 之间的整数", CommandLine.Parse(["--session-idle", "0"]).Error);
        Assert.Contains("1 到 72 之间的整数", CommandLine.Parse(["--session-max", "十二"]).Error);
    }

    // Roles are the 安全管理员's to give (三员分立).
    private async Task SetRolesAsync(StaffClient security, string id, string[] roles)
    {
        List<KeyValuePair<string, string>> fields = [new("channel", TestAccounts.ChannelId(Portal, "bmdt").ToString())];
        fields.AddRange(roles.Select(role => new KeyValuePair<string, string>("role", role)));
        var saved = await security.PostAsync($"accounts/{id}/roles", fields, tokenPage: $"accounts/{id}");
        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, await saved.Content.ReadAsStringAsync());
    }

    private async Task SaveAccountAsync(StaffClient admin, string id, string[] roles, bool disabled = false)
    {
        List<KeyValuePair<string, string>> fields = [new("displayName", "会话测试"),
            new("channel", TestAccounts.ChannelId(Portal, "bmdt").ToString())];
        fields.AddRange(roles.Select(role => new KeyValuePair<string, string>("role", role)));
        if (disabled) fields.Add(new("disabled", "1"));
        var saved = await admin.PostAsync($"accounts/{id}", fields, tokenPage: $"accounts/{id}");
        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, await saved.Content.ReadAsStringAsync());
    }

    // The sign-in page a refused request is sent to, as the browser would show it.
    private async Task<string> SignInPageAfterAsync(HttpResponseMessage refused)
    {
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var address = refused.Headers.Location!;
        var location = address.IsAbsoluteUri ? address.PathAndQuery : address.OriginalString;
        Assert.StartsWith("/admin/login", location);
        using var browser = StaffClient.Anonymous(Portal);
        return await browser.GetPageAsync(location["/admin/".Length..]);
    }

    // What someone who copied the cookie would send: the same value, from another client.
    private HttpClient CopyOfCookie(StaffClient client)
    {
        var cookie = client.Cookies.GetCookies(new Uri(Portal.Address, "/admin/"))["gp_auth"]!;
        var copy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = Portal.Address,
        };
        copy.DefaultRequestHeaders.Add("Cookie", $"gp_auth={cookie.Value}");
        return copy;
    }

    private string UserId(string userName)
    {
        using var db = Portal.Settings.Database.CreateContext();
        return db.Users.Single(u => u.UserName == userName).Id;
    }

    private List<string> OpenSessions(string userName)
    {
        var id = UserId(userName);
        using var db = Portal.Settings.Database.CreateContext();
        return db.SignInSessions.Where(s => s.UserId == id && s.EndedAtUtc == null).Select(s => s.Id).ToList();
    }

    private async Task<List<AuditEntry>> AuditAsync(string userName)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.AuditEntries
            .Where(e => e.Action == AuditActions.SessionEnded && e.Target == $"账号 {userName}").ToListAsync();
    }
}
