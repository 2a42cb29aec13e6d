using System.Net;
using GovPortal.Publishing;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Channels;

/// <summary>
/// 单页: the channel's address shows its first article in full (机构职能, 领导信息), written, reviewed and published
/// like any article; an edit to it changes the page at once, exactly as a full publish would make it.
/// </summary>
public sealed class SinglePageChannelTests(ChannelTypesFixture shared) : IClassFixture<ChannelTypesFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task A_single_page_shows_its_first_article_in_full_and_follows_its_edits()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var empty = await portal.Client.GetStringAsync("/jgzn/");
        Assert.Contains("<h1>机构职能</h1>", empty);
        Assert.Contains("本栏目暂无内容。", empty);
        Assert.Contains("<a href=\"/jgzn/\">机构职能</a>", await portal.Client.GetStringAsync("/"));

        var id = await room.WriteAsync("相城区人民政府机构职能", "<p>区政府办公室负责区政府日常工作。</p>", channel: "jgzn");
        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        await room.DoAsync(room.Publisher, id, "publish");
        var page = await portal.Client.GetStringAsync("/jgzn/");
        Assert.Contains("<h1>机构职能</h1>", page);
        Assert.Contains("区政府办公室负责区政府日常工作。", page);
        Assert.DoesNotContain("本栏目暂无内容", page);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync("/jgzn/index_2.html")).StatusCode);

        // An edit of the body alone (no list shows it) still makes the 单页 again.
        var revision = await room.RevisionAsync(id);
        await room.RevisePublishedAsync(id, Newsroom.Fields(TestAccounts.ChannelId(portal, "jgzn"),
            "相城区人民政府机构职能", "<p>区政府办公室协助区政府领导处理日常工作。</p>",
            baseRevisionId: revision.Id, baseVersion: revision.Version));
        var edited = await portal.Client.GetStringAsync("/jgzn/");
        Assert.Contains("区政府办公室协助区政府领导处理日常工作。", edited);

        // The page the change made is the page a full publish makes.
        await portal.Service<Publisher>().PublishAllAsync();
        Assert.Equal(edited, await portal.Client.GetStringAsync("/jgzn/"));

        // Withdrawn, the page is empty again.
        await room.DoAsync(room.Publisher, id, "withdraw", F("reason", "机构改革后内容需要重新核定。"));
        Assert.Contains("本栏目暂无内容。", await portal.Client.GetStringAsync("/jgzn/"));
    }
}
