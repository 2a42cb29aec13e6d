using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Publishing;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// 同时列于: a publisher lists a live article of 部门动态 in 通知公告 too. It keeps its one page and address; 通知公告's
/// list, feed and the blocks above it show it, withdrawal takes it out of both, publishing it again puts it back, and
/// at every step the pages the publish plan wrote are exactly what a full rebuild writes.
/// </summary>
public sealed class AlsoListedInTests
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task A_live_article_is_listed_in_another_channel_with_one_page_and_one_address()
    {
        await using var portal = await RunningPortal.StartAsync();
        await using var room = await Newsroom.StartAsync(portal, "bmdt", "tzgg");
        var publisher = portal.Service<Publisher>();
        var (departments, notices) = (TestAccounts.ChannelId(portal, "bmdt"), TestAccounts.ChannelId(portal, "tzgg"));
        var id = await room.PublishNewAsync("区政府召开防汛防台工作会议");
        var url = (await room.ArticleAsync(id)).Url!;
        Assert.StartsWith("/xwzx/bmdt/", url);
        Assert.DoesNotContain(url, await portal.Client.GetStringAsync("/xwzx/tzgg/"));

        // The article page offers the channels this publisher publishes for, its own left out.
        var page = await room.Publisher.GetPageAsync($"articles/{id}");
        Assert.Contains("同时列于其他栏目", page);
        Assert.Contains($"name=\"alsoIn\" value=\"{notices}\"", page);
        Assert.DoesNotContain($"name=\"alsoIn\" value=\"{departments}\"", page);

        // Refused: a channel without a list (the 外链 办事服务), a channel that does not exist, the article's own.
        foreach (var (channel, message) in new[]
                 {
                     (TestAccounts.ChannelId(portal, "bsfw").ToString(), "没有自己的文章列表"),
                     ("999999", "所选栏目不存在"), ("abc", "所选栏目不存在"),
                     (departments.ToString(), "文章本来就在这个栏目中"),
                 })
        {
            var refused = await room.ActAsync(room.Publisher, id, "listings", F("alsoIn", channel));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync());
        }

        // A publisher of 部门动态 alone may not put it into 通知公告.
        await TestAccounts.CreateAsync(portal, "bmdt-publisher", [StaffRoles.Publisher], "bmdt");
        using (var other = await StaffClient.SignInAsync(portal, "bmdt-publisher"))
        {
            var refused = await room.ActAsync(other, id, "listings", F("alsoIn", notices.ToString()));
            Assert.Contains("您没有栏目“通知公告”的发布权限", await refused.Content.ReadAsStringAsync());
        }

        await room.DoAsync(room.Publisher, id, "listings", F("alsoIn", notices.ToString()));
        Assert.Contains($"href=\"{url}\"", await portal.Client.GetStringAsync("/xwzx/tzgg/"));
        Assert.Contains($"href=\"{url}\"", await portal.Client.GetStringAsync("/xwzx/bmdt/"));
        Assert.Contains(url, await portal.Client.GetStringAsync("/xwzx/tzgg/rss.xml"));
        // The feed of 新闻中心, above both, lists it once, as the feed of its own channel does.
        static int Mentions(string text, string url) => text.Split(url).Length - 1;
        Assert.Equal(Mentions(await portal.Client.GetStringAsync("/xwzx/bmdt/rss.xml"), url),
            Mentions(await portal.Client.GetStringAsync("/xwzx/rss.xml"), url));
        Assert.Equal(0, (await publisher.PublishAllAsync()).FilesWritten);
        await using (var db = portal.Settings.Database.CreateContext())
        {
            Assert.Equal(departments, (await db.Articles.SingleAsync(a => a.Id == id)).ChannelId);
            Assert.Contains(await db.AuditEntries.Where(e => e.Action == AuditActions.ArticleListed)
                .Select(e => e.Details).ToListAsync(), d => d.Contains("同时列于：通知公告（原为：无）"));
        }

        // Withdrawn, it leaves both; published again, it comes back to both, at the same address.
        await room.DoAsync(room.Publisher, id, "withdraw", F("reason", "会议时间调整，暂时撤下。"));
        Assert.DoesNotContain($"href=\"{url}\"", await portal.Client.GetStringAsync("/xwzx/tzgg/"));
        Assert.Equal(0, (await publisher.PublishAllAsync()).FilesWritten);
        var revision = await room.RevisionAsync(id);
        await room.RevisePublishedAsync(id, Newsroom.Fields(departments, "区政府召开防汛防台工作会议（时间已调整）",
            revision.BodyHtml, baseRevisionId: revision.Id, baseVersion: revision.Version));
        Assert.Equal(url, (await room.ArticleAsync(id)).Url);
        Assert.Contains($"href=\"{url}\"", await portal.Client.GetStringAsync("/xwzx/tzgg/"));
        Assert.Equal(0, (await publisher.PublishAllAsync()).FilesWritten);

        // Taken out of 通知公告 again.
        await room.DoAsync(room.Publisher, id, "listings");
        Assert.DoesNotContain($"href=\"{url}\"", await portal.Client.GetStringAsync("/xwzx/tzgg/"));
        Assert.Contains($"href=\"{url}\"", await portal.Client.GetStringAsync("/xwzx/bmdt/"));
        Assert.Equal(0, (await publisher.PublishAllAsync()).FilesWritten);
    }
}
