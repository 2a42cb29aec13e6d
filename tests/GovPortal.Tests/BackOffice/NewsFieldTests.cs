using System.Globalization;
using System.Net;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// The news form's fields beyond title and body: 引题, 标题颜色 and 加粗, 摄影, 责任编辑, 关键词, 来源 with the site's
/// organisations offered, and 外链 (a list entry that opens another address, with no page of its own).
/// </summary>
public sealed class NewsFieldTests(NewsroomFixture shared) : IClassFixture<NewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private async Task<int> PublishFormAsync(List<KeyValuePair<string, string>> fields)
    {
        var room = shared.Room;
        var created = await room.Editor.PostMultipartAsync("articles/new", fields, []);
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        await room.DoAsync(room.Publisher, id, "publish");
        return id;
    }

    [Fact]
    public async Task The_news_fields_reach_the_page_and_the_lists_and_a_colour_off_the_palette_is_refused()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var channel = TestAccounts.ChannelId(portal, "bmdt");
        List<KeyValuePair<string, string>> Form(string colour) =>
        [
            .. Newsroom.Fields(channel, "我区召开安全生产工作会议", "<p>会议部署了冬季安全生产工作。</p>"),
            F("kicker", "守牢安全底线"), F("titleColour", colour), F("titleBold", "bold"), F("photographer", "王强"),
            F("editorInCharge", "周敏"), F("keywords", "安全生产 冬季"),
        ];

        // 来源 is typed freely, with the site's organisations offered as it is typed.
        var blank = await room.Editor.GetPageAsync("articles/new");
        Assert.Contains("list=\"source-suggestions\"", blank);
        Assert.Contains("<option value=\"苏州市相城区司法局\"></option>", blank);

        var refused = await room.Editor.PostMultipartAsync("articles/new", Form("purple"), []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请从列表中选择标题颜色", text);
        Assert.Contains("守牢安全底线", text); // nothing typed is lost

        var url = (await room.ArticleAsync(await PublishFormAsync(Form("red")))).Url!;

        var page = await portal.Client.GetStringAsync(url);
        Assert.Contains("<p class=\"kicker\">守牢安全底线</p>", page);
        Assert.Contains("<h1 class=\"title-red title-bold\">我区召开安全生产工作会议</h1>", page);
        Assert.Contains("摄影：王强", page);
        Assert.Contains("（责任编辑：周敏）", page);
        Assert.Contains("<meta name=\"keywords\" content=\"安全生产 冬季\" />", page);
        Assert.Contains($"href=\"{url}\" class=\"title-red title-bold\">我区召开安全生产工作会议</a>",
            await portal.Client.GetStringAsync("/xwzx/bmdt/"));
    }

    [Fact]
    public async Task A_link_article_is_listed_with_its_address_and_has_no_page_sitemap_entry_or_unsafe_address()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var channel = TestAccounts.ChannelId(portal, "bmdt");
        const string target = "https://www.jiangsu.gov.cn/art/2026/11/30/art_84418_1.html";
        List<KeyValuePair<string, string>> Form(string link, string body = "") =>
            [.. Newsroom.Fields(channel, "江苏省政务服务网上线新版", body), F("linkUrl", link)];

        foreach (var unsafeAddress in new[] { "javascript:alert(1)", "/xwzx/", "www.jiangsu.gov.cn", "ftp://x.cn/a" })
        {
            var refused = await room.Editor.PostMultipartAsync("articles/new", Form(unsafeAddress), []);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.Contains("外链地址须是以 http:// 或 https:// 开头的完整网址", text);
            Assert.Contains("江苏省政务服务网上线新版", text);
        }

        // Published without a body: the list opens the address; no page, no site-map entry; the feed links to it.
        var id = await PublishFormAsync(Form(" " + target + " "));
        var article = await room.ArticleAsync(id);
        Assert.Equal(target, article.LinkUrl);
        var list = await portal.Client.GetStringAsync("/xwzx/bmdt/");
        Assert.Contains($"<a href=\"{target}\">江苏省政务服务网上线新版</a>", list);
        Assert.DoesNotContain($"href=\"{article.Url}\"", list);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync(article.Url)).StatusCode);
        Assert.DoesNotContain(article.Url!, await portal.Client.GetStringAsync("/xwzx/bmdt/sitemap.xml"));
        Assert.Contains($"<link>{target}</link>", await portal.Client.GetStringAsync("/xwzx/bmdt/rss.xml"));

        // An article with a page made a link: its page goes; made a page again: it comes back at its address.
        var paged = await room.PublishNewAsync("区政务服务中心新址启用");
        var url = (await room.ArticleAsync(paged)).Url!;
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync(url)).StatusCode);
        foreach (var (link, status) in new[] { (target, HttpStatusCode.NotFound), ("", HttpStatusCode.OK) })
        {
            var live = await room.RevisionAsync(paged);
            var edit = await room.Editor.PostMultipartAsync($"articles/{paged}/edit",
            [
                .. Newsroom.Fields(channel, "区政务服务中心新址启用", "<p>新址位于阳澄湖东路。</p>",
                    baseRevisionId: live.Id, baseVersion: live.Version),
                F("linkUrl", link),
            ], []);
            Assert.Equal(HttpStatusCode.SeeOther, edit.StatusCode);
            await room.DoAsync(room.Editor, paged, "submit");
            await room.DoAsync(room.Reviewer, paged, "approve");
            await room.DoAsync(room.Publisher, paged, "publish");
            Assert.Equal(status, (await portal.Client.GetAsync(url)).StatusCode);
        }
        Assert.Equal(url, (await room.ArticleAsync(paged)).Url);
    }
}
