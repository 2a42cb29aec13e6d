using System.Globalization;
using System.Net;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// Where a live article stands in its lists: 置顶 (until an end that the scheduler keeps), 权重, and a 发布日期 changed
/// with a reason. Each change reaches the channel's list pages and the home block at once, and is audited.
/// </summary>
public sealed class ArticleRankTests(ClockedNewsroomFixture shared) : IClassFixture<ClockedNewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private string InMinutes(int minutes) =>
        ChinaTime.ToChina(shared.Clock.GetUtcNow().UtcDateTime.AddMinutes(minutes))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<List<Article>> OldestSeedArticlesAsync(int count)
    {
        await using var db = shared.Portal.Settings.Database.CreateContext();
        var channel = TestAccounts.ChannelId(shared.Portal, "bmdt");
        return await db.Articles.AsNoTracking()
            .Where(a => a.ChannelId == channel && a.Status == ArticleStatus.Published && !a.Pinned && a.Weight == 0)
            .OrderBy(a => a.PublishedAtUtc).ThenBy(a => a.Id).Take(count).ToListAsync();
    }

    private Task<string> ChannelPageAsync() => shared.Portal.Client.GetStringAsync("/xwzx/bmdt/");

    /// <summary>Where a link to <paramref name="url"/> stands on the page; int.MaxValue when it is not there.</summary>
    private static int Position(string html, string url) =>
        html.IndexOf($"href=\"{url}\"", StringComparison.Ordinal) is var at and >= 0 ? at : int.MaxValue;

    [Fact]
    public async Task A_pinned_article_leads_its_lists_until_its_end_and_a_heavier_one_leads_the_unpinned()
    {
        var (portal, room, clock) = (shared.Portal, shared.Room, shared.Clock);
        var newest = (await room.ArticleAsync(await room.PublishNewAsync("本周天气趋势预报"))).Url!;
        var seeds = await OldestSeedArticlesAsync(2);
        var (pinned, heavier) = (seeds[0], seeds[1]);
        Assert.True(Position(await ChannelPageAsync(), pinned.Url!) == int.MaxValue, "the oldest is not on page 1");

        await room.DoAsync(room.Publisher, pinned.Id, "rank",
            F("pinned", "1"), F("pinEndsAt", InMinutes(10)), F("weight", "0"));
        await room.DoAsync(room.Publisher, heavier.Id, "rank", F("weight", "5"));

        var page = await ChannelPageAsync();
        Assert.True(Position(page, pinned.Url!) < Position(page, heavier.Url!));
        Assert.True(Position(page, heavier.Url!) < Position(page, newest));
        Assert.Contains($"href=\"{pinned.Url}\"><span class=\"pin-mark\">置顶</span>", page);
        Assert.Contains($"href=\"{pinned.Url}\"><span class=\"pin-mark\">置顶</span>",
            await portal.Client.GetStringAsync("/"));
        Assert.Contains("置顶至 " + InMinutes(10),
            await (await room.Publisher.GetAsync($"articles/{pinned.Id}")).Content.ReadAsStringAsync());

        // The pin ends by itself; the weight stays. (Well within the staff's idle time, which this clock also moves.)
        // The scheduler audits the end after the pages are written: wait for that entry.
        clock.Advance(TimeSpan.FromMinutes(11));
        async Task<List<AuditEntry>> LogAsync()
        {
            await using var db = portal.Settings.Database.CreateContext();
            return await db.AuditEntries.Where(e => e.Action == AuditActions.ArticleRanked
                && e.Target == $"文章 {pinned.Id}").OrderBy(e => e.Id).ToListAsync();
        }
        for (var i = 0; i < 100 && (await LogAsync()).Count < 2; i++) await Task.Delay(100);
        var log = await LogAsync();
        Assert.Equal(2, log.Count);
        var after = await room.ArticleAsync(pinned.Id);
        Assert.False(after.Pinned);
        Assert.Null(after.PinEndsAtUtc);
        page = await ChannelPageAsync();
        Assert.Equal(int.MaxValue, Position(page, pinned.Url!));
        Assert.DoesNotContain("pin-mark", page);
        Assert.True(Position(page, heavier.Url!) < Position(page, newest));
        Assert.Equal("zhaolei", log[0].Actor);
        Assert.Contains("置顶至", log[0].Details);
        Assert.Contains("置顶到期", log[1].Details);
    }

    [Fact]
    public async Task A_bad_weight_a_past_end_a_wrong_role_or_an_article_not_live_is_refused_with_what_was_typed()
    {
        var room = shared.Room;
        var id = await room.PublishNewAsync("区政务服务中心窗口调整公告");

        foreach (var weight in new[] { "100", "-1", "五", "1.5" })
        {
            var refused = await room.ActAsync(room.Publisher, id, "rank", F("weight", weight));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.Contains("权重须为 0 到 99 之间的整数", text);
            Assert.Contains($"value=\"{WebUtility.HtmlEncode(weight)}\"", text); // kept beside the rule
        }
        var past = await room.ActAsync(room.Publisher, id, "rank",
            F("pinned", "1"), F("pinEndsAt", InMinutes(-1)), F("weight", "3"));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("已经过去", await past.Content.ReadAsStringAsync());
        var unreadable = await room.ActAsync(room.Publisher, id, "rank", F("pinned", "1"), F("pinEndsAt", "月底"));
        Assert.Contains("请按“年-月-日 时:分”填写置顶截止时间", await unreadable.Content.ReadAsStringAsync());
        var unchanged = await room.ActAsync(room.Publisher, id, "rank", F("weight", "0"));
        Assert.Contains("没有需要保存的改动", await unchanged.Content.ReadAsStringAsync());

        foreach (var other in new[] { room.Editor, room.Reviewer })
            Assert.Equal(HttpStatusCode.Forbidden,
                (await room.ActAsync(other, id, "rank", F("pinned", "1"))).StatusCode);
        var draft = await room.WriteAsync("尚未发布的窗口调整草稿");
        var notLive = await room.ActAsync(room.Publisher, draft, "rank", F("pinned", "1"));
        Assert.Contains("没有在网站上发布", await notLive.Content.ReadAsStringAsync());

        var article = await room.ArticleAsync(id);
        Assert.False(article.Pinned);
        Assert.Equal(0, article.Weight);
        Assert.False((await room.ArticleAsync(draft)).Pinned);
    }

    [Fact]
    public async Task A_changed_publish_date_needs_a_reason_moves_the_article_in_its_list_and_keeps_its_address()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var earlier = (await room.ArticleAsync(await room.PublishNewAsync("区人大常委会召开会议"))).Url!;
        var id = await room.PublishNewAsync("区政协召开常委会议");
        var before = await room.ArticleAsync(id);
        Assert.True(Position(await ChannelPageAsync(), before.Url!) < Position(await ChannelPageAsync(), earlier));

        var shortReason = await room.ActAsync(room.Publisher, id, "published-at",
            F("at", "2026-11-01 09:00"), F("reason", "补录"));
        Assert.Equal(HttpStatusCode.BadRequest, shortReason.StatusCode);
        var text = await shortReason.Content.ReadAsStringAsync();
        Assert.Contains("修改发布日期须写明理由", text);
        Assert.Contains("2026-11-01 09:00", text);
        var future = await room.ActAsync(room.Publisher, id, "published-at",
            F("at", InMinutes(60 * 24)), F("reason", "按会议实际召开时间更正。"));
        Assert.Contains("发布日期不能晚于现在", await future.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await room.ActAsync(room.Editor, id, "published-at",
            F("at", "2026-11-01 09:00"), F("reason", "按会议实际召开时间更正。"))).StatusCode);
        Assert.Equal(before.PublishedAtUtc, (await room.ArticleAsync(id)).PublishedAtUtc);

        // Dated back: it now follows the other, at the same address, with the new date on its page.
        await room.DoAsync(room.Publisher, id, "published-at",
            F("at", "2026-11-01 09:00"), F("reason", "按会议实际召开时间更正。"));
        var changed = await room.ArticleAsync(id);
        Assert.Equal(before.Url, changed.Url);
        Assert.Equal("2026-11-01 09:00", ChinaTime.Format(changed.PublishedAtUtc));
        var page = await ChannelPageAsync();
        Assert.True(Position(page, earlier) < Position(page, before.Url!));
        Assert.Contains("2026-11-01 09:00", await portal.Client.GetStringAsync(before.Url));

        await using var db = portal.Settings.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ArticleDateChanged
            && e.Target == $"文章 {id}");
        Assert.Equal("zhaolei", entry.Actor);
        Assert.Contains($"由 {ChinaTime.Format(before.PublishedAtUtc)} 改为 2026-11-01 09:00", entry.Details);
        Assert.Contains("按会议实际召开时间更正", entry.Details);
    }
}
