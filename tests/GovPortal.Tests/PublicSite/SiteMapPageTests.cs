using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Channels;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.PublicSite;

/// <summary>
/// The 网站地图 readers open from every page's footer: made from the channel tree (each channel under its parent, in
/// the navigation's order, with the sections every site has), and following the tree when a channel is added.
/// </summary>
public sealed class SiteMapPageTests
{
    private static readonly Staff Administrator =
        new("sysadmin", "sysadmin", new HashSet<string> { StaffRoles.Administrator }, new HashSet<int>(), "192.0.2.7");

    [Fact]
    public async Task The_site_map_lists_every_channel_under_its_parent_and_follows_a_new_channel()
    {
        await using var portal = await RunningPortal.StartAsync();
        Assert.Contains("<a href=\"/sitemap.html\">网站地图</a>", await portal.Client.GetStringAsync("/"));

        var (status, page) = await portal.Client.GetDocumentAsync("/sitemap.html");
        Assert.Equal(HttpStatusCode.OK, status);
        var map = page.QuerySelector("nav.site-map")!;
        var news = map.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == "/xwzx/");
        var under = news.ParentElement!.QuerySelector("ul")!.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))
            .ToList();
        Assert.Equal(["/xwzx/xcyw/", "/xwzx/bmdt/", "/xwzx/tzgg/"], under);
        Assert.Contains(map.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/hdjl/" && a.TextContent == "互动交流");
        Assert.Contains(map.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/zfxxgk/");

        var channels = portal.Service<ChannelAdministration>();
        var newsId = TestAccounts.ChannelId(portal, "xwzx");
        Assert.True((await channels.CreateAsync(Administrator, new NewChannelForm("专项工作", "zxgz", newsId)))
            .Succeeded);
        (_, page) = await portal.Client.GetDocumentAsync("/sitemap.html");
        Assert.Contains(page.QuerySelectorAll("nav.site-map a"),
            a => a.GetAttribute("href") == "/xwzx/zxgz/" && a.TextContent == "专项工作");
    }
}
