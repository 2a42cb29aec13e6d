using System.Security.Cryptography;
using GovPortal.Content;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Search;
using GovPortal.Tests.Search;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// A full rebuild on real files: the manifest accounts for every byte, and a crash leaves whole pages.
/// </summary>
public sealed class FullPublishTests
{
    [Fact]
    public async Task Every_published_file_is_in_the_manifest_with_its_sha256_and_size()
    {
        await using var portal = await RunningPortal.StartAsync();
        var manifest = portal.Service<Manifest>();
        var files = OutputSnapshot.Read(portal.Output);

        Assert.Equal(files.Keys.Order(), manifest.Entries.Select(e => e.Path).Order());
        foreach (var entry in manifest.Entries)
        {
            Assert.Equal(entry.Size, files[entry.Path].Length);
            Assert.Equal(entry.Sha256, Convert.ToHexStringLower(SHA256.HashData(files[entry.Path])));
        }

        // The manifest on disk says the same as the one in memory (a public node loads it from there).
        var reopened = Manifest.Open(portal.Output.ManifestFile);
        Assert.Equal(OutputSnapshot.Hashes(manifest), OutputSnapshot.Hashes(reopened));
    }

    [Fact]
    public async Task Republishing_an_unchanged_site_rewrites_nothing()
    {
        await using var portal = await RunningPortal.StartAsync();
        var result = await portal.Service<Publisher>().PublishAllAsync();
        Assert.Equal(0, result.FilesWritten);
        Assert.True(result.Pages > 100);
    }

    [Fact]
    public async Task A_site_of_more_articles_than_one_read_holds_is_published_and_indexed_whole()
    {
        // Articles are read 500 at a time, the next read under way while the last one renders: 1,201 new ones span
        // three reads and a lone article at the end.
        await using var portal = await RunningPortal.StartAsync();
        const int added = 1_201;
        await using (var db = portal.Settings.Database.CreateContext())
        {
            var site = await db.Sites.SingleAsync();
            var channel = await db.Channels.FirstAsync(c => c.SiteId == site.Id && c.ParentId != null);
            var now = DateTime.UtcNow;
            db.Articles.AddRange(Enumerable.Range(1, added).Select(i => new Article
            {
                SiteId = site.Id, ChannelId = channel.Id, Title = $"分批读取测试稿件第{i}篇", BodyHtml = $"<p>第{i}篇。</p>",
                Status = ArticleStatus.Published, PublishedAtUtc = now.AddMinutes(-i), UpdatedAtUtc = now,
            }));
            await db.SaveChangesAsync();
        }

        var result = await portal.Service<Publisher>().PublishAllAsync();

        await using (var db = portal.Settings.Database.CreateContext())
        {
            var live = await db.Articles.Where(a => a.Status == ArticleStatus.Published).Select(a => a.Url!)
                .ToListAsync();
            Assert.Equal(live.Count, result.Articles);
            var manifest = portal.Service<Manifest>();
            Assert.All(live, url => Assert.True(manifest.TryGet(url.TrimStart('/'), out _), $"{url} not published"));
        }
        Assert.Empty(result.Failures);
        using var search = new SiteSearch(portal.Output, TimeProvider.System, NullLogger<SiteSearch>.Instance);
        var found = search.Search(SearchIndexTests.Request("分批读取测试稿件"));
        Assert.Equal(added, found.Total);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(57)]
    [InlineData(300)]
    public async Task A_publish_that_fails_midway_leaves_the_last_good_site_whole(int crashAfterFiles)
    {
        await using var portal = await RunningPortal.StartAsync();
        var oldSite = OutputSnapshot.Read(portal.Output);
        var oldManifest = OutputSnapshot.Hashes(portal.Service<Manifest>());

        await using (var db = portal.Settings.Database.CreateContext())
            await db.Articles.ExecuteUpdateAsync(set => set.SetProperty(a => a.Title, a => a.Title + "（修订）"));

        var store = portal.Service<OutputStore>();
        var written = 0;
        store.AfterFileCommitted = _ =>
        {
            if (Interlocked.Increment(ref written) == crashAfterFiles) throw new IOException("simulated crash");
        };
        await Assert.ThrowsAnyAsync<Exception>(() => portal.Service<Publisher>().PublishAllAsync());
        var crashedSite = OutputSnapshot.Read(portal.Output);
        // the manifest still describes the last good site
        Assert.Equal(oldManifest, OutputSnapshot.Hashes(portal.Service<Manifest>()));

        store.AfterFileCommitted = null;
        await portal.Service<Publisher>().PublishAllAsync();
        var newSite = OutputSnapshot.Read(portal.Output);

        // The failed batch was rolled back: every page is its old version, whole; nothing new was left behind.
        Assert.Equal(oldSite.Keys.Order(), crashedSite.Keys.Order());
        foreach (var (path, bytes) in crashedSite)
            Assert.True(oldSite[path].AsSpan().SequenceEqual(bytes), $"{path} is not the last good version");
        Assert.Contains(newSite, kv => !oldSite.TryGetValue(kv.Key, out var old)
            || !old.AsSpan().SequenceEqual(kv.Value));
        Assert.DoesNotContain(crashedSite.Keys, p => p.EndsWith(OutputStore.TemporarySuffix));
    }

    [Fact]
    public async Task Article_addresses_stay_fixed_when_channel_and_title_are_renamed()
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        await using (var db = portal.Settings.Database.CreateContext())
        {
            await db.Channels.Where(c => c.Slug == "xcyw")
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Slug, "yw").SetProperty(c => c.Name, "要闻"));
            await db.Articles.Where(a => a.Id == seed.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Title, "新的标题"));
        }
        await portal.Service<Publisher>().PublishAllAsync();

        var (status, page) = await portal.Client.GetDocumentAsync(seed.Url!);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("新的标题", page.QuerySelector("article h1").Text());
        Assert.Equal("/xwzx/yw/", page.QuerySelectorAll(".breadcrumb a").Last().GetAttribute("href"));
        using var oldList = await portal.Client.GetAsync("/xwzx/xcyw/");
        // list pages follow the channel; articles do not move
        Assert.Equal(System.Net.HttpStatusCode.NotFound, oldList.StatusCode);
    }

    [Fact]
    public async Task A_missing_attachment_stops_the_publish_with_a_message_in_chinese()
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        File.Delete(Path.Combine(portal.Settings.Paths.UploadsDirectory, seed.RelatedFiles.Single().StoredName));

        var error = await Assert.ThrowsAsync<PublishException>(() => portal.Service<Publisher>()
            .ApplyArticleChangeAsync(seed.Id, a => a.Title += "！"));
        Assert.Contains("相城区生态环境保护大会新闻稿.docx", error.Message);
        Assert.Contains("重新上传", error.Message);
    }
}
