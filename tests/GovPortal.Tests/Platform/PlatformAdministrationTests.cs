using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Hosting.Sites;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Platform;

/// <summary>平台管理 through the back office: sites made, refused, renamed, paused, resumed and greyed.</summary>
public sealed class PlatformAdministrationTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPortal Portal => fixture.Portal;

    private async Task<StaffClient> PlatformAsync()
    {
        if (!await TestAccounts.ExistsAsync(Portal, "pingtai"))
            await TestAccounts.CreateAsync(Portal, "pingtai", [StaffRoles.PlatformAdministrator]);
        return await StaffClient.SignInAsync(Portal, "pingtai");
    }

    [Fact]
    public async Task A_new_site_is_published_at_its_host_at_once_with_its_first_administrator()
    {
        using var platform = await PlatformAsync();
        var response = await platform.PostAsync("platform/sites", [new("code", "xq"),
            new("name", "苏州市相城区北桥街道办事处"), new("baseUrl", "https://bq.szxc.gov.cn"),
            new("hostNames", "bq.localhost"), new("administrator", "bqadmin")]);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bqadmin", page);
        Assert.Matches("初始密码：<strong><code>[^<]{16}</code>", page);
        var (status, home) = await fixture.GetAsync("bq.localhost", "/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>苏州市相城区北桥街道办事处", home);
        Assert.NotNull(Portal.Service<PortalSites>().Find("xq"));
        await using var db = Portal.Settings.Database.CreateContext();
        var site = await db.Sites.SingleAsync(s => s.Code == "xq");
        var admin = await db.Users.SingleAsync(u => u.UserName == "bqadmin");
        Assert.Equal(site.Id, admin.SiteId);
        Assert.True(admin.MustChangePassword);
        var roles = await db.UserRoles.Where(r => r.UserId == admin.Id)
            .Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([StaffRoles.Administrator], roles);
        Assert.Contains(await db.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == "platform.site-created");
    }

    [Theory]
    [InlineData("hd", "乡镇", "https://new.szxc.gov.cn", "", "bqx1", "网站代码“hd”已被使用")]
    [InlineData("Bad Code", "乡镇", "https://new.szxc.gov.cn", "", "bqx2", "网站代码应为")]
    [InlineData("new1", "乡镇", "https://new.szxc.gov.cn", "wt.localhost", "bqx3",
        "域名“wt.localhost”已由本平台的另一个网站使用")]
    [InlineData("new2", "乡镇", "https://hd.szxc.gov.cn", "", "bqx4", "域名“hd.szxc.gov.cn”已由本平台的另一个网站使用")]
    [InlineData("new3", "乡镇", "ftp://x", "", "bqx5", "网站地址")]
    [InlineData("new4", "乡镇", "https://new4.szxc.gov.cn", "", "admin", "账号名“admin”已被使用")]
    public async Task A_wrong_new_site_is_refused_in_chinese_with_what_was_typed_kept(string code, string name,
        string baseUrl, string hosts, string administrator, string message)
    {
        using var platform = await PlatformAsync();
        var response = await platform.PostAsync("platform/sites", [new("code", code), new("name", name),
            new("baseUrl", baseUrl), new("hostNames", hosts), new("administrator", administrator)]);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page);
        Assert.Contains($"value=\"{baseUrl}\"", page);
        await using var db = Portal.Settings.Database.CreateContext();
        Assert.Equal(code == "hd" ? 1 : 0, await db.Sites.CountAsync(s => s.Code == code));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == administrator && administrator != "admin"));
    }

    [Fact]
    public async Task A_paused_site_answers_with_a_notice_and_its_staff_cannot_sign_in_until_resumed()
    {
        await TestAccounts.CreateOnSiteAsync(Portal, "wt", "wt-editor", [StaffRoles.Editor], "zwdt");
        using var platform = await PlatformAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await platform.PostAsync("platform/sites/wt/suspend", [])).StatusCode);

        var (status, body) = await fixture.GetAsync("wt.localhost", "/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("暂停服务", body);
        Assert.DoesNotContain("望亭", body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await fixture.GetAsync("wt.localhost", "/search?q=x")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("hd.localhost", "/")).Status);
        using (var refused = StaffClient.Anonymous(Portal))
        {
            var signIn = await refused.PostAsync("login",
                [new("userName", "wt-editor"), new("password", TestAccounts.Password)]);
            Assert.Contains("已暂停服务", await signIn.Content.ReadAsStringAsync());
        }
        // The first site runs the platform and is never paused.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await platform.PostAsync("platform/sites/main/suspend", [])).StatusCode);

        Assert.Equal(HttpStatusCode.SeeOther, (await platform.PostAsync("platform/sites/wt/resume", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("wt.localhost", "/")).Status);
        using var editor = await StaffClient.SignInAsync(Portal, "wt-editor");
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("")).StatusCode);
    }

    [Fact]
    public async Task Renaming_a_site_republishes_it_and_its_host_cannot_be_one_another_site_has()
    {
        using var platform = await PlatformAsync();
        var clash = await platform.PostAsync("platform/sites/sthjj", [new("name", "苏州市相城生态环境局"),
            new("baseUrl", "https://sthjj.szxc.gov.cn"), new("hostNames", "sthj.localhost,hd.localhost")]);
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        Assert.Contains("hd.localhost", await clash.Content.ReadAsStringAsync());

        var renamed = await platform.PostAsync("platform/sites/sthjj", [new("name", "苏州市相城区生态环境局"),
            new("baseUrl", "https://sthjj.szxc.gov.cn"), new("hostNames", "sthj.localhost")]);
        Assert.Equal(HttpStatusCode.SeeOther, renamed.StatusCode);
        var (_, home) = await fixture.GetAsync("sthj.localhost", "/");
        Assert.Contains("<title>苏州市相城区生态环境局", home);
    }

    [Fact]
    public async Task Staff_of_another_site_keep_nothing_the_platform_shares()
    {
        await TestAccounts.CreateOnSiteAsync(Portal, "hd", "hd-xitong", [StaffRoles.Administrator]);
        await TestAccounts.CreateOnSiteAsync(Portal, "hd", "hd-anquan", [StaffRoles.SecurityAdministrator]);
        await TestAccounts.CreateOnSiteAsync(Portal, "hd", "hd-pingtai", [StaffRoles.PlatformAdministrator]);
        await TestAccounts.CreateOnSiteAsync(Portal, "hd", "hd-bianji", [StaffRoles.Editor], "zwdt");
        using var admin = await StaffClient.SignInAsync(Portal, "hd-xitong");
        using var security = await StaffClient.SignInAsync(Portal, "hd-anquan");
        using var platform = await StaffClient.SignInAsync(Portal, "hd-pingtai");

        foreach (var page in new[] { "calendar", "safety" })
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(page)).StatusCode);
        Assert.DoesNotContain("工作日历", await admin.GetPageAsync(""));
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("security-policy")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.GetAsync("platform")).StatusCode);
        // …and cannot make one of its own accounts a 平台管理员.
        string editorId;
        await using (var db = Portal.Settings.Database.CreateContext())
            editorId = await db.Users.Where(u => u.UserName == "hd-bianji").Select(u => u.Id).SingleAsync();
        var refused = await security.PostAsync($"accounts/{editorId}/roles",
            [new("role", StaffRoles.PlatformAdministrator)]);
        Assert.Contains("平台管理员只能由平台首个网站的账号担任", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_paused_site_named_again_is_deleted_with_everything_it_holds()
    {
        using var platform = await PlatformAsync();
        Assert.Equal(HttpStatusCode.OK, (await platform.PostAsync("platform/sites", [new("code", "gone"),
            new("name", "苏州市相城区测试撤并镇人民政府"), new("baseUrl", "https://gone.szxc.gov.cn"),
            new("hostNames", "gone.localhost"), new("administrator", "goneadmin")])).StatusCode);
        int siteId;
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            siteId = (await db.Sites.SingleAsync(s => s.Code == "gone")).Id;
            var channel = new GovPortal.Content.Channel { SiteId = siteId, Name = "镇务动态", Slug = "zwdt" };
            db.Channels.Add(channel);
            db.Channels.Add(new GovPortal.Content.Channel
                { SiteId = siteId, Name = "子栏目", Slug = "zlm", Parent = channel });
            db.Articles.Add(new GovPortal.Content.Article
            {
                SiteId = siteId, Channel = channel, Title = "撤并前的最后一条动态", BodyHtml = "<p>内容</p>",
                Status = GovPortal.Content.ArticleStatus.Published, PublishedAtUtc = DateTime.UtcNow,
                UpdatedAtUtc = DateTime.UtcNow,
            });
            db.SiteCalendarDays.Add(new GovPortal.Citizens.Calendar.SiteCalendarDay
                { SiteId = siteId, Date = new DateOnly(2026, 4, 20), Name = "撤并前的本地节日" });
            await db.SaveChangesAsync();
        }
        await Portal.Service<PortalSites>().Find("gone")!.Publisher.PublishAllAsync();
        var output = Portal.Service<PortalSites>().Find("gone")!.Layout.Directory;
        Assert.True(Directory.Exists(output));

        // Running, or not named again: refused, and nothing is gone.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await platform.PostAsync("platform/sites/gone/delete", [new("confirm", "gone")])).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await platform.PostAsync("platform/sites/gone/suspend", [])).StatusCode);
        var unconfirmed = await platform.PostAsync("platform/sites/gone/delete", [new("confirm", "")]);
        Assert.Contains("请在确认框中输入网站代码", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest,
            (await platform.PostAsync("platform/sites/main/delete", [new("confirm", "main")])).StatusCode);

        Assert.Equal(HttpStatusCode.SeeOther,
            (await platform.PostAsync("platform/sites/gone/delete", [new("confirm", "gone")])).StatusCode);
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            Assert.False(await db.Sites.AnyAsync(s => s.Id == siteId));
            Assert.False(await db.Channels.AnyAsync(c => c.SiteId == siteId));
            Assert.False(await db.Articles.IgnoreQueryFilters().AnyAsync(a => a.SiteId == siteId));
            Assert.False(await db.Users.AnyAsync(u => u.SiteId == siteId));
            Assert.False(await db.Mailboxes.AnyAsync(m => m.SiteId == siteId));
            Assert.False(await db.SiteCalendarDays.AnyAsync(d => d.SiteId == siteId));
            Assert.Contains(await db.AuditEntries.Select(e => e.Action).ToListAsync(),
                a => a == "platform.site-deleted");
        }
        Assert.False(Directory.Exists(output));
        Assert.Null(Portal.Service<PortalSites>().Find("gone"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.GetAsync("gone.localhost", "/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("hd.localhost", "/")).Status);
    }

    [Fact]
    public async Task Mourning_set_for_the_platform_greys_every_site()
    {
        using var platform = await PlatformAsync();
        var today = GovPortal.Content.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        var bad = await platform.PostAsync("platform/mourning", [new("dates", "2026-13-40")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("不是有效的日期", await bad.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.SeeOther,
            (await platform.PostAsync("platform/mourning", [new("dates", today)])).StatusCode);
        try
        {
            foreach (var host in new[] { "localhost", "hd.localhost", "wt.localhost" })
                Assert.Contains("class=\"mourning\"", (await fixture.GetAsync(host, "/")).Body);
        }
        finally
        {
            await platform.PostAsync("platform/mourning", [new("dates", "")]);
            foreach (var site in Portal.Service<PortalSites>().All)
                await site.Publisher.PublishMourningDaysAsync([]);
        }
    }

    [Fact]
    public async Task Platform_days_reach_a_site_made_later_and_a_day_taken_off_the_platform_leaves_every_site()
    {
        using var platform = await PlatformAsync();
        var today = GovPortal.Content.ChinaTime.Today(TimeProvider.System);
        var later = today.AddDays(400);
        var ownDay = today.AddDays(500);
        string Text(params DateOnly[] days) => string.Join('\n', days.Select(d => d.ToString("yyyy-MM-dd")));
        var sites = Portal.Service<PortalSites>();
        try
        {
            Assert.Equal(HttpStatusCode.SeeOther,
                (await platform.PostAsync("platform/mourning", [new("dates", Text(today, later))])).StatusCode);
            // A day 望亭镇 set for itself alone, beside the platform's.
            var wt = sites.Find("wt")!.Publisher;
            await wt.PublishMourningDaysAsync([.. wt.PublishedMourningDays(), ownDay]);
            Assert.Contains(Text(today, later), WebUtility.HtmlDecode(await platform.GetPageAsync("platform")));

            // A site made after the days were set is grey on them from its first page.
            Assert.Equal(HttpStatusCode.OK, (await platform.PostAsync("platform/sites", [new("code", "wc"),
                new("name", "苏州市相城区渭塘镇人民政府"), new("baseUrl", "https://wc.szxc.gov.cn"),
                new("hostNames", "wc.localhost"), new("administrator", "wcadmin")])).StatusCode);
            Assert.Equal([today, later], sites.Find("wc")!.Publisher.PublishedMourningDays().Order());
            Assert.Contains("class=\"mourning\"", (await fixture.GetAsync("wc.localhost", "/")).Body);

            // Taking today off the platform's list takes it off every site, the one made later too; the other
            // platform day and the days a site set for itself stay.
            Assert.Equal(HttpStatusCode.SeeOther,
                (await platform.PostAsync("platform/mourning", [new("dates", Text(later))])).StatusCode);
            foreach (var host in new[] { "localhost", "hd.localhost", "wt.localhost", "wc.localhost" })
                Assert.DoesNotContain("class=\"mourning\"", (await fixture.GetAsync(host, "/")).Body);
            Assert.Equal([later, ownDay], wt.PublishedMourningDays().Order());
            Assert.Equal([later], sites.Find("wc")!.Publisher.PublishedMourningDays());

            // An empty list clears the platform's days.
            Assert.Equal(HttpStatusCode.SeeOther,
                (await platform.PostAsync("platform/mourning", [new("dates", "")])).StatusCode);
            Assert.Equal([ownDay], wt.PublishedMourningDays());
            Assert.Empty(sites.Find("wc")!.Publisher.PublishedMourningDays());
            Assert.Empty(sites.Find("main")!.Publisher.PublishedPlatformMourningDays());
            await using var db = Portal.Settings.Database.CreateContext();
            var details = await db.AuditEntries.Where(e => e.Action == AuditActions.MourningEverywhere)
                .Select(e => e.Details).ToListAsync();
            Assert.Contains(details, d => d.StartsWith($"全平台置灰日期：{Text(later)} → 无", StringComparison.Ordinal));
        }
        finally
        {
            await platform.PostAsync("platform/mourning", [new("dates", "")]);
            foreach (var site in sites.All) await site.Publisher.PublishMourningDaysAsync([]);
        }
    }
}
