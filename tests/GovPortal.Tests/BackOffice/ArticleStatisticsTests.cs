using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// 稿件统计: an editor's submissions, first publications, corrections and rejections are counted in their name, by
/// channel and month, on the page and in the CSV; a person without the channel sees none of it.
/// </summary>
public sealed class ArticleStatisticsTests(ClockedNewsroomFixture shared) : IClassFixture<ClockedNewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task The_workload_of_a_month_is_counted_per_person_channel_and_month()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        // Submitted once and published: 投稿 1, 采用 1.
        var first = await room.PublishNewAsync("统计用：区政府常务会议召开");
        // Rejected once, submitted again and published: 投稿 2, 退回 1, 采用 1.
        var second = await room.WriteAsync("统计用：区城管局开展专项整治");
        await room.DoAsync(room.Editor, second, "submit");
        await room.DoAsync(room.Reviewer, second, "reject", F("comment", "请补充整治时间和范围。"));
        await room.DoAsync(room.Editor, second, "submit");
        await room.DoAsync(room.Reviewer, second, "approve");
        await room.DoAsync(room.Publisher, second, "publish");
        // A correction of the first, published again: 投稿 1, 修订发布 1.
        var live = await room.RevisionAsync(first);
        var edit = await room.Editor.PostMultipartAsync($"articles/{first}/edit", Newsroom.Fields(
            TestAccounts.ChannelId(portal, "bmdt"), "统计用：区政府常务会议召开（更正）", "<p>更正了会议日期。</p>",
            baseRevisionId: live.Id, baseVersion: live.Version), []);
        Assert.Equal(HttpStatusCode.SeeOther, edit.StatusCode);
        await room.DoAsync(room.Editor, first, "submit");
        await room.DoAsync(room.Reviewer, first, "approve");
        await room.DoAsync(room.Publisher, first, "publish");
        // Written by the editor, published at once by a publisher without review: 采用 1, in the writer's name.
        var urgent = await room.WriteAsync("统计用：寒潮蓝色预警");
        await room.DoAsync(room.Publisher, urgent, "force-publish", F("reason", "寒潮来袭需立即发布预警"),
            F("acknowledge", "1"));

        var month = ChinaTime.ToChina(shared.Clock.GetUtcNow().UtcDateTime);
        var csv = await (await room.Reviewer.GetAsync($"statistics.csv?year={month.Year}&month={month.Month}"))
            .Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("月份,栏目,姓名,账号,投稿,采用,修订发布,退回", lines[0]);
        var editor = Assert.Single(lines, l => l.Contains(",lihua,", StringComparison.Ordinal));
        Assert.StartsWith($"{month.Year}-{month.Month:00},", editor);
        Assert.EndsWith(",lihua,4,3,1,1", editor.TrimEnd('\r'));

        var page = await (await room.Publisher.GetAsync($"statistics?year={month.Year}")).Content.ReadAsStringAsync();
        Assert.Contains("投稿 4 次，采用 3 篇，修订发布", page);
        Assert.Contains($"<th scope=\"row\">{month.Month} 月</th><td>4</td><td>3</td><td>1</td><td>1</td>", page);
        Assert.Contains($"{month.Month} 月采用 3 篇", page); // the chart's bar
        // Anything that is no year or month is this year, whole: never a refused page.
        Assert.Equal(HttpStatusCode.OK, (await room.Reviewer.GetAsync("statistics?year=&month=13")).StatusCode);

        await TestAccounts.CreateAsync(portal, "tongji-other", [StaffRoles.Publisher], "zcwj");
        using var other = await StaffClient.SignInAsync(portal, "tongji-other");
        var theirs = await (await other.GetAsync($"statistics?year={month.Year}")).Content.ReadAsStringAsync();
        Assert.Contains("投稿 0 次，采用 0 篇", theirs);
        Assert.DoesNotContain("lihua", await (await other.GetAsync($"statistics.csv?year={month.Year}"))
            .Content.ReadAsStringAsync());
    }
}
