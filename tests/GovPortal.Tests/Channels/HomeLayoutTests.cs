using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Channels;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Channels;

/// <summary>
/// 首页布局: the 系统管理员 chooses the home page's blocks and their order in a draft, previews it as the public would
/// see it, and publishes it; the home page changes only then, and the publish plan follows the channels it shows.
/// </summary>
public sealed partial class HomeLayoutTests(ChannelTypesFixture shared) : IClassFixture<ChannelTypesFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task Blocks_are_chosen_ordered_previewed_and_published_and_the_home_page_follows_the_layout()
    {
        var (portal, admin, room) = (shared.Portal, shared.Admin, shared.Room);
        var homeBefore = await portal.Client.GetStringAsync("/");
        Assert.Equal(["相城要闻", "部门动态", "通知公告", "政策文件"], BlockHeadings(homeBefore));

        // The default layout is listed as it is published: the 焦点图, then the marked channels in reading order.
        var page = await admin.GetPageAsync("home-layout");
        Assert.Contains("首页现在是默认布局", page);
        Assert.Equal(["焦点图", "栏目：相城要闻", "栏目：部门动态", "栏目：通知公告", "栏目：政策文件"], Rows(page));

        // A links block with a line that is not "名称｜网址" is refused, with the line named and everything kept.
        var refused = await admin.PostAsync("home-layout/blocks", [F("stamp", Stamp(page)), F("kind", "Links"),
            F("title", "便民服务"), F("links", "江苏政务服务网｜https://www.jszwfw.gov.cn/\n社保查询")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Contains("链接第 2 行应为“名称｜网址”", again);
        Assert.Contains("社保查询</textarea>", again);
        Assert.Contains("value=\"便民服务\"", again);
        foreach (var hostile in new[] { "javascript:alert(1)", "//evil.example/", "data:text/html,x" })
        {
            refused = await admin.PostAsync("home-layout/blocks", [F("stamp", Stamp(page)), F("kind", "Links"),
                F("title", "便民服务"), F("links", $"链接｜{hostile}")]);
            Assert.Contains("链接第 1 行的网址须是", await refused.Content.ReadAsStringAsync());
        }

        // Into the draft: links, the 专题's banner moved to the top, 通知公告 taken off.
        page = await AddAsync(page, F("kind", "Links"), F("title", "便民服务"),
            F("links", "江苏政务服务网 | https://www.jszwfw.gov.cn/\n\n网站地图｜/sitemap.html"));
        page = await AddAsync(page, F("kind", "Topic"), F("topicId", Id("stwm")));
        refused = await admin.PostAsync("home-layout/blocks",
            [F("stamp", Stamp(page)), F("kind", "Topic"), F("topicId", Id("stwm"))]);
        Assert.Contains("首页已有专题“生态文明专题”的横幅", await refused.Content.ReadAsStringAsync());
        refused = await admin.PostAsync("home-layout/blocks",
            [F("stamp", Stamp(page)), F("kind", "Topic"), F("topicId", Id("bmdt"))]);
        Assert.Contains("请选择专题栏目", await refused.Content.ReadAsStringAsync());
        for (var at = 6; at > 0; at--)
            page = await ChangeAsync(page, $"home-layout/blocks/{at}/move", F("direction", "up"));
        page = await ChangeAsync(page, "home-layout/blocks/4/delete");
        Assert.Equal(
            ["专题横幅：生态文明专题", "焦点图", "栏目：相城要闻", "栏目：部门动态", "栏目：政策文件", "链接：便民服务"],
            Rows(page));
        Assert.Contains("有尚未发布的修改", page);

        // A page made before another administrator's change acts on nothing.
        var stale = await admin.PostAsync("home-layout/blocks/0/delete", [F("stamp", "0123456789abcdef")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("首页布局刚刚被其他管理员修改过", await stale.Content.ReadAsStringAsync());

        // Nothing is public yet; the preview shows the draft in the public theme, for staff only.
        Assert.Equal(homeBefore, await portal.Client.GetStringAsync("/"));
        var preview = await admin.GetAsync("home-layout/preview");
        Assert.Equal("noindex", preview.Headers.GetValues("X-Robots-Tag").Single());
        var previewed = await preview.Content.ReadAsStringAsync();
        Assert.Contains("预览：首页布局草稿", previewed);
        Assert.Equal(["生态文明专题", "相城要闻", "部门动态", "政策文件", "便民服务"], BlockHeadings(previewed));

        var published = await admin.PostAsync("home-layout/publish", [F("stamp", Stamp(page))]);
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
        var home = await portal.Client.GetStringAsync("/");
        Assert.Equal(["生态文明专题", "相城要闻", "部门动态", "政策文件", "便民服务"], BlockHeadings(home));
        Assert.Matches("<section class=\"home-topic\" aria-labelledby=\"block-1\">\\s*<a href=\"/stwm/\">", home);
        Assert.Contains("<li><a href=\"https://www.jszwfw.gov.cn/\">江苏政务服务网</a></li>", home);
        Assert.Contains("<li><a href=\"/sitemap.html\">网站地图</a></li>", home);
        Assert.DoesNotContain("有尚未发布的修改", await admin.GetPageAsync("home-layout"));
        await using (var db = portal.Settings.Database.CreateContext())
        {
            var marked = await db.Channels.Where(c => c.ShowOnHome).Select(c => c.Slug).ToListAsync();
            Assert.Equal(["bmdt", "xcyw", "zcwj"], marked.Order());
            Assert.Contains(await db.AuditEntries.Where(e => e.Action == AuditActions.SettingsChanged)
                .Select(e => e.Details).ToListAsync(), d => d.StartsWith("发布首页布局：焦点图、栏目：相城要闻"));
        }

        // The publish plan follows the layout: news of a channel on the home page shows there, of another not.
        await room.PublishNewAsync("我区召开安全生产工作会议");
        Assert.Contains("我区召开安全生产工作会议", await portal.Client.GetStringAsync("/"));

        // A channel on the home page cannot become an 外链, which has no articles: the reason names 首页布局.
        var empty = await shared.Channels.CreateAsync(ChannelTypesFixture.Administrator,
            new NewChannelForm("空栏目", "kong", null));
        Assert.True(empty.Succeeded, empty.Message);
        page = await AddAsync(await admin.GetPageAsync("home-layout"), F("kind", "Channel"),
            F("channelId", Id("kong")));
        Assert.Equal(HttpStatusCode.SeeOther,
            (await admin.PostAsync("home-layout/publish", [F("stamp", Stamp(page))])).StatusCode);
        refused = await admin.PostAsync($"channels/{Id("kong")}", [F("name", "空栏目"), F("parentId", "0"),
            F("sortOrder", "9"), F("reviewLevels", "1"), F("type", "Link"),
            F("linkUrl", "https://www.jszwfw.gov.cn/")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请先在“首页布局”中删除它的区块并发布", await refused.Content.ReadAsStringAsync());

        // A draft can be given up: the published layout stays.
        page = await ChangeAsync(await admin.GetPageAsync("home-layout"), "home-layout/blocks/0/delete");
        Assert.Contains("有尚未发布的修改", page);
        page = await ChangeAsync(page, "home-layout/discard");
        Assert.DoesNotContain("有尚未发布的修改", page);
        Assert.Equal("专题横幅：生态文明专题", Rows(page)[0]);
    }

    private string Id(string slug) => TestAccounts.ChannelId(shared.Portal, slug).ToString();

    private Task<string> AddAsync(string page, params KeyValuePair<string, string>[] fields) =>
        ChangeAsync(page, "home-layout/blocks", fields);

    /// <summary>Posts a change from <paramref name="page"/> (with its stamp); returns the page it leads to.</summary>
    private async Task<string> ChangeAsync(string page, string action, params KeyValuePair<string, string>[] fields)
    {
        var response = await shared.Admin.PostAsync(action, [F("stamp", Stamp(page)), .. fields]);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther,
            $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await shared.Admin.GetPageAsync("home-layout");
    }

    private static string Stamp(string page) => StampField().Match(page).Groups[1].Value;

    // The 内容 column of the page's table of blocks, in order.
    private static List<string> Rows(string page) =>
        LayoutRow().Matches(page).Select(m => m.Groups[1].Value.Trim()).ToList();

    private static List<string> BlockHeadings(string home) =>
        BlockHeading().Matches(home).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("name=\"stamp\" value=\"([0-9a-f]{16})\"")]
    private static partial Regex StampField();

    [GeneratedRegex("<td>\\d+</td>\\s*<td>[^<]+</td>\\s*<td>([^<\\n]+)")]
    private static partial Regex LayoutRow();

    [GeneratedRegex("<h2 id=\"block-\\d+\">([^<]+)</h2>")]
    private static partial Regex BlockHeading();
}
