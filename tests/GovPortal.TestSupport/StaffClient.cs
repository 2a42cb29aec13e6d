using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Support;

/// <summary>
/// A browser-like HTTP client of the back office: keeps its cookies, reads form tokens from pages, posts forms.
/// </summary>
public sealed partial class StaffClient : IDisposable
{
    public const string Base = "/admin";

    private StaffClient(Uri address, string basePath)
    {
        BasePath = basePath;
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies,
            UseCookies = true }) { BaseAddress = address };
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }
    public string BasePath { get; }

    public static StaffClient Anonymous(RunningPortal portal, string basePath = Base) => new(portal.Address, basePath);

    /// <summary>
    /// Signs in with a password and, for an account that uses two-step sign-in, the authenticator's current code; the
    /// response must be the redirect into the back office.
    /// </summary>
    public static async Task<StaffClient> SignInAsync(RunningPortal portal, string userName,
        string password = TestAccounts.Password, string basePath = Base)
    {
        var client = new StaffClient(portal.Address, basePath);
        var response = await client.PostAsync("login", [new("userName", userName), new("password", password)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"sign-in of {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (response.Headers.Location?.OriginalString.Contains("/login/2fa", StringComparison.Ordinal) == true)
        {
            var second = await client.PostAsync("login/2fa",
                [new("code", await TestAccounts.CodeAsync(portal, userName))], tokenPage: "login/2fa");
            Assert.True(second.StatusCode == HttpStatusCode.Redirect,
                $"second step of {userName} answered {(int)second.StatusCode}");
        }
        return client;
    }

    /// <summary>
    /// Signs in to a portal in another process (<see cref="PortalProcess"/>) with an account that has no second step.
    /// </summary>
    public static async Task<StaffClient> SignInAsync(Uri address, string userName,
        string password = TestAccounts.Password)
    {
        var client = new StaffClient(address, Base);
        var response = await client.PostAsync("login", [new("userName", userName), new("password", password)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"sign-in of {userName} answered {(int)response.StatusCode}");
        return client;
    }

    public string Url(string relative) => relative.Length == 0 ? BasePath + "/" : $"{BasePath}/{relative}";

    public Task<HttpResponseMessage> GetAsync(string relative) => Http.GetAsync(Url(relative));

    public async Task<string> GetPageAsync(string relative)
    {
        var response = await GetAsync(relative);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {relative}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The antiforgery token of a page, as a browser would post it back.</summary>
    public async Task<string> TokenAsync(string? fromPage = null)
    {
        var response = await GetAsync(fromPage ?? (await IsSignedInAsync() ? "" : "login"));
        var html = await response.Content.ReadAsStringAsync();
        return TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("no token on " + fromPage + ": " + html);
    }

    private async Task<bool> IsSignedInAsync() =>
        Cookies.GetCookies(Http.BaseAddress!).Any(c => c.Name == "gp_auth")
            && (await GetAsync("")).StatusCode == HttpStatusCode.OK;

    public async Task<HttpResponseMessage> PostAsync(string relative, IEnumerable<KeyValuePair<string, string>> fields,
        bool withToken = true, string? tokenPage = null)
    {
        var all = fields.ToList();
        if (withToken) all.Add(new("__csrf", await TokenAsync(tokenPage)));
        return await Http.PostAsync(Url(relative), new FormUrlEncodedContent(all));
    }

    public async Task<HttpResponseMessage> PostMultipartAsync(string relative,
        IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Name, byte[] Content)> files,
        string fileField = "files")
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields) content.Add(new StringContent(value), key);
        content.Add(new StringContent(await TokenAsync()), "__csrf");
        foreach (var (name, bytes) in files) content.Add(new ByteArrayContent(bytes), fileField, name);
        return await Http.PostAsync(Url(relative), content);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>
/// Accounts made directly in the portal's database, with a known password and no forced change. An account holding one
/// of the three administrator roles, which must use two-step sign-in, is enrolled with an authenticator key
/// (<see cref="CodeAsync"/> gives its current code) unless the test asks for an account that has not enrolled.
/// </summary>
public static class TestAccounts
{
    public const string Password = "Test-Passw0rd!";

    public static Task CreateAsync(RunningPortal portal, string userName, string[] roles,
        params string[] channelSlugs) =>
        CreateAsync(portal, userName, roles, enrolTwoFactor: StaffRoles.IncludeOfficer(roles), channelSlugs);

    public static async Task<bool> ExistsAsync(RunningPortal portal, string userName)
    {
        using var scope = portal.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName)
            is not null;
    }

    /// <summary>The code an authenticator app shows now for the account's key.</summary>
    public static async Task<string> CodeAsync(RunningPortal portal, string userName)
    {
        using var scope = portal.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        return Totp.Code((await users.GetAuthenticatorKeyAsync(user))!, DateTimeOffset.UtcNow);
    }

    public static Task CreateAsync(RunningPortal portal, string userName, string[] roles, bool enrolTwoFactor,
        params string[] channelSlugs) =>
        CreateAsync(portal, siteCode: null, userName, roles, enrolTwoFactor, channelSlugs);

    /// <summary>
    /// An account of another site of the platform, holding <paramref name="roles"/> in that site's channels
    /// <paramref name="channelSlugs"/>; enrolled in two-step sign-in when a role needs it.
    /// </summary>
    public static Task CreateOnSiteAsync(RunningPortal portal, string siteCode, string userName,
        string[] roles, params string[] channelSlugs) =>
        CreateAsync(portal, siteCode, userName, roles, StaffRoles.IncludeOfficer(roles), channelSlugs);

    // On the site of siteCode, or the first site when null.
    private static async Task CreateAsync(RunningPortal portal, string? siteCode, string userName, string[] roles,
        bool enrolTwoFactor, string[] channelSlugs)
    {
        int siteId;
        await using (var db = portal.Settings.Database.CreateContext())
            siteId = siteCode is null ? db.Sites.Min(s => s.Id) : db.Sites.Single(s => s.Code == siteCode).Id;
        using var scope = portal.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = userName, DisplayName = userName, SiteId = siteId };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            var added = await users.AddToRolesAsync(user, roles);
            Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        }
        if (enrolTwoFactor)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        await using var context = portal.Settings.Database.CreateContext();
        var channels = context.Channels.Where(c => c.SiteId == siteId && channelSlugs.Contains(c.Slug))
            .Select(c => c.Id).ToList();
        Assert.Equal(channelSlugs.Length, channels.Count);
        context.ChannelGrants.AddRange(channels.Select(c => new ChannelGrant { UserId = user.Id, ChannelId = c }));
        await context.SaveChangesAsync();
    }

    /// <summary>Gives an account one more channel (taking effect at its next request).</summary>
    public static async Task GrantChannelAsync(RunningPortal portal, string userName, string slug)
    {
        using var scope = portal.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        await using var db = portal.Settings.Database.CreateContext();
        db.ChannelGrants.Add(new ChannelGrant { UserId = user.Id, ChannelId = ChannelId(portal, slug) });
        await db.SaveChangesAsync();
    }

    public static int ChannelId(RunningPortal portal, string slug)
    {
        using var db = portal.Settings.Database.CreateContext();
        return db.Channels.Single(c => c.Slug == slug).Id;
    }
}
