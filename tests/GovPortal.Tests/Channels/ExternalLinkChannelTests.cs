using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Channels;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content.Kinds;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Channels;

/// <summary>
/// 外链: a navigation entry that opens another address (办事服务 on the province's platform). It has no page, no
/// feed, no site-map file and holds no articles; a channel that holds anything cannot become one.
/// </summary>
public sealed class ExternalLinkChannelTests(ChannelTypesFixture shared) : IClassFixture<ChannelTypesFixture>
{
    private const string Platform = "https://zwfw.example.gov.cn/";

    [Fact]
    public async Task A_link_channel_is_a_navigation_entry_to_its_address_and_nothing_else()
    {
        var (portal, channels) = (shared.Portal, shared.Channels);
        var admin = ChannelTypesFixture.Administrator;
        Assert.Contains("须填写链接地址", (await channels.CreateAsync(admin,
            new NewChannelForm("政务服务", "zwfw", null, Type: "Link"))).Message);
        Assert.Contains("http:// 或 https://", (await channels.CreateAsync(admin,
            new NewChannelForm("政务服务", "zwfw", null, Type: "Link", LinkUrl: "javascript:alert(1)"))).Message);
        var created = await channels.CreateAsync(admin,
            new NewChannelForm("政务服务", "zwfw", null, Type: "Link", LinkUrl: Platform));
        Assert.True(created.Succeeded, created.Message);

        var home = await portal.Client.GetStringAsync("/");
        Assert.Contains($"<a href=\"{Platform}\">政务服务</a>", home);
        Assert.Contains($"<a href=\"{Platform}\">政务服务</a>", await portal.Client.GetStringAsync("/sitemap.html"));
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync("/zwfw/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync("/zwfw/rss.xml")).StatusCode);
        Assert.DoesNotContain("/zwfw/sitemap.xml", await portal.Client.GetStringAsync("/sitemap.xml"));

        // Nothing can be written into it, and nothing can be put under it.
        var zwfw = TestAccounts.ChannelId(portal, "zwfw");
        var editor = new Staff("bianji", "编辑", new HashSet<string> { StaffRoles.Editor }, new HashSet<int> { zwfw },
            "192.0.2.8");
        var write = await portal.Service<ArticleWorkflow>().CreateAsync(editor, new ArticleForm
        {
            ChannelId = zwfw, Kind = NewsKind.Kind,
            Values = new Dictionary<string, string> { ["title"] = "办事指南", ["bodyHtml"] = "<p>办事指南。</p>" },
        });
        Assert.False(write.Succeeded);
        Assert.Contains("外链栏目", write.Message);
        Assert.Contains("不能有子栏目", (await channels.CreateAsync(admin,
            new NewChannelForm("个人办事", "grbs", zwfw))).Message);
    }

    [Fact]
    public async Task A_channel_that_holds_articles_or_sub_channels_cannot_become_a_link()
    {
        var (portal, channels) = (shared.Portal, shared.Channels);
        var admin = ChannelTypesFixture.Administrator;
        var departments = await portal.ChannelAsync("bmdt");
        var refused = await channels.UpdateAsync(admin, departments.Id, ToLink("部门动态", departments.ParentId));
        Assert.False(refused.Succeeded);
        Assert.Contains("篇文章", refused.Message);

        var news = await portal.ChannelAsync("xwzx");
        refused = await channels.UpdateAsync(admin, news.Id, ToLink("新闻中心", null));
        Assert.Contains("有子栏目", refused.Message);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync("/xwzx/bmdt/")).StatusCode);

        // An empty list channel can become one: its pages, feed and sitemap leave the site.
        Assert.True((await channels.CreateAsync(admin, new NewChannelForm("网上办事", "wsbs", null))).Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync("/wsbs/rss.xml")).StatusCode);
        var changed = await channels.UpdateAsync(admin, TestAccounts.ChannelId(portal, "wsbs"), ToLink("网上办事", null));
        Assert.True(changed.Succeeded, changed.Message);
        foreach (var path in new[] { "/wsbs/", "/wsbs/rss.xml", "/wsbs/sitemap.xml" })
            Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync(path)).StatusCode);
        Assert.Contains($"<a href=\"{Platform}\">网上办事</a>", await portal.Client.GetStringAsync("/"));
    }

    private static ChannelSettingsForm ToLink(string name, int? parent) =>
        new(name, parent, "1", 1, "") { Type = "Link", LinkUrl = Platform };
}
