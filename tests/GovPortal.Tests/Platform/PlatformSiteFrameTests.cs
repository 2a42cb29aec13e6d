using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Settings;
using GovPortal.Content;
using GovPortal.Data.Demo;
using GovPortal.Hosting.Sites;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Content;
using GovPortal.Tests.Publishing;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Platform;

/// <summary>
/// What frames every page of a site is that site's own on the platform: its footer facts (the demo's sites, and one
/// made on 平台管理 whose 系统管理员 fills 网站信息), its statements and 网站地图, its colours and 标志, and its days
/// of mourning set on its 设置; a change on one site leaves every other site's pages as they were.
/// </summary>
public sealed partial class PlatformSiteFrameTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    // A site made on 平台管理 by the tests that need one (the first of them makes it).
    private const string NewCode = "ych", NewHost = "ych.localhost", NewName = "苏州市相城区阳澄湖镇人民政府";

    private static readonly DemoFooter NewFooter = new(Sponsor: NewName, Organizer: "苏州市相城区阳澄湖镇党政办公室",
        SiteCode: "3205070004", IcpNumber: "苏ICP备05004852号", PublicSecurityNumber: "苏公网安备32050702010005号",
        ConacId: "9D4B2F6A1C8E40B7A3D5E9F0C2B6A871", Phone: "0512-65421001", Address: "苏州市相城区阳澄湖镇湘城大街1号",
        Email: "yczb@szxc.gov.cn");

    private RunningPortal Portal => fixture.Portal;

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    /// <summary>The district and the demo's other sites, by the host each answers to.</summary>
    private static IEnumerable<(string Code, string Host, string Name, DemoFooter Footer)> DemoSites =>
        DemoPlatformSeeder.Sites.Select(s => (s.Code, s.Host, s.Name, s.Footer))
            .Prepend((OutputLayout.FirstSiteCode, "localhost", DemoSiteSeeder.SiteName, DemoSiteSeeder.Footer));

    [Fact]
    public void The_demo_sites_footer_facts_are_complete_accepted_by_the_rules_and_differ_from_site_to_site()
    {
        var footers = DemoSites.Select(s => s.Footer).ToList();
        foreach (var footer in footers)
        {
            var site = new Site { Name = "网站", BaseUrl = "https://www.szxc.gov.cn" };
            footer.ApplyTo(site);
            var values = SiteFacts.ValuesOf(site);
            Assert.Null(SiteFacts.Problem(values));
            foreach (var fact in new[] { "sponsor", "organizer", "siteCode", "icpNumber", "publicSecurityNumber",
                         "conacId", "contactPhone", "contactAddress", "contactEmail", "userLoginUrl" })
                Assert.NotEqual("", values[fact]);
        }
        foreach (var fact in new Func<DemoFooter, string>[] { f => f.SiteCode, f => f.IcpNumber,
                     f => f.PublicSecurityNumber, f => f.ConacId, f => f.Phone, f => f.Address, f => f.Email })
            Assert.Equal(footers.Count, footers.Select(fact).Distinct().Count());
    }

    [Fact]
    public async Task Every_site_shows_its_own_footer_facts_on_its_home_and_article_pages_and_no_other_sites()
    {
        var sites = DemoSites.ToList();
        foreach (var (code, host, name, footer) in sites)
            foreach (var path in new[] { "/", await ArticleAddressAsync(code) })
            {
                var (status, page) = await fixture.GetAsync(host, path);
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Contains($"{name}</title>", page);
                AssertShowsOnly(page, footer, sites.Select(s => s.Footer).Append(NewFooter), $"{host}{path}");
            }

        // A site made on 平台管理 starts with its name only; its 系统管理员 fills 网站信息, and its pages follow.
        await EnsureNewSiteAsync();
        var articleAddress = await ArticleAddressAsync(NewCode);
        var (_, unfilled) = await fixture.GetAsync(NewHost, "/");
        Assert.Contains($"<li>主办单位：{NewName}</li>", unfilled);
        Assert.DoesNotContain("承办单位：", unfilled);
        Assert.DoesNotContain("conac-mark", unfilled);
        await TestAccounts.CreateOnSiteAsync(Portal, NewCode, "ych-xitong", [StaffRoles.Administrator]);
        using (var admin = await StaffClient.SignInAsync(Portal, "ych-xitong"))
        {
            var site = new Site { Name = NewName, BaseUrl = "https://ych.szxc.gov.cn", HostNames = NewHost };
            NewFooter.ApplyTo(site);
            var saved = await admin.PostAsync("settings/site",
                SiteFacts.ValuesOf(site).Select(v => F(v.Key, v.Value)));
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        }
        foreach (var path in new[] { "/", articleAddress })
        {
            var (status, page) = await fixture.GetAsync(NewHost, path);
            Assert.Equal(HttpStatusCode.OK, status);
            AssertShowsOnly(page, NewFooter, sites.Select(s => s.Footer), $"{NewHost}{path}");
        }
        // …and no other site shows them.
        foreach (var (_, host, _, footer) in sites)
            AssertShowsOnly((await fixture.GetAsync(host, "/")).Body, footer, [NewFooter], host);
    }

    [Fact]
    public async Task A_town_and_a_new_site_publish_their_own_site_map_and_statements_linked_from_their_footer()
    {
        await EnsureNewSiteAsync();
        var hd = DemoPlatformSeeder.Sites.Single(s => s.Code == "hd");
        foreach (var (host, name) in new[] { (hd.Host, hd.Name), (NewHost, NewName) })
        {
            var (_, home) = await fixture.GetAsync(host, "/");
            var links = FooterLinks().Match(home);
            Assert.True(links.Success, home);
            var hrefs = Href().Matches(links.Value).Select(m => m.Groups[1].Value).ToList();
            Assert.Contains("/sitemap.html", hrefs);
            Assert.Contains("/" + SiteStatements.Privacy.Path, hrefs);
            Assert.Contains("/" + SiteStatements.Accessibility.Path, hrefs);
            foreach (var href in hrefs)
            {
                var (status, page) = await fixture.GetAsync(host, href);
                Assert.True(status == HttpStatusCode.OK, $"{host}{href}: {(int)status}");
                Assert.Contains($" - {name}</title>", page);
                Assert.DoesNotContain(DemoSiteSeeder.SiteName + "</title>", page);
            }
            var privacy = (await fixture.GetAsync(host, "/privacy.html")).Body;
            Assert.Contains($"{name}（以下简称本网站）", privacy);
            Assert.DoesNotContain($"{DemoSiteSeeder.SiteName}（以下简称本网站）", privacy);
            Assert.Contains($"{name}按照国家标准", (await fixture.GetAsync(host, "/accessibility.html")).Body);
        }
        // The town's 网站地图 lists its own channels, not the district's.
        var (_, map) = await fixture.GetAsync(hd.Host, "/sitemap.html");
        Assert.Contains("镇务动态", map);
        Assert.DoesNotContain("相城要闻", map);
    }

    [Fact]
    public async Task A_towns_administrator_sets_its_colours_and_logo_and_the_districts_pages_stay_byte_for_byte()
    {
        var district = Portal.Service<PortalSites>().Find(OutputLayout.FirstSiteCode)!.Layout;
        var districtArticle = await ArticleAddressAsync(OutputLayout.FirstSiteCode);
        var filesBefore = OutputSnapshot.Read(district);
        var pagesBefore = new[] { (await fixture.GetAsync("localhost", "/")).Body,
            (await fixture.GetAsync("localhost", districtArticle)).Body };
        Assert.DoesNotContain("data-theme", pagesBefore[0]);

        await TestAccounts.CreateOnSiteAsync(Portal, "hd", "hd-look", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(Portal, "hd-look");
        Dictionary<string, string> values;
        await using (var db = Portal.Settings.Database.CreateContext())
            values = SiteFacts.ValuesOf(await db.Sites.AsNoTracking().SingleAsync(s => s.Code == "hd"));
        values["themeColour"] = "green";
        Assert.Equal(HttpStatusCode.SeeOther,
            (await admin.PostAsync("settings/site", values.Select(v => F(v.Key, v.Value)))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostMultipartAsync("settings/logo", [],
            [("黄埭镇标志.jpg", TestPictures.JpegWithExif(240, 60))], fileField: "logo")).StatusCode);

        string? logo = null;
        foreach (var path in new[] { "/", "/zwdt/", await ArticleAddressAsync("hd") })
        {
            var (_, page) = await fixture.GetAsync("hd.localhost", path);
            Assert.Contains("<html lang=\"zh-CN\" data-theme=\"green\">", page);
            var match = Logo().Match(page);
            Assert.True(match.Success, $"hd.localhost{path}: no logo");
            Assert.Equal(logo ??= match.Groups["src"].Value, match.Groups["src"].Value);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Get, logo))
        {
            request.Headers.Host = "hd.localhost";
            using var response = await Portal.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        // Another town keeps the theme's own colours and no logo…
        var (_, wt) = await fixture.GetAsync("wt.localhost", "/");
        Assert.DoesNotContain("data-theme", wt);
        Assert.DoesNotContain("site-logo", wt);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.GetAsync("localhost", logo!)).Status);
        // …and the district's output and pages are the very same bytes.
        var filesAfter = OutputSnapshot.Read(district);
        Assert.Equal(filesBefore.Keys.Order(StringComparer.Ordinal), filesAfter.Keys.Order(StringComparer.Ordinal));
        Assert.All(filesBefore, file => Assert.True(file.Value.AsSpan().SequenceEqual(filesAfter[file.Key]),
            $"the district's {file.Key} changed"));
        Assert.Equal(pagesBefore[0], (await fixture.GetAsync("localhost", "/")).Body);
        Assert.Equal(pagesBefore[1], (await fixture.GetAsync("localhost", districtArticle)).Body);
    }

    [Fact]
    public async Task A_towns_administrator_sets_days_of_mourning_on_its_settings_and_only_that_town_is_grey()
    {
        var today = ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        var wtArticle = await ArticleAddressAsync("wt");
        await TestAccounts.CreateOnSiteAsync(Portal, "wt", "wt-mourning", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(Portal, "wt-mourning");
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync("settings/mourning", [F("dates", today)]))
            .StatusCode);
        try
        {
            Assert.Contains(today, await admin.GetPageAsync("settings"));
            foreach (var path in new[] { "/", "/zwdt/", wtArticle })
                Assert.Contains("class=\"mourning\"", (await fixture.GetAsync("wt.localhost", path)).Body);
            foreach (var host in new[] { "localhost", "hd.localhost", "sthj.localhost" })
                Assert.DoesNotContain("class=\"mourning\"", (await fixture.GetAsync(host, "/")).Body);
        }
        finally
        {
            await admin.PostAsync("settings/mourning", [F("dates", "")]);
        }
        Assert.DoesNotContain("class=\"mourning\"", (await fixture.GetAsync("wt.localhost", "/")).Body);
    }

    /// <summary>
    /// The page shows every footer fact of <paramref name="own"/> as the rules require (the registry numbers linking
    /// to their registries, the 党政机关 mark to the site's page at conac.cn) and none of <paramref name="others"/>.
    /// </summary>
    private static void AssertShowsOnly(string page, DemoFooter own, IEnumerable<DemoFooter> others, string where)
    {
        foreach (var shown in Shown(own))
            Assert.True(page.Contains(shown, StringComparison.Ordinal), $"{where} lacks {shown}");
        foreach (var other in others.Where(o => o != own))
        {
            foreach (var shown in Shown(other).Concat([other.IcpNumber, other.PublicSecurityNumber, other.ConacId]))
                Assert.False(page.Contains(shown, StringComparison.Ordinal), $"{where} shows {shown}");
        }
    }

    private static IEnumerable<string> Shown(DemoFooter footer) =>
    [
        $"<li>主办单位：{footer.Sponsor}</li>",
        $"<li>承办单位：{footer.Organizer}</li>",
        $"<li>网站标识码：{footer.SiteCode}</li>",
        $"<li>联系电话：{footer.Phone}</li>",
        $"<li>地址：{footer.Address}</li>",
        $"<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\">{footer.IcpNumber}</a>",
        "<a href=\"https://www.beian.gov.cn/portal/registerSystemInfo?recordcode="
            + $"{string.Concat(footer.PublicSecurityNumber.Where(char.IsAsciiDigit))}\" rel=\"noopener\">"
            + $"{footer.PublicSecurityNumber}</a>",
        $"<a class=\"conac-mark\" href=\"https://bszs.conac.cn/sitename?method=show&amp;id={footer.ConacId}\" "
            + "rel=\"noopener\">党政机关</a>",
    ];

    /// <summary>The address of the site's first published article.</summary>
    private async Task<string> ArticleAddressAsync(string code)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var siteId = await db.Sites.Where(s => s.Code == code).Select(s => s.Id).SingleAsync();
        return await db.Articles.Where(a => a.SiteId == siteId && a.Status == ArticleStatus.Published && a.Url != null)
            .OrderBy(a => a.Id).Select(a => a.Url!).FirstAsync();
    }

    /// <summary>Makes the new site on 平台管理, with a channel and an article published in it, once.</summary>
    private async Task EnsureNewSiteAsync()
    {
        if (Portal.Service<PortalSites>().Find(NewCode) is not null) return;
        if (!await TestAccounts.ExistsAsync(Portal, "frame-pingtai"))
            await TestAccounts.CreateAsync(Portal, "frame-pingtai", [StaffRoles.PlatformAdministrator]);
        using var platform = await StaffClient.SignInAsync(Portal, "frame-pingtai");
        var made = await platform.PostAsync("platform/sites", [F("code", NewCode), F("name", NewName),
            F("baseUrl", "https://ych.szxc.gov.cn"), F("hostNames", NewHost), F("administrator", "ychadmin")]);
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var siteId = await db.Sites.Where(s => s.Code == NewCode).Select(s => s.Id).SingleAsync();
            var channel = new Channel { SiteId = siteId, Name = "镇务动态", Slug = "zwdt", ShowOnHome = true };
            db.Channels.Add(channel);
            db.Articles.Add(new Article
            {
                SiteId = siteId, Channel = channel, Title = "阳澄湖镇召开秋季防火工作会议", BodyHtml = "<p>会议部署秋季防火工作。</p>",
                Status = ArticleStatus.Published, PublishedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var result = await Portal.Service<PortalSites>().Find(NewCode)!.Publisher.PublishAllAsync();
        Assert.Empty(result.Failures);
    }

    [GeneratedRegex("<p class=\"footer-links\">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex FooterLinks();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    // An empty alt is written as a bare attribute: the 标志 is decoration beside the site's name.
    [GeneratedRegex("<a class=\"site-name\" href=\"/\"><img class=\"site-logo\" "
        + "src=\"(?<src>/files/[0-9a-f]{32}\\.jpg)\" alt width=\"240\" height=\"60\" />")]
    private static partial Regex Logo();
}
