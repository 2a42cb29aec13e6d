using System.Text;
using GovPortal.Content;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// A new article at the top of a long column: its page, the column's first list page, the feeds and the home page
/// at once, the deeper list pages right after; once they are written the output is a full publish's, byte for byte.
/// </summary>
public sealed class DeferredListPagesTests
{
    // The demo's 要闻 column has several list pages; deferring above one makes every new article there a long case.
    private static Task<RunningPortal> StartAsync(string? data = null) => RunningPortal.StartAsync(
        dataDirectory: data, configureServices: s => s.AddSingleton(new PublishOptions(DeferListPagesAbove: 1)));

    private static async Task<int> DraftAtTheTopAsync(RunningPortal portal, Channel channel, string title)
    {
        await using var db = portal.Settings.Database.CreateContext();
        var draft = new Article
        {
            SiteId = channel.SiteId, ChannelId = channel.Id, Title = title, Source = "区政府办公室",
            BodyHtml = "<p>正文。</p>", PublishedAtUtc = DateTime.UtcNow, Status = ArticleStatus.Draft,
        };
        db.Articles.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    [Fact]
    public async Task The_deeper_pages_follow_the_change_and_the_output_equals_a_full_publish()
    {
        await using var portal = await StartAsync();
        var channel = await portal.ChannelAsync("xcyw");
        var publisher = portal.Service<Publisher>();
        var id = await DraftAtTheTopAsync(portal, channel, "延后生成的列表页测试");

        var plan = await publisher.ApplyArticleChangeAsync(id, a => a.Status = ArticleStatus.Published);

        int pages;
        await using (var db = portal.Settings.Database.CreateContext())
            pages = SiteLayoutRules.PageCount(await db.Articles.CountAsync(a => a.ChannelId == channel.Id
                && a.Status == ArticleStatus.Published));
        Assert.True(pages >= 3, $"the column has {pages} pages");
        Assert.Equal(Enumerable.Range(2, pages - 1).Select(n => PageKey.ChannelList(channel.Id, n)).ToHashSet(),
            plan.Deferred);
        Assert.Contains(PageKey.ChannelList(channel.Id, 1), plan.Render);
        Assert.Contains(PageKey.Article(id), plan.Render);
        Assert.Contains(PageKey.Feed(channel.Id), plan.Render);
        Assert.DoesNotContain(plan.Render, k => k.Kind == PageKind.ChannelList && k.Id == channel.Id && k.Number > 1);
        // Live at once: the article and the column's first page, which lists it first.
        string url;
        await using (var db = portal.Settings.Database.CreateContext())
            url = (await db.Articles.SingleAsync(a => a.Id == id)).Url!;
        var first = Encoding.UTF8.GetString(
            await File.ReadAllBytesAsync(portal.Output.FullPathOf("xwzx/xcyw/index.html")));
        Assert.Contains(url, first);
        Assert.True(File.Exists(portal.Output.FullPathOf(url.TrimStart('/'))));

        await plan.DeferredDone.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.False(File.Exists(portal.Output.DeferredPagesFile));
        Assert.False(publisher.HasDeferredPages);
        var incremental = OutputSnapshot.Read(portal.Output);
        var hashes = OutputSnapshot.Hashes(portal.Service<Manifest>());

        var full = await publisher.PublishAllAsync();
        Assert.Empty(full.Failures);
        Assert.Equal(hashes, OutputSnapshot.Hashes(portal.Service<Manifest>()));
        var rebuilt = OutputSnapshot.Read(portal.Output);
        Assert.Equal(rebuilt.Keys.Order(StringComparer.Ordinal), incremental.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in rebuilt)
            Assert.True(bytes.AsSpan().SequenceEqual(incremental[path]), $"{path} differs from a full publish");
    }

    [Fact]
    public async Task Pages_left_waiting_by_a_stop_are_published_at_the_next_start()
    {
        using var data = new TempDirectory();
        int id;
        int channelId;
        await using (var portal = await StartAsync(data.Path))
        {
            var channel = await portal.ChannelAsync("xcyw");
            channelId = channel.Id;
            id = await DraftAtTheTopAsync(portal, channel, "停机前留下的列表页");
            // As a stop right after the change leaves it: the article live in the database and on its first page
            // only, the deeper pages named in the file and not yet written.
            await using (var db = portal.Settings.Database.CreateContext())
            {
                var article = await db.Articles.SingleAsync(a => a.Id == id);
                article.Status = ArticleStatus.Published;
                article.Url = ArticleUrls.Create("xwzx/xcyw", id, article.PublishedAtUtc);
                await db.SaveChangesAsync();
            }
            await portal.StopAsync();
            await File.WriteAllLinesAsync(portal.Output.DeferredPagesFile,
                [PageKey.ChannelList(channelId, 2).ToString(), PageKey.ChannelList(channelId, 3).ToString()]);
        }
        var secondOnDisk = "";
        await using (var portal = await StartAsync(data.Path))
        {
            var publisher = portal.Service<Publisher>();
            var waiting = portal.Output.DeferredPagesFile;
            for (var i = 0; i < 600 && (publisher.HasDeferredPages || File.Exists(waiting)); i++)
                await Task.Delay(100);
            Assert.False(File.Exists(portal.Output.DeferredPagesFile));
            secondOnDisk = await File.ReadAllTextAsync(portal.Output.FullPathOf("xwzx/xcyw/index_2.html"));
            // Page 2 now starts where the database's page 1 ends: with the article the new one pushed down.
            await using var db = portal.Settings.Database.CreateContext();
            var twentyFirst = await db.Articles.Where(a => a.ChannelId == channelId
                    && a.Status == ArticleStatus.Published)
                .InListOrder().Skip(SiteLayoutRules.ListPageSize).Select(a => a.Url).FirstAsync();
            Assert.Contains($"href=\"{twentyFirst}\"", secondOnDisk);
        }
    }

    [Fact]
    public async Task A_list_of_waiting_pages_that_cannot_be_read_never_stops_the_start()
    {
        using var data = new TempDirectory();
        await using (var portal = await StartAsync(data.Path))
        {
            await portal.StopAsync();
            await File.WriteAllTextAsync(portal.Output.DeferredPagesFile, "ChannelList:abc\n<script>\n");
        }
        await using (var portal = await StartAsync(data.Path))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await portal.Client.GetAsync("/")).StatusCode);
            Assert.False(File.Exists(portal.Output.DeferredPagesFile));
            // The site is made again in full at the next change or start instead.
            Assert.False(portal.Service<Publisher>().OutputIsCurrent);
        }
    }
}
