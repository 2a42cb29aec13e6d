using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

public sealed class ChannelManagementTests
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private static List<KeyValuePair<string, string>> Settings(string name, int parentId, int sortOrder, int levels = 1,
        string frequency = "") =>
        [F("name", name), F("parentId", parentId.ToString()), F("sortOrder", sortOrder.ToString()),
            F("reviewLevels", levels.ToString()), F("updateFrequencyDays", frequency)];

    [Fact]
    public async Task Channels_are_created_renamed_moved_and_reordered_and_published_article_addresses_never_change()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        var news = TestAccounts.ChannelId(portal, "xwzx");
        var departments = TestAccounts.ChannelId(portal, "bmdt");
        var policies = TestAccounts.ChannelId(portal, "zcwj");
        string articleUrl;
        await using (var db = portal.Settings.Database.CreateContext())
            articleUrl = db.Articles.First(a => a.ChannelId == departments && a.Url != null).Url!;

        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync("channels/new",
            [F("name", "专项工作"), F("slug", "zxgz"), F("parentId", news.ToString())])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync("/xwzx/zxgz/")).StatusCode);
        foreach (var (slug, parent, message) in new[] { ("zxgz", news, "已有地址名"), ("Bad Slug", news, "小写字母"),
            ("elder", 0, "保留"), ("ok", 99999, "不存在") })
        {
            var refused = await admin.PostAsync("channels/new",
                [F("name", "新栏目"), F("slug", slug), F("parentId", parent.ToString())]);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync());
        }

        // Rename 部门动态 and move it to the top level: its pages move, its articles keep their addresses.
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync($"channels/{departments}",
            Settings("部门工作动态", 0, 5, levels: 2, frequency: "30"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync("/bmdt/")).StatusCode);
        Assert.Contains("部门工作动态", await portal.Client.GetStringAsync("/bmdt/"));
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync("/xwzx/bmdt/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync(articleUrl)).StatusCode);
        await using (var db = portal.Settings.Database.CreateContext())
            Assert.Equal(2, db.Channels.Single(c => c.Id == departments).ReviewLevels);

        // Reorder: 政策文件 before 新闻中心 in the site's navigation.
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync($"channels/{policies}",
            Settings("政策文件", 0, -1, frequency: "180"))).StatusCode);
        var home = await portal.Client.GetStringAsync("/");
        Assert.True(
            home.IndexOf(">政策文件<", StringComparison.Ordinal) < home.IndexOf(">新闻中心<", StringComparison.Ordinal));

        // A channel cannot move under itself or its own children.
        var cycle =
            await admin.PostAsync($"channels/{news}", Settings("新闻中心", TestAccounts.ChannelId(portal, "zxgz"), 1));
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("不能把栏目移到它自己或它的下级栏目之下", await cycle.Content.ReadAsStringAsync());

        await using (var db = portal.Settings.Database.CreateContext())
            Assert.Contains(db.AuditEntries.Where(e => e.Action == AuditActions.ChannelChanged).Select(e => e.Details)
                .ToList(), d => d.Contains("名称“部门动态”→“部门工作动态”"));
    }

    [Fact]
    public async Task A_channel_that_holds_content_cannot_be_deleted_an_empty_one_can()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        var refused = await admin.PostAsync($"channels/{TestAccounts.ChannelId(portal, "xcyw")}/delete", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("还有", await refused.Content.ReadAsStringAsync());
        Assert.Contains("不能删除", await refused.Content.ReadAsStringAsync());
        var parent = await admin.PostAsync($"channels/{TestAccounts.ChannelId(portal, "xwzx")}/delete", []);
        Assert.Contains("子栏目", await parent.Content.ReadAsStringAsync());

        await admin.PostAsync("channels/new", [F("name", "临时栏目"), F("slug", "lslm"), F("parentId", "0")]);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync("/lslm/")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await admin.PostAsync($"channels/{TestAccounts.ChannelId(portal, "lslm")}/delete", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync("/lslm/")).StatusCode);
    }
}

