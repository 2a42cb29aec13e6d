using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Health;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// Content safety in the back office: findings shown and enforced, word lists maintained, tamper alerts audited, the
/// health dashboard. The checks of single articles share one portal; the tests that change the word lists, the pages
/// or the clock start their own.
/// </summary>
public sealed class ContentSafetyTests(NewsroomFixture shared) : IClassFixture<NewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task A_warning_is_shown_highlighted_and_going_on_needs_a_confirmation_that_is_audited()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var id = await room.WriteAsync("设备安装通知", "<p>请各单位于本周内按装好消防设备。</p>");

        var page = await room.Editor.GetPageAsync($"articles/{id}");
        Assert.Contains("0 处必须修改，1 条警告", page);
        Assert.Contains("“按装”应为“安装”", page);
        Assert.Contains("请各单位于本周内<mark>按装</mark>好消防设备。", page);
        Assert.Contains("name=\"acknowledge\"", page);

        var unconfirmed = await room.ActAsync(room.Editor, id, "submit");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("1 条警告", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(RevisionState.Draft, (await room.RevisionAsync(id)).State);
        await room.DoAsync(room.Editor, id, "submit", F("acknowledge", "1"));
        await room.DoAsync(room.Reviewer, id, "approve");
        Assert.Equal(HttpStatusCode.BadRequest, (await room.ActAsync(room.Publisher, id, "publish")).StatusCode);
        await room.DoAsync(room.Publisher, id, "publish", F("acknowledge", "1"));

        await using var db = portal.Settings.Database.CreateContext();
        var overrides =
            db.AuditEntries.Where(e => e.Action == AuditActions.ContentWarningsOverridden).OrderBy(e => e.Id).ToList();
        Assert.Equal(["lihua", "zhaolei"], overrides.Select(e => e.Actor).ToList());
        Assert.All(overrides, e => Assert.Contains("按装", e.Details));
    }

    [Theory]
    [InlineData("<p>会上有人说了一句王八蛋。</p>", "不文明用语")]
    [InlineData("<p>区委书记沈志东出席会议并讲话。</p>", "严重表述错误")]
    // Hiding styles are already gone when the body is saved (the sanitizer keeps
    // no style); the spam itself is still caught.
    [InlineData(
        "<p>欢迎访问</p><div style=\"display:none\"><a href=\"http://spam.example/\">六合彩 澳门赌场 在线投注</a></div>", "赌博信息")]
    public async Task A_blocking_finding_stops_submitting_and_publishing_with_a_message(string body, string category)
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var id = await room.WriteAsync("内容检查测试", body);
        var page = await room.Editor.GetPageAsync($"articles/{id}");
        Assert.Contains("必须修改 · " + category, page);

        var submit = await room.ActAsync(room.Editor, id, "submit", F("acknowledge", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Contains("必须修改的问题，不能提交审核", await submit.Content.ReadAsStringAsync());
        var force =
            await room.ActAsync(room.Publisher, id, "force-publish", F("reason", "紧急情况需要立即发布"), F("acknowledge", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, force.StatusCode);
        Assert.Equal(ArticleStatus.Draft, (await room.ArticleAsync(id)).Status);
        await using var db = portal.Settings.Database.CreateContext();
        Assert.Equal(2, db.AuditEntries.Count(e => e.Action == AuditActions.ContentBlocked && e.Target == $"文章 {id}"));
    }

    [Fact]
    public async Task Administrators_maintain_the_word_lists_and_the_checks_use_them_at_once()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        await using var room = await Newsroom.StartAsync(portal);

        var page = await admin.GetPageAsync("safety");
        Assert.Contains("他妈的", page); // the built-in default, until the site has its own

        var invalid = await admin.PostAsync("safety/words", [F("list", "不文明用语,block,他妈的\n只有一项")]);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("第 2 行", await invalid.Content.ReadAsStringAsync());
        Assert.False(File.Exists(Path.Combine(portal.Settings.Paths.SafetyListsDirectory, "sensitive-words.txt")));

        var saved =
            await admin.PostAsync("safety/words", [F("list", "# 本区词库\n不文明用语,block,他妈的\n本区专用,阻止,违规测试词\n本区专用，警告，注意用语")]);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Contains("本区专用\tblock\t违规测试词", await File.ReadAllTextAsync(
            Path.Combine(portal.Settings.Paths.SafetyListsDirectory, "sensitive-words.txt")));

        // Seen through the spaces and punctuation put between its characters.
        var id = await room.WriteAsync("词库测试", "<p>这里有一个违 规·测 试 词。</p>");
        var submit = await room.ActAsync(room.Editor, id, "submit", F("acknowledge", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Contains("本区专用", await submit.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.SeeOther,
            (await admin.PostAsync("safety/wording", [F("list", "mistake 按装 安装\nofficial 区长 顾建平")])).StatusCode);
        var official = await room.WriteAsync("名称测试", "<p>区长顾建华主持会议。</p>");
        Assert.Contains("区长的姓名应为“顾建平”", await room.Editor.GetPageAsync($"articles/{official}"));

        await using var db = portal.Settings.Database.CreateContext();
        var entry = db.AuditEntries.First(e => e.Action == AuditActions.SettingsChanged && e.Target == "敏感词库");
        Assert.Contains("新增", entry.Details);
        Assert.Contains("违规测试词", entry.Details);
    }

    [Fact]
    public async Task A_tampered_page_is_recorded_in_the_audit_log()
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        var file = Path.Combine(portal.Output.PublicDirectory, seed.Url!.TrimStart('/'));
        await File.AppendAllTextAsync(file, "<p>澳门赌场 六合彩</p>");
        Assert.DoesNotContain("澳门赌场", await portal.Client.GetStringAsync(seed.Url));

        for (var i = 0; i < 100; i++)
        {
            await using var db = portal.Settings.Database.CreateContext();
            if (db.AuditEntries.FirstOrDefault(e => e.Action == AuditActions.TamperDetected) is { } entry)
            {
                Assert.Equal(seed.Url, entry.Target);
                Assert.Contains("已恢复", entry.Details);
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail("the tamper event never reached the audit log");
    }

    [Fact]
    public async Task The_health_dashboard_runs_the_check_keeps_each_run_for_the_trend_and_exports_csv()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton<TimeProvider>(clock));
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        Assert.Contains("还没有检查结果", await admin.GetPageAsync("health"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("health.csv")).StatusCode);

        // The daily run: a few minutes after start, then every day.
        clock.Advance(DailyHealthCheck.FirstRunDelay);
        for (var i = 0; i < 100 && (await portal.Service<HealthRecorder>().TrendAsync(5)).Count == 0; i++)
            await Task.Delay(100);
        Assert.Single(await portal.Service<HealthRecorder>().TrendAsync(5));

        var checkedNow = await admin.PostAsync("health/check", []);
        Assert.Equal(HttpStatusCode.SeeOther, checkedNow.StatusCode);
        var page = await admin.GetPageAsync("health");
        Assert.Contains("最近一次检查", page);
        Assert.Contains("栏目信息更新", page); // the demo's news is from 2023
        Assert.Contains("<svg", page);
        Assert.Contains("最近 2 次检查", page);

        var csv = await admin.GetAsync("health.csv");
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition!.DispositionType);
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("检查时间,指标,单项否决,位置,说明", text);
        Assert.Contains("栏目", text);
    }
}
