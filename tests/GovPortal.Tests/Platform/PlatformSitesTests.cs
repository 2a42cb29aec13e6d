using System.Net;
using GovPortal.Data.Demo;
using GovPortal.Hosting.Sites;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Platform;

/// <summary>Several sites on one install: each found by its host, each with its own output, search and guard.</summary>
public sealed class PlatformSitesTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPortal Portal => fixture.Portal;
    private SiteServices Site(string code) => Portal.Service<PortalSites>().Find(code)!;

    [Fact]
    public async Task Each_host_gets_its_own_site_and_an_unknown_host_a_404_that_names_none()
    {
        foreach (var demo in DemoPlatformSeeder.Sites)
        {
            var (status, body) = await fixture.GetAsync(demo.Host, "/");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains($"<title>{demo.Name}", body);
            // The footer facts are the site's own.
            Assert.Contains(demo.Footer.SiteCode, body);
            Assert.Contains(demo.Footer.Address, body);
        }
        var (mainStatus, main) = await fixture.GetAsync("localhost", "/");
        Assert.Equal(HttpStatusCode.OK, mainStatus);
        Assert.Contains($"<title>{DemoSiteSeeder.SiteName}", main);

        var (unknownStatus, unknown) = await fixture.GetAsync("nosuch.localhost", "/");
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.DoesNotContain("人民政府", unknown);
        Assert.DoesNotContain("生态环境局", unknown);
        var (_, search) = await fixture.GetAsync("nosuch.localhost", "/search?q=%E9%BB%84%E5%9F%AD");
        Assert.DoesNotContain("黄埭", search);
    }

    [Fact]
    public async Task Each_site_searches_its_own_index()
    {
        // 黄埭镇's own article is found on its site, and not on 望亭镇's or the district's.
        var query = "/search?q=" + Uri.EscapeDataString("安全生产工作推进会");
        const string hit = "黄埭镇召开<mark>安全生产工作推进会</mark>";
        var (_, hd) = await fixture.GetAsync("hd.localhost", query);
        Assert.Contains(hit, hd);
        var (_, wt) = await fixture.GetAsync("wt.localhost", query);
        Assert.DoesNotContain(hit, wt);
        var (_, main) = await fixture.GetAsync("localhost", query);
        Assert.DoesNotContain(hit, main);
    }

    [Fact]
    public async Task The_first_site_searches_every_site_at_once_naming_each_and_linking_to_its_address()
    {
        var query = "/search?scope=all&q=" + Uri.EscapeDataString("安全生产工作推进会");
        var (_, all) = await fixture.GetAsync("localhost", query);
        Assert.Contains("黄埭镇召开<mark>安全生产工作推进会</mark>", all);
        Assert.Contains("网站：苏州市相城区黄埭镇人民政府", all);
        Assert.Contains("href=\"https://hd.szxc.gov.cn/zwdt/", all);
        Assert.Contains("id=\"scope-all\"", all);
        var (_, own) = await fixture.GetAsync("localhost",
            "/search?scope=all&q=" + Uri.EscapeDataString("生态环境保护大会"));
        Assert.Contains("网站：" + DemoSiteSeeder.SiteName, own);

        // A town searches itself only, and says so.
        var (_, town) = await fixture.GetAsync("wt.localhost", query);
        Assert.Contains("本站只能搜索本站内容", town);
        Assert.DoesNotContain("黄埭镇召开<mark>", town);
        Assert.DoesNotContain("id=\"scope-all\"", town);
    }

    [Fact]
    public async Task A_citizen_applies_to_the_site_of_the_host_and_finds_the_receipt_there_only()
    {
        using var district = new GovPortal.Tests.Disclosure.Applicant(Portal);
        using var town = new GovPortal.Tests.Disclosure.Applicant(Portal, "hd.localhost");
        var (districtNumber, districtCode) = await district.ApplyAsync();
        var (townNumber, townCode) = await town.ApplyAsync();

        // Each site counts its own; the numbers stay unique on the platform.
        Assert.Matches(@"^YSQ\d{8}-\d{4}$", districtNumber);
        Assert.Matches(@"^YSQ\d{8}-HD-\d{4}$", townNumber);
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var hd = await db.Sites.SingleAsync(s => s.Code == "hd");
            Assert.Equal(hd.Id, (await db.DisclosureApplications.SingleAsync(a => a.Number == townNumber)).SiteId);
            Assert.NotEqual(hd.Id,
                (await db.DisclosureApplications.SingleAsync(a => a.Number == districtNumber)).SiteId);
        }
        Assert.Equal(HttpStatusCode.OK, (await town.LookupAsync(townNumber, townCode)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await town.LookupAsync(districtNumber, districtCode)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await district.LookupAsync(townNumber, townCode)).Status);
    }

    [Fact]
    public async Task A_view_counts_only_on_the_site_of_the_article_and_an_unknown_host_runs_nothing()
    {
        int townArticle;
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var hd = await db.Sites.SingleAsync(s => s.Code == "hd");
            townArticle = await db.Articles.Where(a => a.SiteId == hd.Id).Select(a => a.Id).FirstAsync();
        }
        async Task<HttpStatusCode> CountAsync(string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hits/{townArticle}");
            request.Headers.Host = host;
            using var response = await Portal.Client.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await CountAsync("hd.localhost"));
        Assert.Equal(HttpStatusCode.NotFound, await CountAsync("wt.localhost"));
        Assert.Equal(HttpStatusCode.NotFound, await CountAsync("nosuch.localhost"));

        // A form sent to a host no site answers to is not taken by any site.
        await using var before = Portal.Settings.Database.CreateContext();
        var applications = await before.DisclosureApplications.CountAsync();
        using var stray = new GovPortal.Tests.Disclosure.Applicant(Portal, "nosuch.localhost");
        using var post = await stray.Http.PostAsync(GovPortal.Tests.Disclosure.Applicant.FormPath,
            new FormUrlEncodedContent(GovPortal.Tests.Disclosure.Applicant.ValidFields()));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var after = Portal.Settings.Database.CreateContext();
        Assert.Equal(applications, await after.DisclosureApplications.CountAsync());
    }

    [Fact]
    public async Task A_full_publish_of_one_site_writes_only_into_its_own_output()
    {
        var main = Site(OutputLayout.FirstSiteCode).Layout.Directory;
        var others = DemoPlatformSeeder.Sites.Where(s => s.Code != "wt")
            .Select(s => Site(s.Code).Layout.Directory).Append(main).ToList();
        var before = others.ToDictionary(d => d, Snapshot);

        var result = await Site("wt").Publisher.PublishAllAsync();

        Assert.True(result.Pages > 10, $"{result.Pages} pages");
        Assert.Empty(result.Failures);
        foreach (var directory in others) Assert.Equal(before[directory], Snapshot(directory));
        Assert.True(File.Exists(Path.Combine(Site("wt").Layout.PublicDirectory, "index.html")));
    }

    [Fact]
    public async Task A_tampered_file_of_one_site_is_restored_by_its_guard_without_touching_another()
    {
        var hd = Site("hd");
        var page = Path.Combine(hd.Layout.PublicDirectory, "zwdt", "index.html");
        var genuine = await File.ReadAllTextAsync(page);
        var mainBefore = Snapshot(Site(OutputLayout.FirstSiteCode).Layout.Directory);

        await File.WriteAllTextAsync(page, genuine + "<p>澳门赌场 在线博彩</p>");
        // The public server never serves the changed bytes, even before a sweep.
        var (status, served) = await fixture.GetAsync("hd.localhost", "/zwdt/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("澳门赌场", served);
        hd.Guard!.Sweep(full: true);

        Assert.Equal(genuine, await File.ReadAllTextAsync(page));
        Assert.Equal(mainBefore, Snapshot(Site(OutputLayout.FirstSiteCode).Layout.Directory));
        // The alert is the town's: in its audit log, for its 审计管理员 (written off the request, so waited for).
        await using var db = Portal.Settings.Database.CreateContext();
        var hdId = await db.Sites.Where(s => s.Code == "hd").Select(s => s.Id).SingleAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await db.AuditEntries.AnyAsync(e => e.Action == "tamper.detected" && e.Target == "/zwdt/index.html")
               && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var alert = await db.AuditEntries.FirstAsync(e => e.Action == "tamper.detected"
            && e.Target == "/zwdt/index.html");
        Assert.Equal(hdId, alert.SiteId);
    }

    [Fact]
    public async Task Days_of_mourning_of_one_site_grey_only_that_site()
    {
        var today = GovPortal.Content.ChinaTime.Today(TimeProvider.System);
        var sthj = Site("sthjj").Publisher;
        await sthj.PublishMourningDaysAsync([today]);
        try
        {
            var (_, grey) = await fixture.GetAsync("sthj.localhost", "/");
            var (_, plain) = await fixture.GetAsync("hd.localhost", "/");
            Assert.Contains("class=\"mourning\"", grey);
            Assert.DoesNotContain("class=\"mourning\"", plain);
        }
        finally
        {
            await sthj.PublishMourningDaysAsync([]);
        }
    }

    // Every file of an output folder with its size and time of last write.
    private static SortedDictionary<string, (long, DateTime)> Snapshot(string directory) =>
        new(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(directory, f),
                f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f))), StringComparer.Ordinal);
}
