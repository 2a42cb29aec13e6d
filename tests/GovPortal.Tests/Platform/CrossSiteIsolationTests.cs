using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovPortal.BackOffice.Accounts;
using GovPortal.Data;
using GovPortal.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Platform;

/// <summary>
/// Staff of one site (黄埭镇, hd) in every role walk every back-office endpoint with the ids of another site's
/// (the district's) articles, revisions, files, channels, accounts, letters, applications, consultations, mailboxes
/// and lists: none of their pages shows anything of the district, and afterwards nothing of the district changed.
/// </summary>
public sealed class CrossSiteIsolationTests
{
    private static readonly string[] Roles =
    [
        StaffRoles.Administrator, StaffRoles.SecurityAdministrator, StaffRoles.AuditAdministrator,
        StaffRoles.Disclosure, StaffRoles.Mailbox, StaffRoles.PlatformAdministrator,
    ];

    [Fact]
    public async Task Staff_of_one_site_can_neither_read_nor_change_anything_of_another()
    {
        await using var portal = await RunningPortal.StartAsync(adjustSettings: s => s with { DemoPlatform = true });
        // The district's own work: a draft with a file, written and kept by its newsroom.
        await using var room = await Newsroom.StartAsync(portal);
        const string secretTitle = "甲站内部稿件不应外泄";
        var articleId = await room.WriteAsync(secretTitle, files: [("甲站附件.pdf", TestPdf.Create("甲站"))]);
        var revision = await room.RevisionAsync(articleId);
        await TestAccounts.CreateAsync(portal, "jiazhan-bystander", [StaffRoles.Editor], "bmdt");

        var walkers = new List<string>();
        foreach (var role in Roles)
        {
            var name = "hd-" + role.ToLowerInvariant();
            await TestAccounts.CreateOnSiteAsync(portal, "hd", name, [role]);
            walkers.Add(name);
        }
        await TestAccounts.CreateOnSiteAsync(portal, "hd", "hd-editorial",
            [StaffRoles.Editor, StaffRoles.Reviewer, StaffRoles.Publisher], "zwdt", "tzgg");
        walkers.Add("hd-editorial");

        var ids = await DistrictIdsAsync(portal, articleId);
        string[] secrets = [secretTitle, "jiazhan-bystander", ids.LetterNumber, ids.ApplicationNumber];
        var before = await FingerprintAsync(portal);

        var failures = new List<string>();
        foreach (var walker in walkers)
        {
            using var client = await StaffClient.SignInAsync(portal, walker);
            foreach (var (method, pattern) in Endpoints(portal)
                         .OrderBy(e => e.Pattern.EndsWith("/logout", StringComparison.Ordinal)))
            {
                var url = Url(pattern, ids, revision);
                using var response = method == "GET"
                    ? await client.Http.GetAsync(url)
                    : await client.Http.PostAsync(url, new FormUrlEncodedContent(Fields(await client.TokenAsync())));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                    failures.Add($"{walker} {method} {url}: 500");
                foreach (var secret in secrets.Where(s => s.Length > 0 && body.Contains(s, StringComparison.Ordinal)))
                    failures.Add($"{walker} {method} {url} shows “{secret}”");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await FingerprintAsync(portal));

        // Saving its own article on a form that names the district's revision shows none of that revision's files.
        using (var editor = await StaffClient.SignInAsync(portal, "hd-editorial"))
        {
            int ownArticle, ownChannel;
            await using (var db = portal.Settings.Database.CreateContext())
            {
                var hd = await db.Sites.SingleAsync(s => s.Code == "hd");
                (ownArticle, ownChannel) = await db.Articles.Where(a => a.SiteId == hd.Id)
                    .Select(a => new ValueTuple<int, int>(a.Id, a.ChannelId)).FirstAsync();
            }
            var response = await editor.PostMultipartAsync($"articles/{ownArticle}/edit",
                Newsroom.Fields(ownChannel, "乙站稿件", "<p>乙站</p>", baseRevisionId: revision.Id,
                    baseVersion: revision.Version), []);
            Assert.DoesNotContain("甲站附件", await response.Content.ReadAsStringAsync());
        }
        // What the walkers did is in their own site's audit log, their sign-ins included.
        await using (var db = portal.Settings.Database.CreateContext())
        {
            var hd = await db.Sites.SingleAsync(s => s.Code == "hd");
            var signIns = await db.AuditEntries.Where(e => e.Actor.StartsWith("hd-") && e.Action == "sign-in")
                .Select(e => e.SiteId).ToListAsync();
            Assert.NotEmpty(signIns);
            Assert.All(signIns, site => Assert.Equal(hd.Id, site));
        }
    }

    private sealed record DistrictIds(int Article, int Channel, string Account, int Letter, string LetterNumber,
        int LetterAttachment, int Application, string ApplicationNumber, int Consultation, int Mailbox,
        int Organisation, int Classification, int Member, string Session);

    private static async Task<DistrictIds> DistrictIdsAsync(RunningPortal portal, int articleId)
    {
        await using var db = portal.Settings.Database.CreateContext();
        var site = await db.Sites.SingleAsync(s => s.Code == "main");
        var letter = await db.Letters.OrderBy(l => l.Id).FirstAsync(l => l.SiteId == site.Id);
        var attachment = await db.LetterAttachments.OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync();
        var application = await db.DisclosureApplications.OrderBy(a => a.Id).FirstAsync(a => a.SiteId == site.Id);
        var organisation = await db.Organisations.OrderBy(o => o.Id).FirstAsync(o => o.SiteId == site.Id);
        var member = await db.OrganisationMembers.OrderBy(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync();
        var session = await db.SignInSessions.OrderBy(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync();
        return new DistrictIds(articleId,
            await db.Channels.Where(c => c.SiteId == site.Id && c.Slug == "tzgg").Select(c => c.Id).SingleAsync(),
            await db.Users.Where(u => u.UserName == "jiazhan-bystander").Select(u => u.Id).SingleAsync(),
            letter.Id, letter.Number, attachment, application.Id, application.Number,
            await db.Consultations.Where(c => c.SiteId == site.Id).Select(c => c.Id).FirstAsync(),
            await db.Mailboxes.Where(m => m.SiteId == site.Id).Select(m => m.Id).FirstAsync(),
            organisation.Id,
            await db.Classifications.Where(c => c.SiteId == site.Id).Select(c => c.Id).FirstAsync(),
            member, session?.ToString() ?? "x");
    }

    private static List<(string Method, string Pattern)> Endpoints(RunningPortal portal) =>
        portal.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/admin", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(m => (m, e.RoutePattern.RawText!)))
            .Where(e => !e.Item2.Contains("/login", StringComparison.Ordinal))
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ToList();

    private static string Url(string pattern, DistrictIds ids, GovPortal.BackOffice.Workflow.Revision revision)
    {
        var id = pattern switch
        {
            _ when pattern.Contains("/channels/") => ids.Channel,
            _ when pattern.Contains("/letters/") => ids.Letter,
            _ when pattern.Contains("/applications/") => ids.Application,
            _ when pattern.Contains("/consultations/") => ids.Consultation,
            _ when pattern.Contains("/mailboxes/") => ids.Mailbox,
            _ when pattern.Contains("/organisations/") => ids.Organisation,
            _ when pattern.Contains("/classifications/") => ids.Classification,
            _ when pattern.Contains("/organisation-members/") => ids.Member,
            _ => ids.Article,
        };
        return pattern.Replace("{id:int}", id.ToString()).Replace("{id}", ids.Account)
            .Replace("{fileId:int}", revision.Files[0].Id.ToString())
            .Replace("{revisionId:int}", revision.Id.ToString())
            .Replace("{attachmentId:int}", ids.LetterAttachment.ToString())
            .Replace("{sessionId}", ids.Session).Replace("{name}", revision.Files[0].StoredName)
            .Replace("{key}", "privacy").Replace("{year:int}", "2025").Replace("{index:int}", "0")
            .Replace("{code}", "main");
    }

    // What a form of any of these pages might hold, so that a handler which missed the site would act.
    private static List<KeyValuePair<string, string>> Fields(string token) =>
    [
        new("__csrf", token), new("title", "乙站改写"), new("name", "乙站改写"), new("reason", "乙站的理由写得足够长"),
        new("comment", "乙站意见"), new("reply", "乙站答复"), new("dates", "2030-01-01"), new("displayName", "乙站"),
        new("role", StaffRoles.Editor), new("channel", "1"), new("active", "false"), new("confirm", "main"),
        new("hostNames", "hd.localhost"), new("baseUrl", "https://hd.szxc.gov.cn"), new("code", "main"),
        new("organisationId", "1"), new("duty", "handler"), new("userId", "x"), new("target", "1"),
    ];

    // The district's rows as they stand, read outside any site.
    private static async Task<string> FingerprintAsync(RunningPortal portal)
    {
        await using var db = portal.Settings.Database.CreateContext();
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Code == "main");
        var users = await db.Users.AsNoTracking().Where(u => u.SiteId == site.Id).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.PasswordHash,
                u.SecurityStamp, u.TwoFactorEnabled }).ToListAsync();
        var userIds = users.Select(u => u.Id).ToList();
        object[] parts =
        [
            site,
            await db.Channels.AsNoTracking().Where(c => c.SiteId == site.Id).OrderBy(c => c.Id).ToListAsync(),
            await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.SiteId == site.Id)
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.Status, a.ChannelId, a.Url, a.Pinned,
                    a.DeletedAtUtc, a.UpdatedAtUtc, a.PublishedAtUtc }).ToListAsync(),
            await db.Revisions.AsNoTracking().Where(r => r.SiteId == site.Id).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.State, r.Title, r.Version, r.ChannelId }).ToListAsync(),
            users,
            await db.UserRoles.AsNoTracking().Where(r => userIds.Contains(r.UserId))
                .OrderBy(r => r.UserId).ThenBy(r => r.RoleId).ToListAsync(),
            await db.ChannelGrants.AsNoTracking().Where(g => userIds.Contains(g.UserId)).OrderBy(g => g.Id)
                .ToListAsync(),
            await db.Letters.AsNoTracking().Where(l => l.SiteId == site.Id).OrderBy(l => l.Id)
                .Select(l => new { l.Id, l.Status, l.Version, l.OrganisationId }).ToListAsync(),
            await db.DisclosureApplications.AsNoTracking().Where(a => a.SiteId == site.Id).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Status, a.Version }).ToListAsync(),
            await db.Consultations.AsNoTracking().Where(c => c.SiteId == site.Id).OrderBy(c => c.Id).ToListAsync(),
            await db.Mailboxes.AsNoTracking().Where(m => m.SiteId == site.Id).OrderBy(m => m.Id).ToListAsync(),
            await db.Organisations.AsNoTracking().Where(o => o.SiteId == site.Id).OrderBy(o => o.Id).ToListAsync(),
            await db.Classifications.AsNoTracking().Where(c => c.SiteId == site.Id).OrderBy(c => c.Id)
                .ToListAsync(),
            await db.OrganisationMembers.AsNoTracking().OrderBy(m => m.Id).ToListAsync(),
            await db.SiteStatements.AsNoTracking().Where(s => s.SiteId == site.Id).OrderBy(s => s.Id).ToListAsync(),
            await db.AnnualReports.AsNoTracking().Where(r => r.SiteId == site.Id).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.Year, r.PublishedAtUtc }).ToListAsync(),
            await db.SignInSessions.AsNoTracking().Where(s => userIds.Contains(s.UserId)).OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.EndedAtUtc }).ToListAsync(),
        ];
        return JsonSerializer.Serialize(parts, new JsonSerializerOptions
        {
            ReferenceHandler = ReferenceHandler.IgnoreCycles, WriteIndented = true,
        });
    }
}
