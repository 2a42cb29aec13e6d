using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// The back office's cookies are Secure everywhere but a browser on the portal's own machine (loopback development),
/// also behind a proxy that does not say it was reached over HTTPS; HTTPS responses carry HSTS.
/// </summary>
public sealed partial class SecureCookieTests : IAsyncLifetime
{
    private RunningPortal _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = await RunningPortal.StartAsync(
            adjustSettings: settings => settings with { TrustedProxies = [IPAddress.Loopback] });
        await TestAccounts.CreateAsync(_portal, "lihua", [StaffRoles.Editor], "bmdt");
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        { BaseAddress = _portal.Address };

    [Fact]
    public async Task Cookies_are_secure_for_a_site_name_even_over_plain_http_from_a_proxy()
    {
        using var client = Client();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        page.Headers.Host = "www.example.gov.cn";
        var login = await client.SendAsync(page);
        var csrf = login.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("gp_csrf=", StringComparison.Ordinal));
        Assert.Contains("secure", csrf, StringComparison.OrdinalIgnoreCase);

        var token = WebUtility.HtmlDecode(TokenField().Match(await login.Content.ReadAsStringAsync()).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent(
                [new("userName", "lihua"), new("password", TestAccounts.Password), new("__csrf", token)]),
        };
        post.Headers.Host = "www.example.gov.cn";
        post.Headers.Add("Cookie", csrf[..csrf.IndexOf(';')]);
        var signIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gp_auth=", StringComparison.Ordinal)
            && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Https_responses_carry_hsts_and_plain_loopback_ones_do_not()
    {
        using var client = Client();
        foreach (var path in new[] { "/", "/admin/login" })
        {
            using var https = new HttpRequestMessage(HttpMethod.Get, path);
            https.Headers.Add("X-Forwarded-Proto", "https");
            var secure = await client.SendAsync(https);
            Assert.Equal("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());

            var plain = await client.GetAsync(path);
            Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
            if (path == "/admin/login")
                Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(),
                    StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
