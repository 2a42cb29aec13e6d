using System.Net;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovPortal.Tests.BackOffice;

/// <summary>One portal whose clock the tests move, with the newsroom's four people.</summary>
public sealed class ClockedNewsroomFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
    public RunningPortal Portal { get; private set; } = null!;
    public Newsroom Room { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Portal = await RunningPortal.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(Clock));
        Room = await Newsroom.StartAsync(Portal);
    }

    public async Task DisposeAsync()
    {
        await Room.DisposeAsync();
        await Portal.DisposeAsync();
    }
}

/// <summary>
/// 定时下线: a publisher sets a live article to leave the site at a time, with a reason; at that time it is withdrawn
/// as a 撤稿 would withdraw it (410 at its address, gone from lists), audited with who set it and why; a cancel or a
/// 撤稿 by hand clears it; a bad time or reason is refused beside the form with what was typed kept.
/// </summary>
public sealed class ScheduledWithdrawalTests(ClockedNewsroomFixture shared) : IClassFixture<ClockedNewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private string InMinutes(int minutes) =>
        ChinaTime.ToChina(shared.Clock.GetUtcNow().UtcDateTime.AddMinutes(minutes))
            .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private ArticleWorkflow Workflow => shared.Portal.Service<ArticleWorkflow>();

    [Fact]
    public async Task A_live_article_leaves_the_site_at_the_time_set_and_the_log_says_who_set_it_and_why()
    {
        var (portal, room, clock) = (shared.Portal, shared.Room, shared.Clock);
        var id = await room.PublishNewAsync("冬季供暖设施检修公告");
        var url = (await room.ArticleAsync(id)).Url!;
        var at = clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        await room.DoAsync(room.Publisher, id, "schedule-withdrawal",
            F("at", InMinutes(10)), F("reason", "检修已于月底结束，公告到期下线。"));
        var page = await (await room.Publisher.GetAsync($"articles/{id}")).Content.ReadAsStringAsync();
        Assert.Contains($"定于 {ChinaTime.Format(ChinaTime.TruncateToMinute(at))} 下线", page);
        Assert.Contains("取消定时下线", page);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await Workflow.WithdrawDueAsync()); // not yet
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync(url)).StatusCode);

        // The scheduler looks every 15 seconds: one step past the time is enough.
        clock.Advance(TimeSpan.FromMinutes(1) + ScheduledPublishing.Interval);
        for (var i = 0; i < 100 && (await room.RevisionAsync(id)).State != RevisionState.Withdrawn; i++)
            await Task.Delay(100);
        Assert.Equal(RevisionState.Withdrawn, (await room.RevisionAsync(id)).State);
        var article = await room.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Withdrawn, article.Status);
        Assert.Null(article.WithdrawAtUtc);
        Assert.Equal("", article.WithdrawReason);
        var gone = await portal.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.DoesNotContain("冬季供暖设施检修公告", await portal.Client.GetStringAsync("/xwzx/bmdt/"));

        await using var db = portal.Settings.Database.CreateContext();
        var log = db.AuditEntries.Where(e => e.Target == $"文章 {id}").OrderBy(e => e.Id).ToList();
        var set = Assert.Single(log, e => e.Action == AuditActions.ArticleWithdrawalScheduled);
        Assert.Equal("zhaolei", set.Actor);
        Assert.Contains("检修已于月底结束", set.Details);
        var done = Assert.Single(log, e => e.Action == AuditActions.ArticleWithdrawn);
        Assert.Contains("按 zhaolei 设定的时间定时下线", done.Details);
        Assert.Contains("检修已于月底结束", done.Details);
    }

    [Fact]
    public async Task A_past_time_a_short_reason_or_a_wrong_role_is_refused_and_nothing_is_set()
    {
        var room = shared.Room;
        var id = await room.PublishNewAsync("区图书馆延长开放时间");

        var past = await room.ActAsync(room.Publisher, id, "schedule-withdrawal",
            F("at", InMinutes(-5)), F("reason", "活动结束后下线本通知。"));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var text = await past.Content.ReadAsStringAsync();
        Assert.Contains("已经过去", text);
        Assert.Contains("活动结束后下线本通知。", text); // what was typed is kept beside the rule

        var tooFar = await room.ActAsync(room.Publisher, id, "schedule-withdrawal",
            F("at", InMinutes(60 * 24 * 366 * ArticleWorkflow.WithdrawalYearsAhead)),
            F("reason", "活动结束后下线本通知。"));
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Contains($"不能超过 {ArticleWorkflow.WithdrawalYearsAhead} 年以后",
            await tooFar.Content.ReadAsStringAsync());

        var shortReason = await room.ActAsync(room.Publisher, id, "schedule-withdrawal",
            F("at", InMinutes(30)), F("reason", "到期"));
        Assert.Equal(HttpStatusCode.BadRequest, shortReason.StatusCode);
        text = await shortReason.Content.ReadAsStringAsync();
        Assert.Contains("定时下线须写明理由，至少 5 个字", text);
        Assert.Contains(InMinutes(30), text);

        var unreadable = await room.ActAsync(room.Publisher, id, "schedule-withdrawal",
            F("at", "下周一"), F("reason", "活动结束后下线本通知。"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("请按“年-月-日 时:分”填写定时下线的时间", await unreadable.Content.ReadAsStringAsync());

        foreach (var other in new[] { room.Editor, room.Reviewer })
            Assert.Equal(HttpStatusCode.Forbidden, (await room.ActAsync(other, id, "schedule-withdrawal",
                F("at", InMinutes(30)), F("reason", "活动结束后下线本通知。"))).StatusCode);

        var draft = await room.WriteAsync("尚未发布的草稿");
        var notLive = await room.ActAsync(room.Publisher, draft, "schedule-withdrawal",
            F("at", InMinutes(30)), F("reason", "活动结束后下线本通知。"));
        Assert.Equal(HttpStatusCode.BadRequest, notLive.StatusCode);
        Assert.Contains("没有在网站上发布", await notLive.Content.ReadAsStringAsync());

        Assert.Null((await room.ArticleAsync(id)).WithdrawAtUtc);
        Assert.Null((await room.ArticleAsync(draft)).WithdrawAtUtc);
    }

    [Fact]
    public async Task A_cancelled_withdrawal_or_one_overtaken_by_a_withdrawal_by_hand_does_nothing_when_its_time_comes()
    {
        var (portal, room, clock) = (shared.Portal, shared.Room, shared.Clock);
        var kept = await room.PublishNewAsync("秋冬季森林防火提示");
        var byHand = await room.PublishNewAsync("临时交通管制通告");
        foreach (var id in new[] { kept, byHand })
            await room.DoAsync(room.Publisher, id, "schedule-withdrawal",
                F("at", InMinutes(5)), F("reason", "提示期结束后下线。"));

        Assert.Equal(HttpStatusCode.Forbidden,
            (await room.ActAsync(room.Editor, kept, "cancel-withdrawal")).StatusCode);
        await room.DoAsync(room.Publisher, kept, "cancel-withdrawal");
        Assert.Null((await room.ArticleAsync(kept)).WithdrawAtUtc);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await room.ActAsync(room.Publisher, kept, "cancel-withdrawal")).StatusCode);

        await room.DoAsync(room.Publisher, byHand, "withdraw", F("reason", "管制提前结束，撤下通告。"));
        Assert.Null((await room.ArticleAsync(byHand)).WithdrawAtUtc);

        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(0, await Workflow.WithdrawDueAsync());
        Assert.Equal(ArticleStatus.Published, (await room.ArticleAsync(kept)).Status);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync((await room.ArticleAsync(kept)).Url)).StatusCode);
        await using var db = portal.Settings.Database.CreateContext();
        Assert.Single(db.AuditEntries.Where(e =>
            e.Target == $"文章 {byHand}" && e.Action == AuditActions.ArticleWithdrawn));
        Assert.Single(db.AuditEntries.Where(e =>
            e.Target == $"文章 {kept}" && e.Action == AuditActions.ArticleWithdrawalCancelled));
    }

    [Fact]
    public async Task A_withdrawal_that_fell_due_while_the_portal_was_stopped_happens_at_the_next_start()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        using var data = new TempDirectory();
        int id;
        await using (var portal = await RunningPortal.StartAsync(
                         configureServices: s => s.AddSingleton<TimeProvider>(clock), dataDirectory: data.Path))
        {
            await using var room = await Newsroom.StartAsync(portal);
            id = await room.PublishNewAsync("征兵报名通知");
            await room.DoAsync(room.Publisher, id, "schedule-withdrawal",
                F("at", ChinaTime.ToChina(clock.GetUtcNow().UtcDateTime.AddMinutes(10))
                    .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
                F("reason", "报名截止后下线。"));
        }

        clock.Advance(TimeSpan.FromMinutes(30));
        await using var restarted = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton<TimeProvider>(clock), dataDirectory: data.Path);
        for (var i = 0; i < 100 && await StatusAsync(restarted, id) != ArticleStatus.Withdrawn; i++)
            await Task.Delay(100);
        Assert.Equal(ArticleStatus.Withdrawn, await StatusAsync(restarted, id));
    }

    private static async Task<ArticleStatus> StatusAsync(RunningPortal portal, int id)
    {
        await using var db = portal.Settings.Database.CreateContext();
        return db.Articles.Single(a => a.Id == id).Status;
    }
}
