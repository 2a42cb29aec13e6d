using System.Net;
using GovPortal.Content;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Publishing;

/// <summary>One article change re-renders exactly the planned pages on disk, and the public site shows it.</summary>
public sealed class IncrementalPublishTests
{
    /// <summary>Owners of the files whose bytes changed, appeared or vanished between two manifests.</summary>
    private static HashSet<PageKey> ChangedOwners(Dictionary<string, string> before, Manifest after,
        IEnumerable<ManifestEntry> beforeEntries)
    {
        var owners = new HashSet<PageKey>();
        var afterHashes = OutputSnapshot.Hashes(after);
        foreach (var entry in after.Entries)
            if (!before.TryGetValue(entry.Path, out var sha) || sha != entry.Sha256)
                owners.Add(PageKey.Parse(entry.Owner));
        foreach (var entry in beforeEntries.Where(e => !afterHashes.ContainsKey(e.Path)))
            owners.Add(PageKey.Parse(entry.Owner));
        return owners;
    }

    [Fact]
    public async Task Retitling_the_seed_article_changes_exactly_the_planned_pages()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var manifest = portal.Service<Manifest>();
        var seed = await portal.SeedArticleAsync();
        var before = OutputSnapshot.Hashes(manifest);
        var beforeEntries = manifest.Entries.ToList();
        var files = OutputSnapshot.Read(portal.Output);

        clock.Now = clock.Now.AddDays(1); // the edit happens a day after the site was created
        var plan =
            await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.Title = "相城区召开2023年生态环境保护大会");

        Assert.Equal(plan.Render, ChangedOwners(before, manifest, beforeEntries));
        Assert.Contains(PageKey.Article(seed.Id), plan.Render);
        Assert.Contains(PageKey.Sitemap(seed.ChannelId), plan.Render);
        Assert.Empty(plan.Remove);
        // Files of pages outside the plan are byte-for-byte untouched.
        var plannedOwners = plan.Render.Select(k => k.ToString()).ToHashSet();
        foreach (var entry in manifest.Entries.Where(e => !plannedOwners.Contains(e.Owner)))
            Assert.Equal(files[entry.Path],
                await File.ReadAllBytesAsync(portal.Output.FullPathOf(entry.Path)));

        var (_, page) = await portal.Client.GetDocumentAsync(seed.Url!);
        Assert.Equal("相城区召开2023年生态环境保护大会", page.QuerySelector("article h1").Text());
    }

    [Fact]
    public async Task Publishing_a_new_article_puts_it_on_the_home_page_list_feed_and_sitemap()
    {
        await using var portal = await RunningPortal.StartAsync();
        var channel = await portal.ChannelAsync("tzgg");
        int id;
        await using (var db = portal.Settings.Database.CreateContext())
        {
            var draft = new Article
            {
                SiteId = channel.SiteId, ChannelId = channel.Id, Title = "关于2024年元旦假期安排的通知",
                Source = "区政府办公室", BodyHtml = "<p>元旦放假1天。</p>",
                PublishedAtUtc = ChinaTime.ToUtc(2023, 12, 28, 9, 30), Status = ArticleStatus.Draft,
            };
            db.Articles.Add(draft);
            await db.SaveChangesAsync();
            id = draft.Id;
        }
        var manifest = portal.Service<Manifest>();
        var before = OutputSnapshot.Hashes(manifest);
        var beforeEntries = manifest.Entries.ToList();

        var plan =
            await portal.Service<Publisher>().ApplyArticleChangeAsync(id, a => a.Status = ArticleStatus.Published);

        Assert.Equal(plan.Render, ChangedOwners(before, manifest, beforeEntries));
        var url = $"/xwzx/tzgg/202312/t20231228_{id}.html";
        var (status, page) = await portal.Client.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2023-12-28 09:30", page.QuerySelector(".article-meta time").Text());
        var (_, home) = await portal.Client.GetDocumentAsync("/");
        Assert.Contains(home.QuerySelectorAll(".channel-block a"), a => a.GetAttribute("href") == url);
        var (_, list) = await portal.Client.GetDocumentAsync("/xwzx/tzgg/");
        Assert.Equal(url, list.QuerySelector(".channel-list a")!.GetAttribute("href"));
        Assert.Contains(url, await portal.Client.GetStringAsync("/xwzx/tzgg/rss.xml"));
        Assert.Contains(url, await portal.Client.GetStringAsync("/xwzx/tzgg/sitemap.xml"));
    }

    [Fact]
    public async Task Withdrawing_removes_the_page_and_every_link_to_it()
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        var attachment = "/files/" + seed.RelatedFiles.Single().StoredName + ".docx";

        var plan =
            await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.Status = ArticleStatus.Withdrawn);

        Assert.Contains(PageKey.Article(seed.Id), plan.Remove);
        using var gone = await portal.Client.GetAsync(seed.Url);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode); // 撤稿: a notice, not "not found"
        Assert.Contains("此文章已撤稿", await gone.Content.ReadAsStringAsync());
        using var file = await portal.Client.GetAsync(attachment);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.False(File.Exists(Path.Combine(portal.Output.PublicDirectory, seed.Url!.TrimStart('/'))));
        foreach (var path in new[] { "/xwzx/xcyw/", "/xwzx/xcyw/index_2.html", "/xwzx/xcyw/index_3.html",
            "/xwzx/xcyw/index_4.html", "/xwzx/xcyw/sitemap.xml" })
        {
            using var response = await portal.Client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
                Assert.DoesNotContain(seed.Url, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("<p>会议召开。</p><p>一区二区三区视频在线观看,国产不卡AV在线</p>", "色情信息")]
    [InlineData("<p>区委书记沈志东出席会议。</p>", "严重表述错误")]
    public async Task Blocking_findings_stop_a_publish_and_nothing_changes(string body, string category)
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        var before = OutputSnapshot.Hashes(portal.Service<Manifest>());

        var error = await Assert.ThrowsAsync<PublishException>(() =>
            portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.BodyHtml = body));

        Assert.Contains("未发布", error.Message);
        Assert.Contains(category, error.Message);
        Assert.Equal(seed.BodyHtml, (await portal.SeedArticleAsync()).BodyHtml); // nothing saved
        Assert.Equal(before, OutputSnapshot.Hashes(portal.Service<Manifest>())); // nothing published
    }
}

/// <summary>
/// A change that is saved but cannot be rendered is never lost: the site catches up at the next publish.
/// </summary>
public sealed class FailedPublishRecoveryTests
{
    [Fact]
    public async Task A_saved_change_whose_pages_failed_is_published_by_the_next_change()
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        var store = portal.Service<OutputStore>();
        var publisher = portal.Service<Publisher>();
        store.AfterFileCommitted = _ => throw new IOException("disk full");
        await Assert.ThrowsAsync<IOException>(
            () => publisher.ApplyArticleChangeAsync(seed.Id, a => a.Title = "保存了但没发布出去的标题"));
        store.AfterFileCommitted = null;

        await using (var db = portal.Settings.Database.CreateContext())
            Assert.Equal("保存了但没发布出去的标题", (await db.Articles.FindAsync(seed.Id))!.Title); // saved
        Assert.DoesNotContain("保存了但没发布出去的标题", await portal.Client.GetStringAsync(seed.Url)); // the old page, whole
        Assert.False(publisher.OutputIsCurrent);

        var other = (await portal.ChannelAsync("zcwj")).Id;
        await using (var db = portal.Settings.Database.CreateContext())
        {
            var id = db.Articles.Where(a => a.ChannelId == other).Select(a => a.Id).First();
            await publisher.ApplyArticleChangeAsync(id, a => a.Summary += "。");
        }

        Assert.True(publisher.OutputIsCurrent);
        Assert.Contains("保存了但没发布出去的标题", await portal.Client.GetStringAsync(seed.Url));
        var lists = "";
        foreach (var page in new[] { "/xwzx/xcyw/", "/xwzx/xcyw/index_2.html", "/xwzx/xcyw/index_3.html",
            "/xwzx/xcyw/index_4.html" })
            lists += await portal.Client.GetStringAsync(page);
        Assert.Contains("保存了但没发布出去的标题", lists); // its list page caught up too
    }
}
