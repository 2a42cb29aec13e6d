using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Publishing;
using GovPortal.Safety.Scanning;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Platform;

/// <summary>
/// 统一信息资源库: the platform's word lists are checked on every site, and a site's own additions on its content
/// only; a town's administrator keeps its additions and cannot touch the platform's lists.
/// </summary>
public sealed class SharedListsTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPortal Portal => fixture.Portal;

    private async Task<StaffClient> TownAdministratorAsync()
    {
        if (!await TestAccounts.ExistsAsync(Portal, "hd-guanli"))
            await TestAccounts.CreateOnSiteAsync(Portal, "hd", "hd-guanli", [StaffRoles.Administrator]);
        return await StaffClient.SignInAsync(Portal, "hd-guanli");
    }

    private async Task<IReadOnlyList<Finding>> CheckOnAsync(string siteCode, string body)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Code == siteCode);
        return Portal.Service<ArticleChecks>().Check(new Article { Title = "测试", BodyHtml = body }, site);
    }

    [Fact]
    public async Task A_towns_own_words_are_checked_on_its_content_only_beside_the_platforms()
    {
        using var town = await TownAdministratorAsync();
        var page = WebUtility.HtmlDecode(await town.GetPageAsync("safety/own"));
        Assert.Matches("平台统一维护的词库（敏感词 [1-9][0-9]* 条", page);

        var saved = await town.PostAsync("safety/own/words", [new("list", "本地管控 block 黄埭测试禁词")]);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var wording = await town.PostAsync("safety/own/wording", [new("list", "official 镇党委书记 顾建华")]);
        Assert.Equal(HttpStatusCode.SeeOther, wording.StatusCode);

        const string banned = "<p>会上提到黄埭测试禁词。</p>";
        Assert.Contains(await CheckOnAsync("hd", banned), f => f.Severity == Severity.Block && f.Category == "本地管控");
        Assert.DoesNotContain(await CheckOnAsync("main", banned), f => f.Category == "本地管控");
        Assert.DoesNotContain(await CheckOnAsync("wt", banned), f => f.Category == "本地管控");
        Assert.Contains(await CheckOnAsync("hd", "<p>镇党委书记顾建中出席。</p>"),
            f => f.Severity == Severity.Block && f.Category == "严重表述错误");
        // The platform's list still applies on the town's site.
        Assert.Contains(await CheckOnAsync("hd", "<p>会上有人说了一句王八蛋。</p>"),
            f => f.Severity == Severity.Block && f.Category == "不文明用语");

        await using var db = Portal.Settings.Database.CreateContext();
        var hd = await db.Sites.SingleAsync(s => s.Code == "hd");
        Assert.Contains(await db.AuditEntries.Where(e => e.SiteId == hd.Id).Select(e => e.Details).ToListAsync(),
            d => d.Contains("黄埭测试禁词"));
    }

    [Fact]
    public async Task A_wrong_line_is_refused_with_the_list_kept_and_the_platforms_lists_are_not_the_towns()
    {
        using var town = await TownAdministratorAsync();
        var refused = await town.PostAsync("safety/own/words", [new("list", "本地管控 maybe 某个词")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("严重程度应为 block（阻止）或 warn（警告）", page);
        Assert.Contains("本地管控 maybe 某个词</textarea>", page);

        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync("safety")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await town.PostAsync("safety/words", [new("list", "x block 平台词")])).StatusCode);
        Assert.DoesNotContain("平台词", File.Exists(Path.Combine(Portal.Settings.Paths.SafetyListsDirectory,
            "sensitive-words.txt")) ? await File.ReadAllTextAsync(Path.Combine(
                Portal.Settings.Paths.SafetyListsDirectory, "sensitive-words.txt")) : "");
        var dashboard = await town.GetPageAsync("");
        Assert.Contains("safety/own", dashboard);
        Assert.DoesNotContain("href=\"/admin/safety\"", dashboard);
    }

    [Fact]
    public async Task The_platforms_organisations_and_topics_are_every_sites_and_a_town_adds_its_own_on_top()
    {
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var first = await db.Sites.OrderBy(s => s.Id).FirstAsync();
            var hd = await db.Sites.SingleAsync(s => s.Code == "hd");
            var platform = await db.Organisations.Where(o => o.SiteId == first.Id).ToListAsync();
            Assert.NotEmpty(platform);
            var copies = await db.Organisations.Where(o => o.SiteId == hd.Id && o.PlatformId != null).ToListAsync();
            Assert.Equal(platform.Select(o => (o.Id, o.Name)).OrderBy(x => x.Id),
                copies.Select(o => (o.PlatformId!.Value, o.Name)).OrderBy(x => x.Item1));
            Assert.Equal(await db.Classifications.CountAsync(c => c.SiteId == first.Id),
                await db.Classifications.CountAsync(c => c.SiteId == hd.Id && c.PlatformId != null));
        }
        int copyId;
        await using (var db = Portal.Settings.Database.CreateContext())
            copyId = await db.Organisations.Where(o => o.PlatformId != null).Select(o => o.Id).FirstAsync();
        using var town = await TownAdministratorAsync();
        var settings = WebUtility.HtmlDecode(await town.GetPageAsync("disclosure"));
        Assert.Contains("（平台统一）", settings);
        var refused = await town.PostAsync($"disclosure/organisations/{copyId}",
            [new("name", "改名"), new("creditCode", "11320507014160024H"), new("activeShown", "1"), new("active", "1")]);
        Assert.Contains("平台统一维护的机构", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var deleted = await town.PostAsync($"disclosure/organisations/{copyId}/delete", []);
        Assert.Contains("平台统一维护的机构", WebUtility.HtmlDecode(await deleted.Content.ReadAsStringAsync()));
        var added = await town.PostAsync("disclosure/classifications/new",
            [new("scheme", "Topic"), new("name", "黄埭特色产业")]);
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);

        // The district's administrator changes the platform's list: every town follows, the town's own entry stays.
        if (!await TestAccounts.ExistsAsync(Portal, "qu-guanli"))
            await TestAccounts.CreateAsync(Portal, "qu-guanli", [StaffRoles.Administrator]);
        using var district = await StaffClient.SignInAsync(Portal, "qu-guanli");
        Assert.Equal(HttpStatusCode.SeeOther, (await district.PostAsync("disclosure/classifications/new",
            [new("scheme", "Topic"), new("name", "集约化测试主题")])).StatusCode);
        await using var check = Portal.Settings.Database.CreateContext();
        foreach (var code in new[] { "hd", "wt", "sthjj" })
        {
            var siteId = await check.Sites.Where(s => s.Code == code).Select(s => s.Id).SingleAsync();
            Assert.True(await check.Classifications.AnyAsync(c => c.SiteId == siteId && c.Name == "集约化测试主题"
                && c.PlatformId != null));
            Assert.Equal(code == "hd", await check.Classifications.AnyAsync(c => c.SiteId == siteId
                && c.Name == "黄埭特色产业" && c.PlatformId == null));
        }
        Assert.False(await check.Classifications.AnyAsync(c => c.Name == "黄埭特色产业"
            && c.SiteId == check.Sites.OrderBy(s => s.Id).First().Id));
    }
}
