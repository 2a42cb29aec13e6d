using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovPortal.Tests.BackOffice;

public sealed class ScheduledPublishingTests
{
    private static string ChinaInput(DateTimeOffset utc) =>
        ChinaTime.ToChina(utc.UtcDateTime)
            .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task
        A_scheduled_article_goes_live_at_its_time_and_a_restart_catches_up_on_what_fell_due_while_stopped()
    {
        // The clock is moved by the test; nothing waits for real time to pass.
        var start = new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        using var data = new TempDirectory();
        int first, second;
        var portal = await RunningPortal.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock),
            dataDirectory: data.Path);
        await using (portal)
        {
            await using var room = await Newsroom.StartAsync(portal);
            first = await ApprovedAsync(room, "定时发布测试一");
            second = await ApprovedAsync(room, "定时发布测试二");
            await room.DoAsync(room.Publisher, first, "schedule",
                new KeyValuePair<string, string>("at", ChinaInput(start.AddMinutes(10))));
            await room.DoAsync(room.Publisher, second, "schedule",
                new KeyValuePair<string, string>("at", ChinaInput(start.AddMinutes(20))));

            clock.Advance(TimeSpan.FromMinutes(9));
            Assert.Equal(0, await portal.Service<ArticleWorkflow>().PublishDueAsync()); // not yet
            Assert.Equal(ArticleStatus.Draft, (await room.ArticleAsync(first)).Status);

            // The scheduler looks every 15 seconds: one step past the time is enough.
            clock.Advance(TimeSpan.FromMinutes(1) + ScheduledPublishing.Interval);
            await WaitUntilPublishedAsync(room, first);
            var article = await room.ArticleAsync(first);
            // the date readers see is the scheduled time
            Assert.Equal(start.AddMinutes(10).UtcDateTime, article.PublishedAtUtc);
            var revision = await room.RevisionAsync(first);
            Assert.InRange(revision.PublishedAtUtc!.Value - start.AddMinutes(10).UtcDateTime, TimeSpan.Zero,
                TimeSpan.FromSeconds(30));
            Assert.Equal("zhaolei", revision.PublishedBy);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await portal.Client.GetAsync(article.Url)).StatusCode);
            Assert.Equal(RevisionState.Scheduled, (await room.RevisionAsync(second)).State);
        }

        // Stopped over the second article's time; the next start publishes it.
        clock.Advance(TimeSpan.FromMinutes(30));
        await using var restarted = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton<TimeProvider>(clock), dataDirectory: data.Path);
        for (var i = 0; i < 100 && (await ArticleStatusAsync(restarted, second)) != ArticleStatus.Published; i++)
            await Task.Delay(100);
        Assert.Equal(ArticleStatus.Published, await ArticleStatusAsync(restarted, second));
    }

    private static async Task<int> ApprovedAsync(Newsroom room, string title)
    {
        var id = await room.WriteAsync(title);
        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        return id;
    }

    // The scheduler runs on its own task once the clock moves; wait for it to finish its work, not for time.
    private static async Task WaitUntilPublishedAsync(Newsroom room, int id)
    {
        // Done means the revision is recorded as live too, which happens just after the page goes out.
        for (var i = 0; i < 100 && (await room.RevisionAsync(id)).State != RevisionState.Published; i++)
            await Task.Delay(100);
        Assert.Equal(RevisionState.Published, (await room.RevisionAsync(id)).State);
    }

    private static async Task<ArticleStatus> ArticleStatusAsync(RunningPortal portal, int id)
    {
        await using var db = portal.Settings.Database.CreateContext();
        return db.Articles.Single(a => a.Id == id).Status;
    }
}
