using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// Sign-in that tells a guesser nothing: a disabled account reads as a wrong password, wrong current passwords count
/// toward the lockout, each client address may fail only so often, and the second step is switched off only with
/// the password.
/// </summary>
public sealed partial class SignInHardeningTests : IAsyncLifetime
{
    private RunningPortal _portal = null!;

    public async Task InitializeAsync() =>
        _portal = await RunningPortal.StartAsync(
            adjustSettings: settings => settings with { TrustedProxies = [IPAddress.Loopback] });

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_wrong_password_for_a_disabled_account_reads_like_any_wrong_password()
    {
        await TestAccounts.CreateAsync(_portal, "tingyong", [StaffRoles.Editor], "bmdt");
        await using (var db = _portal.Settings.Database.CreateContext())
        {
            db.Users.Single(u => u.UserName == "tingyong").IsDisabled = true;
            await db.SaveChangesAsync();
        }
        using var client = StaffClient.Anonymous(_portal);
        var wrong = await client.PostAsync("login", [new("userName", "tingyong"), new("password", "Wrong-Passw0rd")]);
        var unknown = await client.PostAsync("login", [new("userName", "nobody"), new("password", "Wrong-Passw0rd")]);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        var text = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("账号或密码不正确", text);
        Assert.DoesNotContain("停用", text);

        var right = await client.PostAsync("login",
            [new("userName", "tingyong"), new("password", TestAccounts.Password)]);
        Assert.Contains("账号已停用", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_change_page_lock_the_account_and_sign_it_out()
    {
        await TestAccounts.CreateAsync(_portal, "gaibian", [StaffRoles.Editor], "bmdt");
        using var client = await StaffClient.SignInAsync(_portal, "gaibian");
        for (var attempt = 1; attempt < 5; attempt++)
        {
            var wrong = await client.PostAsync("password", [new("currentPassword", $"Guess-{attempt}-Passw0rd"),
                new("newPassword", "New-Passw0rd-2026"), new("confirmPassword", "New-Passw0rd-2026")],
                tokenPage: "password");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync());
        }
        var fifth = await client.PostAsync("password", [new("currentPassword", "Guess-5-Passw0rd"),
            new("newPassword", "New-Passw0rd-2026"), new("confirmPassword", "New-Passw0rd-2026")],
            tokenPage: "password");
        Assert.Contains("账号已锁定", await fifth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("")).StatusCode); // signed out

        using var again = StaffClient.Anonymous(_portal);
        var locked = await again.PostAsync("login",
            [new("userName", "gaibian"), new("password", TestAccounts.Password)]);
        Assert.Contains("账号已锁定", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_client_address_that_fails_too_often_may_not_try_again_while_others_sign_in()
    {
        await TestAccounts.CreateAsync(_portal, "zhengchang", [StaffRoles.Editor], "bmdt");
        using var client = StaffClient.Anonymous(_portal);
        async Task<HttpResponseMessage> SignInFrom(string address, string userName, string password)
        {
            var token = await client.TokenAsync("login");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
            {
                Content = new FormUrlEncodedContent(
                    [new("userName", userName), new("password", password), new("__csrf", token)]),
            };
            request.Headers.Add("X-Forwarded-For", address);
            return await client.Http.SendAsync(request);
        }
        // One password tried on many accounts: no account reaches its own lockout.
        const int maxFailures = 20; // the documented limit
        for (var i = 0; i < maxFailures; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await SignInFrom("203.0.113.9", $"user{i}", "Spring-2026-Passw0rd")).StatusCode);

        var refused = await SignInFrom("203.0.113.9", "zhengchang", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("此网络地址登录失败的次数过多", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect,
            (await SignInFrom("198.51.100.4", "zhengchang", TestAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Switching_two_step_sign_in_off_needs_the_password_again()
    {
        await TestAccounts.CreateAsync(_portal, "liangbu", [StaffRoles.Editor], "bmdt");
        using var client = await StaffClient.SignInAsync(_portal, "liangbu");
        var page = await client.GetPageAsync("security");
        var key = KeyText().Match(page).Groups[1].Value;
        var enabled = await client.PostAsync("security/2fa/enable",
            [new("code", Totp.Code(key, DateTimeOffset.UtcNow))], tokenPage: "security");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);

        foreach (var password in new[] { "", "Wrong-Passw0rd" })
        {
            var refused = await client.PostAsync("security/2fa/disable", [new("password", password)],
                tokenPage: "security");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("当前密码不正确", await refused.Content.ReadAsStringAsync());
            Assert.True(await TwoFactorEnabledAsync("liangbu"));
        }
        await using (var db = _portal.Settings.Database.CreateContext())
            Assert.Equal(2, db.Users.Single(u => u.UserName == "liangbu").AccessFailedCount);

        var done = await client.PostAsync("security/2fa/disable", [new("password", TestAccounts.Password)],
            tokenPage: "security");
        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        Assert.False(await TwoFactorEnabledAsync("liangbu"));
    }

    private async Task<bool> TwoFactorEnabledAsync(string userName)
    {
        await using var db = _portal.Settings.Database.CreateContext();
        return db.Users.Single(u => u.UserName == userName).TwoFactorEnabled;
    }

    [GeneratedRegex("<kbd>([a-z2-7 ]+)</kbd>")]
    private static partial Regex KeyText();
}
