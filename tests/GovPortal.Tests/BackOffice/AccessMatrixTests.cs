using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// Walks every back-office endpoint with every role and anonymously and checks who gets through. The table below is
/// the authorization policy; an endpoint missing from it, or an entry with no endpoint, fails the test. The three
/// administrators of 三员分立 (系统管理员, 安全管理员, 审计管理员) each walk every endpoint like every other role.
/// </summary>
public sealed class AccessMatrixTests
{
    private const string Anonymous = "anonymous", NoRole = "norole", Admin = "sysadmin", Security = "secofficer",
        Auditor = "auditofficer", Editor = "editor", Reviewer = "reviewer", Publisher = "publisher",
        Disclosure = "xxgk", Mailbox = "xxgl", Platform = "pingtai";
    private static readonly string[] Everyone =
        [Anonymous, NoRole, Admin, Security, Auditor, Editor, Reviewer, Publisher, Disclosure, Mailbox, Platform];
    private static readonly string[] SignedIn =
        [NoRole, Admin, Security, Auditor, Editor, Reviewer, Publisher, Disclosure, Mailbox, Platform];
    private static readonly string[] Editorial = [Editor, Reviewer, Publisher];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["GET /admin/login"] = Everyone,
        ["POST /admin/login"] = Everyone,
        ["GET /admin/login/2fa"] = Everyone,
        ["POST /admin/login/2fa"] = Everyone,
        ["GET /admin/assets/{name}"] = Everyone,
        ["GET /admin/"] = SignedIn,
        ["GET /admin/password"] = SignedIn,
        ["POST /admin/password"] = SignedIn,
        ["GET /admin/security"] = SignedIn,
        ["POST /admin/security/2fa/enable"] = SignedIn,
        ["POST /admin/security/2fa/disable"] = SignedIn,
        ["POST /admin/security/recovery-codes"] = SignedIn,
        ["POST /admin/logout"] = SignedIn,
        ["GET /admin/articles"] = Editorial,
        ["POST /admin/articles/bulk"] = Editorial,
        ["GET /admin/articles/{id:int}"] = Editorial,
        ["GET /admin/articles/{id:int}/preview"] = Editorial,
        ["GET /admin/articles/{id:int}/diff"] = Editorial,
        ["GET /admin/files/{fileId:int}"] = Editorial,
        ["GET /admin/pictures/{name}"] = Editorial,
        ["GET /admin/forced"] = Editorial,
        ["GET /admin/articles/new"] = [Editor],
        ["POST /admin/articles/new"] = [Editor],
        ["GET /admin/articles/{id:int}/edit"] = [Editor],
        ["POST /admin/articles/{id:int}/edit"] = [Editor],
        ["POST /admin/articles/{id:int}/submit"] = [Editor],
        ["POST /admin/articles/{id:int}/recall"] = [Editor],
        ["POST /admin/articles/{id:int}/restore"] = [Editor],
        ["POST /admin/articles/{id:int}/approve"] = [Reviewer],
        ["POST /admin/articles/{id:int}/reject"] = [Reviewer],
        ["POST /admin/forced/{revisionId:int}/confirm"] = [Reviewer],
        ["POST /admin/articles/{id:int}/publish"] = [Publisher],
        ["POST /admin/articles/{id:int}/schedule"] = [Publisher],
        ["POST /admin/articles/{id:int}/unschedule"] = [Publisher],
        ["POST /admin/articles/{id:int}/force-publish"] = [Publisher],
        ["POST /admin/articles/{id:int}/withdraw"] = [Publisher],
        ["POST /admin/articles/{id:int}/schedule-withdrawal"] = [Publisher],
        ["POST /admin/articles/{id:int}/cancel-withdrawal"] = [Publisher],
        ["POST /admin/articles/{id:int}/rank"] = [Publisher],
        ["POST /admin/articles/{id:int}/listings"] = [Publisher],
        ["POST /admin/articles/{id:int}/published-at"] = [Publisher],
        ["GET /admin/articles/trash"] = Editorial,
        ["GET /admin/statistics"] = Editorial,
        ["GET /admin/statistics.csv"] = Editorial,
        ["GET /admin/submissions"] = Editorial,
        ["GET /admin/submissions/{id:int}"] = Editorial,
        ["POST /admin/submissions/{id:int}/accept"] = Editorial,
        ["POST /admin/submissions/{id:int}/return"] = Editorial,
        ["GET /admin/submissions/statistics"] = Editorial,
        ["GET /admin/submissions/statistics.csv"] = Editorial,
        ["GET /admin/articles/{id:int}/send"] = Editorial,
        ["POST /admin/articles/{id:int}/send"] = Editorial,
        // The draft walked here is deleted by each who may, then restored at once (the next entry).
        ["POST /admin/articles/{id:int}/delete"] = [Editor, Publisher],
        ["POST /admin/articles/trash/{id:int}/restore"] = [Editor, Publisher],
        ["GET /admin/channels"] = [Admin],
        ["POST /admin/channels/new"] = [Admin],
        ["POST /admin/channels/{id:int}"] = [Admin],
        ["POST /admin/channels/{id:int}/delete"] = [Admin],
        ["GET /admin/disclosure"] = [Admin],
        ["POST /admin/disclosure/pattern"] = [Admin],
        ["POST /admin/disclosure/organisations/new"] = [Admin],
        ["POST /admin/disclosure/organisations/{id:int}"] = [Admin],
        ["POST /admin/disclosure/organisations/{id:int}/delete"] = [Admin],
        ["POST /admin/disclosure/classifications/new"] = [Admin],
        ["POST /admin/disclosure/classifications/{id:int}"] = [Admin],
        ["POST /admin/disclosure/classifications/{id:int}/delete"] = [Admin],
        ["GET /admin/accounts"] = [Admin, Security],
        ["POST /admin/accounts/new"] = [Admin],
        ["GET /admin/accounts/{id}"] = [Admin, Security],
        ["POST /admin/accounts/{id}"] = [Admin],
        ["POST /admin/accounts/{id}/roles"] = [Security],
        ["POST /admin/accounts/{id}/reset-password"] = [Admin],
        ["POST /admin/accounts/{id}/unlock"] = [Admin],
        ["GET /admin/security-policy"] = [Security],
        ["POST /admin/security-policy"] = [Security],
        ["GET /admin/audit"] = [Auditor],
        ["GET /admin/audit.csv"] = [Auditor],
        ["GET /admin/sessions"] = SignedIn,
        ["POST /admin/sessions/{sessionId}/end"] = SignedIn,
        ["POST /admin/sessions/end-others"] = SignedIn,
        ["GET /admin/accounts/{id}/sessions"] = [Admin],
        ["POST /admin/accounts/{id}/sessions/{sessionId}/end"] = [Admin],
        ["POST /admin/accounts/{id}/sessions/end-all"] = [Admin],
        ["GET /admin/settings"] = [Admin],
        ["POST /admin/settings/mourning"] = [Admin],
        ["POST /admin/settings/site"] = [Admin],
        ["POST /admin/settings/logo"] = [Admin],
        ["GET /admin/settings/statements/{key}"] = [Admin],
        ["POST /admin/settings/statements/{key}"] = [Admin],
        ["GET /admin/home-layout"] = [Admin],
        ["GET /admin/home-layout/preview"] = [Admin],
        ["POST /admin/home-layout/blocks"] = [Admin],
        ["POST /admin/home-layout/blocks/{index:int}/move"] = [Admin],
        ["POST /admin/home-layout/blocks/{index:int}/delete"] = [Admin],
        ["POST /admin/home-layout/publish"] = [Admin],
        ["POST /admin/home-layout/discard"] = [Admin],
        ["GET /admin/safety"] = [Admin],
        ["POST /admin/safety/words"] = [Admin],
        ["POST /admin/safety/wording"] = [Admin],
        ["GET /admin/safety/own"] = [Admin],
        ["POST /admin/safety/own/words"] = [Admin],
        ["POST /admin/safety/own/wording"] = [Admin],
        ["GET /admin/health"] = SignedIn,
        ["POST /admin/health/check"] = [Admin],
        ["GET /admin/health.csv"] = SignedIn,
        ["GET /admin/applications"] = [Admin, Disclosure],
        ["GET /admin/applications/{id:int}"] = [Admin, Disclosure],
        ["GET /admin/applications/{id:int}/answer"] = [Admin, Disclosure],
        ["POST /admin/applications/{id:int}/register"] = [Disclosure],
        ["POST /admin/applications/{id:int}/correction"] = [Disclosure],
        ["POST /admin/applications/{id:int}/start"] = [Disclosure],
        ["POST /admin/applications/{id:int}/extend"] = [Disclosure],
        ["POST /admin/applications/{id:int}/answer"] = [Disclosure],
        ["GET /admin/calendar"] = [Admin],
        ["GET /admin/calendar/{year:int}"] = [Admin],
        ["POST /admin/calendar/{year:int}"] = [Admin],
        // A site's own days are kept by the administrators of the other sites; every account here is the first site's
        // (walked on a town in the test of another site below).
        ["GET /admin/calendar/own"] = [],
        ["GET /admin/calendar/own/{year:int}"] = [],
        ["POST /admin/calendar/own/{year:int}"] = [],
        ["GET /admin/annual-reports"] = [Admin, Disclosure],
        ["GET /admin/annual-reports/open"] = [Admin, Disclosure],
        ["GET /admin/annual-reports/{year:int}"] = [Admin, Disclosure],
        ["POST /admin/annual-reports/{year:int}"] = [Admin, Disclosure],
        ["POST /admin/annual-reports/{year:int}/publish"] = [Admin, Disclosure],
        // Letters: open to the 信箱管理员, administrators (masked, to oversee) and organisations' members, decided per
        // letter; nobody here holds an organisation duty, so the 承办人's and 审核人's steps admit no one.
        ["GET /admin/letters"] = [Admin, Mailbox],
        ["GET /admin/letters/{id:int}"] = [Admin, Mailbox],
        ["GET /admin/letters/{id:int}/attachments/{attachmentId:int}"] = [Admin, Mailbox],
        ["POST /admin/letters/{id:int}/release"] = [Mailbox],
        ["POST /admin/letters/{id:int}/reject"] = [Mailbox],
        ["POST /admin/letters/{id:int}/assign"] = [Mailbox],
        ["POST /admin/letters/{id:int}/merge"] = [Mailbox],
        ["POST /admin/letters/{id:int}/return"] = [],
        ["POST /admin/letters/{id:int}/draft"] = [],
        ["POST /admin/letters/{id:int}/submit"] = [],
        ["POST /admin/letters/{id:int}/approve"] = [],
        ["POST /admin/letters/{id:int}/sendback"] = [],
        ["GET /admin/mailboxes"] = [Mailbox],
        ["POST /admin/mailboxes"] = [Mailbox],
        ["GET /admin/mailboxes/{id:int}"] = [Mailbox],
        ["POST /admin/mailboxes/{id:int}"] = [Mailbox],
        ["POST /admin/mailboxes/{id:int}/delete"] = [Mailbox],
        ["GET /admin/organisation-members"] = [Admin],
        ["POST /admin/organisation-members"] = [Admin],
        ["POST /admin/organisation-members/{id:int}/remove"] = [Admin],
        ["GET /admin/letters/{id:int}/publish"] = [Mailbox],
        ["POST /admin/letters/{id:int}/publish"] = [Mailbox],
        ["POST /admin/letters/{id:int}/withdraw"] = [Mailbox],
        ["GET /admin/consultations"] = [Mailbox],
        ["GET /admin/consultations/new"] = [Mailbox],
        ["POST /admin/consultations/new"] = [Mailbox],
        ["GET /admin/consultations/{id:int}"] = [Mailbox],
        ["POST /admin/consultations/{id:int}"] = [Mailbox],
        ["POST /admin/consultations/{id:int}/feedback"] = [Mailbox],
        ["GET /admin/consultations/{id:int}/comments"] = [Mailbox],
        ["GET /admin/platform"] = [Platform],
        ["POST /admin/platform/sites"] = [Platform],
        ["POST /admin/platform/sites/{code}"] = [Platform],
        ["POST /admin/platform/sites/{code}/suspend"] = [Platform],
        ["POST /admin/platform/sites/{code}/resume"] = [Platform],
        ["POST /admin/platform/sites/{code}/delete"] = [Platform],
        ["POST /admin/platform/mourning"] = [Platform],
    };

    /// <summary>
    /// On a site other than the first (黄埭镇 of the demo platform): the platform's calendar admits nobody, the site's
    /// own calendar its 系统管理员 only.
    /// </summary>
    private static readonly Dictionary<string, string[]> AllowedOnAnotherSite = new()
    {
        ["GET /admin/calendar"] = [],
        ["GET /admin/calendar/{year:int}"] = [],
        ["POST /admin/calendar/{year:int}"] = [],
        ["GET /admin/calendar/own"] = [Admin],
        ["GET /admin/calendar/own/{year:int}"] = [Admin],
        ["POST /admin/calendar/own/{year:int}"] = [Admin],
    };

    private static readonly Dictionary<string, string[]> RolesOf = new()
    {
        [NoRole] = [], [Admin] = [StaffRoles.Administrator], [Security] = [StaffRoles.SecurityAdministrator],
        [Auditor] = [StaffRoles.AuditAdministrator], [Editor] = [StaffRoles.Editor],
        [Reviewer] = [StaffRoles.Reviewer], [Publisher] = [StaffRoles.Publisher],
        [Disclosure] = [StaffRoles.Disclosure], [Mailbox] = [StaffRoles.Mailbox],
        [Platform] = [StaffRoles.PlatformAdministrator],
    };

    private static List<string> Endpoints(RunningPortal portal) =>
        portal.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/admin", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(
                m => $"{m} {(e.RoutePattern.RawText == "/admin/" ? "/admin/" : e.RoutePattern.RawText!.TrimEnd('/'))}"))
            .Distinct().Order().ToList();

    [Fact]
    public async Task Every_back_office_endpoint_admits_exactly_the_roles_the_policy_lists()
    {
        await using var portal = await RunningPortal.StartAsync();
        Assert.Equal(Allowed.Keys.Order().ToList(), Endpoints(portal));

        // Everyone holds every channel, so that only roles decide; the account endpoints act on a bystander.
        string[] all = ["xwzx", "zcwj"];
        await TestAccounts.CreateAsync(portal, NoRole, [], all);
        await TestAccounts.CreateAsync(portal, Admin, [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(portal, Security, [StaffRoles.SecurityAdministrator]);
        await TestAccounts.CreateAsync(portal, Auditor, [StaffRoles.AuditAdministrator]);
        await TestAccounts.CreateAsync(portal, Editor, [StaffRoles.Editor], all);
        await TestAccounts.CreateAsync(portal, Reviewer, [StaffRoles.Reviewer], all);
        await TestAccounts.CreateAsync(portal, Publisher, [StaffRoles.Publisher], all);
        await TestAccounts.CreateAsync(portal, Disclosure, [StaffRoles.Disclosure]);
        await TestAccounts.CreateAsync(portal, Mailbox, [StaffRoles.Mailbox]);
        await TestAccounts.CreateAsync(portal, Platform, [StaffRoles.PlatformAdministrator]);
        await TestAccounts.CreateAsync(portal, "bystander", [StaffRoles.Editor], "bmdt");
        await using var room = await Newsroom.StartAsync(portal);
        var articleId = await room.WriteAsync("权限矩阵测试", files: [("附件.pdf", TestPdf.Create("附件"))]);
        var revision = await room.RevisionAsync(articleId);
        string bystander;
        await using (var db = portal.Settings.Database.CreateContext())
            bystander = db.Users.Single(u => u.UserName == "bystander").Id;
        var channelId = TestAccounts.ChannelId(portal, "tzgg");
        string Url(string pattern) => pattern
            .Replace("/channels/{id:int}", $"/channels/{channelId}").Replace("/accounts/{id}", $"/accounts/{bystander}")
            .Replace("{id:int}", articleId.ToString()).Replace("{fileId:int}", revision.Files[0].Id.ToString())
            .Replace("{revisionId:int}", revision.Id.ToString()).Replace("{name}", "admin.css")
            .Replace("{key}", "privacy")
            .Replace("{year:int}", "2031").Replace("{attachmentId:int}", "1").Replace("{index:int}", "0")
            .Replace("{code}", "nosuch");

        var failures = new List<string>();
        foreach (var who in Everyone)
        {
            using var client = who == Anonymous ? StaffClient.Anonymous(portal)
                : await StaffClient.SignInAsync(portal, who);
            // Signing out is tried last, so it does not end the session the other requests need.
            foreach (var endpoint in Allowed.Keys.OrderBy(k => k.EndsWith("/logout", StringComparison.Ordinal)))
            {
                var (method, url) = (endpoint.Split(' ')[0], Url(endpoint.Split(' ')[1]));
                using var response = method == "GET"
                    ? await client.Http.GetAsync(url)
                    : await client.Http.PostAsync(url, new FormUrlEncodedContent(
                        [new("__csrf", await client.TokenAsync(who == Anonymous ? "login" : ""))]));
                var location = response.Headers.Location?.OriginalString ?? "";
                var deniedAnonymously = response.StatusCode == HttpStatusCode.Redirect
                    && location.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase);
                var denied = response.StatusCode == HttpStatusCode.Forbidden || deniedAnonymously;
                var expected = Allowed[endpoint].Contains(who);
                if (denied == expected) failures.Add($"{who} {method} {url}: {(int)response.StatusCode} {location}");
                if (who == Anonymous && !expected && !deniedAnonymously) failures.Add(
                    $"{who} {method} {url} should be sent to sign in: {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // None of those requests changed anything: the bystander's article is still an unsubmitted draft.
        Assert.Equal(GovPortal.BackOffice.Workflow.RevisionState.Draft, (await room.RevisionAsync(articleId)).State);
    }

    [Fact]
    public async Task Every_form_post_without_its_antiforgery_token_is_refused_and_does_nothing()
    {
        await using var portal = await RunningPortal.StartAsync();
        // 三员分立 leaves no account with every role: what "everything" may not do, the 安全管理员 may.
        await TestAccounts.CreateAsync(portal, "everything",
            [StaffRoles.Administrator, StaffRoles.Editor, StaffRoles.Reviewer, StaffRoles.Publisher,
                StaffRoles.Disclosure, StaffRoles.Mailbox], "xwzx", "zcwj");
        await TestAccounts.CreateAsync(portal, "secofficer", [StaffRoles.SecurityAdministrator]);
        await TestAccounts.CreateAsync(portal, "platformofficer", [StaffRoles.PlatformAdministrator]);
        using var client = await StaffClient.SignInAsync(portal, "everything");
        using var security = await StaffClient.SignInAsync(portal, "secofficer");
        using var platform = await StaffClient.SignInAsync(portal, "platformofficer");
        await using var room = await Newsroom.StartAsync(portal);
        var articleId = await room.WriteAsync("跨站请求测试");
        var revision = await room.RevisionAsync(articleId);
        // Posts no account of the first site may make are tried on another site (the test below).
        var posts = Endpoints(portal).Where(e => e.StartsWith("POST ", StringComparison.Ordinal))
            .Where(e => Allowed[e].Length > 0 || !AllowedOnAnotherSite.ContainsKey(e)).Select(e => e[5..]).ToList();
        Assert.Contains("/admin/articles/{id:int}/publish", posts);
        foreach (var pattern in posts)
        {
            var url = pattern.Replace("{id:int}", pattern.Contains("/channels/")
                ? TestAccounts.ChannelId(portal, "tzgg").ToString() : articleId.ToString())
                .Replace("{revisionId:int}", revision.Id.ToString()).Replace("{id}", "x")
                .Replace("{year:int}", "2031").Replace("{key}", "privacy").Replace("{index:int}", "0")
                .Replace("{code}", "nosuch");
            // A forged form from another site: every field a real form would have, except the token.
            FormUrlEncodedContent Forged() =>
                new([new("version", revision.Version.ToString()), new("title", "伪造"),
                new("name", "伪造"), new("reason", "伪造的紧急发布理由"), new("comment", "伪造"), new("userName", "everything"),
                    new("password", TestAccounts.Password)]);
            using var first = await client.Http.PostAsync(url, Forged());
            using var second = first.StatusCode == HttpStatusCode.Forbidden
                ? await security.Http.PostAsync(url, Forged()) : first;
            using var response = second.StatusCode == HttpStatusCode.Forbidden
                ? await platform.Http.PostAsync(url, Forged()) : second;
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("缺少安全令牌", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(GovPortal.BackOffice.Workflow.RevisionState.Draft, (await room.RevisionAsync(articleId)).State);
        // still signed in: the forged sign-out did nothing
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("")).StatusCode);
    }

    [Fact]
    public async Task On_another_site_its_own_calendar_admits_its_administrator_and_the_platforms_nobody()
    {
        await using var portal = await RunningPortal.StartAsync(adjustSettings: s => s with { DemoPlatform = true });
        foreach (var who in SignedIn) await TestAccounts.CreateOnSiteAsync(portal, "hd", "hd" + who, RolesOf[who]);
        string Url(string pattern) => pattern.Replace("{year:int}", "2031");

        var failures = new List<string>();
        foreach (var who in Everyone)
        {
            using var client = who == Anonymous ? StaffClient.Anonymous(portal)
                : await StaffClient.SignInAsync(portal, "hd" + who);
            foreach (var (endpoint, allowed) in AllowedOnAnotherSite)
            {
                var (method, url) = (endpoint.Split(' ')[0], Url(endpoint.Split(' ')[1]));
                using var response = method == "GET"
                    ? await client.Http.GetAsync(url)
                    : await client.Http.PostAsync(url, new FormUrlEncodedContent(
                        [new("__csrf", await client.TokenAsync(who == Anonymous ? "login" : ""))]));
                var location = response.Headers.Location?.OriginalString ?? "";
                var deniedAnonymously = response.StatusCode == HttpStatusCode.Redirect
                    && location.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase);
                var denied = response.StatusCode == HttpStatusCode.Forbidden || deniedAnonymously;
                if (denied == allowed.Contains(who))
                    failures.Add($"{who} {method} {url}: {(int)response.StatusCode} {location}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Without its antiforgery token the administrator's post is refused and saves nothing.
        using var administrator = await StaffClient.SignInAsync(portal, "hd" + Admin);
        foreach (var endpoint in AllowedOnAnotherSite.Keys.Where(e => e.StartsWith("POST ", StringComparison.Ordinal)
                     && AllowedOnAnotherSite[e].Contains(Admin)))
        {
            using var forged = await administrator.Http.PostAsync(Url(endpoint[5..]),
                new FormUrlEncodedContent([new("days", "2031-03-03 休 伪造的节日")]));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Contains("缺少安全令牌", await forged.Content.ReadAsStringAsync());
        }
        await using var db = portal.Settings.Database.CreateContext();
        Assert.False(await db.SiteCalendarDays.AnyAsync(d => d.Name == "伪造的节日"));
    }
}
