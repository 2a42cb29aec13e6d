using GovPortal.BackOffice.Channels;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Channels;

/// <summary>
/// 列表样式: a channel shows its articles with titles and dates, with their summaries, or as pictures. A summary
/// appears on a summary list as soon as the article is published or its summary edited, and nowhere else.
/// </summary>
public sealed class ListStyleTests(ChannelTypesFixture shared) : IClassFixture<ChannelTypesFixture>
{
    private static ChannelSettingsForm Style(string style) =>
        new("专题动态", 0, "1", 1, "") { ListStyle = style };

    [Fact]
    public async Task A_summary_list_shows_each_summary_and_follows_an_edit_of_one()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var channel = await portal.ChannelAsync("ztdt");
        var form = Style("Summaries") with { ParentId = channel.ParentId };
        Assert.True((await shared.Channels.UpdateAsync(ChannelTypesFixture.Administrator, channel.Id, form)).Succeeded);

        var id = await room.WriteAsync("我区开展河道保洁专项行动", channel: "ztdt");
        await room.RevisePublishedAsync(id, await WithSummaryAsync(room, channel.Id, id, "全区主要河道完成集中保洁。"));
        var list = await portal.Client.GetStringAsync("/stwm/ztdt/");
        Assert.Contains("<ul class=\"article-list summary-list\">", list);
        Assert.Contains("<p class=\"summary\">全区主要河道完成集中保洁。</p>", list);
        // The topic's block of the channel shows titles only.
        Assert.DoesNotContain("全区主要河道完成集中保洁。", await portal.Client.GetStringAsync("/stwm/"));

        // An edit of the summary alone changes the list at once.
        await room.RevisePublishedAsync(id, await WithSummaryAsync(room, channel.Id, id, "全区 120 条河道完成集中保洁。"));
        Assert.Contains("<p class=\"summary\">全区 120 条河道完成集中保洁。</p>",
            await portal.Client.GetStringAsync("/stwm/ztdt/"));

        // As pictures: cards, and no summaries.
        form = Style("Pictures") with { ParentId = channel.ParentId };
        Assert.True((await shared.Channels.UpdateAsync(ChannelTypesFixture.Administrator, channel.Id, form)).Succeeded);
        list = await portal.Client.GetStringAsync("/stwm/ztdt/");
        Assert.Contains("<ul class=\"article-list picture-list\">", list);
        Assert.Contains("<span class=\"card-title\">我区开展河道保洁专项行动</span>", list);
        Assert.DoesNotContain("class=\"summary\"", list);
    }

    /// <summary>The article's form over its newest revision, with the summary given.</summary>
    private static async Task<List<KeyValuePair<string, string>>> WithSummaryAsync(Newsroom room, int channelId,
        int id, string summary)
    {
        var revision = await room.RevisionAsync(id);
        return
        [
            .. Newsroom.Fields(channelId, "我区开展河道保洁专项行动", "<p>河道保洁行动覆盖全区主要河道。</p>",
                baseRevisionId: revision.Id, baseVersion: revision.Version).Where(f => f.Key != "summary"),
            new("summary", summary),
        ];
    }
}
