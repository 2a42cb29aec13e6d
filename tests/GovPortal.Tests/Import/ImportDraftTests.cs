using System.Net;
using GovPortal.BackOffice.Import;
using GovPortal.Chinese;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Tests.Platform;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Import;

/// <summary>
/// 迁移 into a town of the platform without --publish and with --channel: every clean page becomes a draft of the
/// town in the channel given (the district's breadcrumbs name none of the town's), nothing reaches the public or
/// another site, and a second run adds nothing.
/// </summary>
public sealed class ImportDraftTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Drafts_go_into_the_fallback_channel_of_the_town_and_nothing_is_published_or_shared()
    {
        var portal = fixture.Portal;
        using var mirror = new TempDirectory();
        var truth = new OldSiteMirror(portal.Service<ChineseConverter>()).Write(mirror.Path, 40, "/no/such.html");
        int districtArticles;
        await using (var db = portal.Settings.Database.CreateContext())
            districtArticles = await db.Articles.CountAsync(a => a.SiteId == db.Sites.Min(s => s.Id));
        Task<ImportResult> RunAsync(string report) =>
            ActivatorUtilities.CreateInstance<SiteImporter>(portal.App.Services).RunAsync(
                new ImportOptions("hd", mirror.Path)
                {
                    FallbackChannel = "zwdt", ReportFile = Path.Combine(portal.DataDirectory, "import", report),
                });

        var first = await RunAsync("hd-1.csv");
        var second = await RunAsync("hd-2.csv");

        // Pages whose channel the town lacks land in 镇务动态 instead of being skipped; flagged ones stay out.
        var expected = truth.Count(t => t.Outcome == ImportOutcome.Imported
            || t is { Outcome: ImportOutcome.Skipped, Skip: ImportSkip.NoChannel });
        Assert.Equal(expected, first.Imported);
        Assert.Equal(truth.Count(t => t.Outcome == ImportOutcome.Flagged), first.Flagged);
        Assert.Equal(0, second.Imported);
        await using var check = portal.Settings.Database.CreateContext();
        var hd = await check.Sites.SingleAsync(s => s.Code == "hd");
        var zwdt = await check.Channels.SingleAsync(c => c.SiteId == hd.Id && c.Slug == "zwdt");
        var tzgg = await check.Channels.SingleAsync(c => c.SiteId == hd.Id && c.Slug == "tzgg");
        var ids = first.Rows.Where(r => r.Outcome == ImportOutcome.Imported).Select(r => r.ArticleId!.Value).ToList();
        var articles = await check.Articles.Where(a => ids.Contains(a.Id)).ToListAsync();
        Assert.Equal(ids.Count, articles.Count);
        Assert.All(articles, a =>
        {
            Assert.Equal(hd.Id, a.SiteId);
            // The town's own 通知公告 takes the notices by its name; everything else falls back to 镇务动态.
            Assert.Contains(a.ChannelId, new[] { zwdt.Id, tzgg.Id });
            Assert.Equal(ArticleStatus.Draft, a.Status);
            Assert.Null(a.Url);
        });
        Assert.Contains(articles, a => a.ChannelId == zwdt.Id);
        Assert.Equal(ids.Count, await check.Revisions.CountAsync(r => ids.Contains(r.ArticleId)));
        Assert.Equal(districtArticles, await check.Articles.CountAsync(a => a.SiteId == check.Sites.Min(s => s.Id)));
        // Drafts have no address, so no old address leads anywhere yet.
        var anOldPath = first.Rows.First(r => r.Outcome == ImportOutcome.Imported).OldPath;
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.GetAsync("hd.localhost", "/" + anOldPath)).Status);
        Assert.Equal(first.Rows.Count + 1, (await File.ReadAllLinesAsync(first.ReportFile)).Length);
    }
}
