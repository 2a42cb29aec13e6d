using System.Security.Cryptography;
using System.Text;
using GovPortal.Content;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Tamper;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Reliability;

/// <summary>
/// A process that dies mid-publish runs none of its clean-up: these tests leave a batch or a saved change exactly as
/// a killed process would (never ended, never disposed), drop the portal, and start a new one on the same folder.
/// </summary>
public sealed class InterruptedPublishTests
{
    [Fact]
    public async Task Files_of_a_publish_cut_off_midway_go_back_at_the_next_start_without_an_alarm()
    {
        using var data = new TempDirectory();
        string homeBefore, tamperedPath;
        byte[] tampered;
        await using (var first = await RunningPortal.StartAsync(dataDirectory: data.Path))
        {
            var store = first.Service<OutputStore>();
            homeBefore = first.Service<Manifest>().TryGet("index.html", out var home) ? home.Sha256 : "";
            // Somebody else changes a page (same size, so no publish rewrites it by chance): the guard must see it.
            tamperedPath = first.Service<Manifest>().Entries.First(e => e.Path.EndsWith("/index.html")).Path;
            tampered = await File.ReadAllBytesAsync(store.FullPathOf(tamperedPath));
            var at = Encoding.UTF8.GetString(tampered).IndexOf("<body", StringComparison.Ordinal);
            tampered[at + 1] = (byte)'B';

            // The killed publish: two files renamed into place, nothing committed, nothing ended.
            var batch = store.BeginBatch();
            batch.Write(PageKey.Home, "index.html", "<!DOCTYPE html><p>半途的首页</p>"u8.ToArray());
            batch.Write(PageKey.Home, "ban-tu/xin-ye-mian.html", "<p>从未发布的新页面</p>"u8.ToArray());
            await File.WriteAllBytesAsync(store.FullPathOf(tamperedPath), tampered);
            Assert.True(File.Exists(first.Output.PublishJournalFile));
            await first.AbandonAsync();
        }

        await using var second = await RunningPortal.StartAsync(dataDirectory: data.Path);
        var layout = second.Output;
        Assert.False(File.Exists(layout.PublishJournalFile));
        Assert.False(File.Exists(Path.Combine(layout.PublicDirectory, "ban-tu", "xin-ye-mian.html")));
        Assert.True(second.Service<Manifest>().TryGet("index.html", out var homeAfter));
        Assert.Equal(homeBefore, homeAfter.Sha256);
        Assert.Equal(homeBefore, Sha(await File.ReadAllBytesAsync(layout.FullPathOf("index.html"))));
        // The journal never named the tampered page: it was left for the guard, which reports it.
        Assert.Equal(1, second.Service<TamperGuard>().Sweep(full: true));
        Assert.Contains(second.Service<TamperAlerts>().Recent, e => e.Path == tamperedPath);
        Assert.DoesNotContain(second.Service<TamperAlerts>().Recent, e => e.Path != tamperedPath);
    }

    [Fact]
    public async Task A_change_saved_but_not_yet_published_when_the_process_died_is_published_at_the_next_start()
    {
        using var data = new TempDirectory();
        int articleId;
        await using (var first = await RunningPortal.StartAsync(dataDirectory: data.Path))
        {
            await using var db = first.Settings.Database.CreateContext();
            var article = await db.Articles.FirstAsync(a => a.Status == ArticleStatus.Published);
            articleId = article.Id;
            // As the publisher does: the marker first, then the save; the process dies before the pages are out.
            var change = first.Service<Publisher>().BeginChange();
            article.Title = "区政府召开防汛工作会议（更正）";
            await db.SaveChangesAsync();
            change.Saved();
            Assert.True(File.Exists(first.Output.ChangePendingMarker));
            await first.AbandonAsync();
        }

        await using var second = await RunningPortal.StartAsync(dataDirectory: data.Path);
        await SiteConsistency.AssertAsync(second); // includes: every live article's page shows its live title
        await using var check = second.Settings.Database.CreateContext();
        var url = await check.Articles.Where(a => a.Id == articleId).Select(a => a.Url!).SingleAsync();
        Assert.Contains("区政府召开防汛工作会议（更正）", await second.Client.GetStringAsync(url));
    }

    [Fact]
    public async Task A_change_that_was_saved_and_published_leaves_no_marker_and_one_that_failed_asks_for_a_rebuild()
    {
        await using var portal = await RunningPortal.StartAsync();
        var publisher = portal.Service<Publisher>();
        using (var published = publisher.BeginChange())
        {
            published.Saved();
            published.Published();
        }
        Assert.False(File.Exists(portal.Output.ChangePendingMarker));
        Assert.True(publisher.OutputIsCurrent);

        using (var refused = publisher.BeginChange())
        {
            // The save itself failed: nothing reached the database, nothing to catch up.
        }
        Assert.True(publisher.OutputIsCurrent);

        using (var failed = publisher.BeginChange()) failed.Saved();
        Assert.False(File.Exists(portal.Output.ChangePendingMarker));
        Assert.False(publisher.OutputIsCurrent);
        await publisher.PublishAllAsync();
        Assert.True(publisher.OutputIsCurrent);
    }

    [Fact]
    public async Task A_start_after_a_process_killed_while_migrating_the_database_does_not_wait_for_its_lock()
    {
        using var data = new TempDirectory();
        await using (var first = await RunningPortal.StartAsync(dataDirectory: data.Path))
        {
            // What EF Core leaves when the process dies between taking its migration lock and letting it go.
            await using var db = first.Settings.Database.CreateContext();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-12-01 07:14:00+00:00')");
            await first.AbandonAsync();
        }

        // Before, this start waited for the dead process's lock for ever.
        await using var second = await RunningPortal.StartAsync(dataDirectory: data.Path)
            .WaitAsync(TimeSpan.FromMinutes(2));
        await using var check = second.Settings.Database.CreateContext();
        Assert.Equal(0, await check.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").SingleAsync());
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
