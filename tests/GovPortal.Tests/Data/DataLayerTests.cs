using System.Net;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Data.Demo;
using GovPortal.Publishing;
using GovPortal.PublicSite;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Data;

/// <summary>The same data-layer behaviour on the embedded SQLite database and on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class DataLayerTests(PostgresServer postgres)
{
    public static TheoryData<string> Databases => new() { "sqlite", "postgres" };

    private async Task<RunningPortal> StartAsync(string database) => database == "postgres"
        ? await RunningPortal.StartAsync(DatabaseOptions.Postgres(await postgres.CreateDatabaseAsync()))
        : await RunningPortal.StartAsync();

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task First_start_migrates_the_schema_creates_the_demo_site_and_publishes_it(string database)
    {
        await using var portal = await StartAsync(database);
        Assert.Equal(database == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
            portal.Settings.Database.Provider);

        await using (var db = portal.Settings.Database.CreateContext())
        {
            Assert.Contains("InitialCreate", string.Join(",", await db.Database.GetAppliedMigrationsAsync()));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal("苏州市相城区人民政府", (await db.Sites.SingleAsync()).Name);
            Assert.Equal(["新闻中心", "政策文件", "政府信息公开", "走进相城", "办事服务"], await db.Channels
                .Where(c => c.ParentId == null)
                .OrderBy(c => c.SortOrder)
                .Select(c => c.Name).ToListAsync());
            Assert.Equal(DemoSiteSeeder.GeneratedCounts.Values.Sum() + 1 + DemoDisclosureSeeder.ArticleCount
                + DemoChannelTypes.ArticleCount,
                await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published && a.Url != null));
            var seed = await db.Articles.Include(a => a.RelatedFiles).SingleAsync(a => a.Title == PortalData.SeedTitle);
            Assert.Equal("2023-10-12 19:13", ChinaTime.Format(seed.PublishedAtUtc));
            Assert.Single(seed.RelatedFiles);
        }

        var seedUrl = (await portal.SeedArticleAsync()).Url!;
        var (status, page) = await portal.Client.GetDocumentAsync(seedUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(PortalData.SeedTitle, page.QuerySelector("article h1").Text());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Lists_are_read_newest_first_and_parent_channels_read_their_subtree(string database)
    {
        await using var portal = await StartAsync(database);
        await using var db = portal.Settings.Database.CreateContext();
        var channels = new ChannelTree(await db.Channels.AsNoTracking().ToListAsync());
        var headlines = (await portal.ChannelAsync("xcyw")).Id;
        var news = (await portal.ChannelAsync("xwzx")).Id;

        var own = await ListingReader.OwnListAsync(db, channels, headlines);
        Assert.Equal(DemoSiteSeeder.GeneratedCounts["xcyw"] + 1, own.Count);
        Assert.Equal(own.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Select(a => a.Id),
            own.Select(a => a.Id));

        var subtree = await ListingReader.SubtreeNewestAsync(db, channels, news, 20);
        var everything = await ListingReader.AllAsync(db, (await db.Sites.SingleAsync()).Id, channels, []);
        var expected = everything.Where(a => channels.SubtreeOf(news).Contains(a.ChannelId)).Take(20).Select(a => a.Id);
        Assert.Equal(expected, subtree.Select(a => a.Id));
        Assert.All(subtree,
            a => Assert.Equal(DateTimeKind.Utc, DateTime.SpecifyKind(a.PublishedAtUtc, DateTimeKind.Utc).Kind));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Publish_times_keep_their_minute_in_china_standard_time(string database)
    {
        await using var portal = await StartAsync(database);
        var seed = await portal.SeedArticleAsync();
        var plan = await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id,
            a => a.PublishedAtUtc = ChinaTime.ToUtc(2023, 10, 12, 23, 59).AddSeconds(42));

        var reloaded = await portal.SeedArticleAsync();
        Assert.Equal("2023-10-12 23:59", ChinaTime.Format(reloaded.PublishedAtUtc));
        Assert.Equal(0, reloaded.PublishedAtUtc.Second);
        Assert.Equal(seed.Url, reloaded.Url); // the address was fixed at first publish
        Assert.Contains(PageKey.Article(seed.Id), plan.Render);
        var (_, page) = await portal.Client.GetDocumentAsync(seed.Url!);
        Assert.Contains("发布日期：2023-10-12 23:59", page.QuerySelector(".article-meta").Text());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task View_counts_reach_the_database(string database)
    {
        await using var portal = await StartAsync(database);
        var seed = await portal.SeedArticleAsync();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await portal.Client.PostAsync($"/api/hits/{seed.Id}", null)).StatusCode);
        Assert.Equal(3, await portal.Service<HitCounter>().FlushAsync());
        Assert.Equal(seed.HitCount + 3, (await portal.SeedArticleAsync()).HitCount);
    }
}
