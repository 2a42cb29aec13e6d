using GovPortal.Content;
using GovPortal.Publishing;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// A full rebuild reads summaries only for the articles whose summary one of its pages shows: every feed and every
/// list of a channel that shows summaries is the same as with every summary read.
/// </summary>
public sealed class FullRebuildSummariesTests
{
    private const int News = 10, Headlines = 1, Departments = 3, Notices = 2;

    private static readonly ChannelTree Tree = new([
        new Channel { Id = News, SiteId = 1, Name = "新闻中心", Slug = "xwzx" },
        new Channel { Id = Headlines, SiteId = 1, ParentId = News, Name = "政务要闻", Slug = "zwyw" },
        new Channel { Id = Departments, SiteId = 1, ParentId = News, Name = "部门动态", Slug = "bmdt" },
        new Channel { Id = Notices, SiteId = 1, Name = "通知公告", Slug = "tzgg", ListStyle = ListStyle.Summaries }]);

    // 90 articles over three channels, newest first, a few pinned; old ones listed in other channels too.
    private static List<ArticleListing> Listings()
    {
        var listings = Enumerable.Range(1, 90).Select(id =>
        {
            var published = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(id * 7);
            var channel = (id % 3) switch { 0 => Headlines, 1 => Departments, _ => Notices };
            return new ArticleListing(id, channel, $"标题{id}", published, $"/a/{id}.html", $"第{id}篇的摘要",
                published, Pinned: id % 17 == 0);
        }).ToList();
        listings.Sort(ArticleListing.ListOrder);
        return listings;
    }

    private static readonly AlsoListedIn[] AlsoListed =
    [
        new() { ArticleId = 4, ChannelId = Notices }, // an old 部门动态 article, deep in 通知公告's list
        new() { ArticleId = 88, ChannelId = Headlines }, // a new 部门动态 article, at the top of 政务要闻
        new() { ArticleId = 6, ChannelId = Departments },
    ];

    [Fact]
    public async Task Every_feed_and_every_summary_list_is_the_same_as_with_every_summary_read()
    {
        var listings = Listings();
        var shown = FullRebuildSummaries.Shown(listings, Tree, AlsoListed);
        var shownIndexes = shown.Values.ToHashSet();
        var trimmed = listings.Select((a, i) => shownIndexes.Contains(i) ? a : a with { Summary = "" }).ToList();
        var everySummary = new InMemoryListingSource(Tree, listings, alsoListed: AlsoListed);
        var someSummaries = new InMemoryListingSource(Tree, trimmed, alsoListed: AlsoListed);

        foreach (var channel in new[] { News, Headlines, Departments, Notices })
        {
            const int feed = SiteLayoutRules.FeedSize;
            Assert.Equal((await everySummary.SubtreeNewestAsync(channel, feed)).Select(a => a.FeedFace),
                (await someSummaries.SubtreeNewestAsync(channel, feed)).Select(a => a.FeedFace));
            var style = Tree[channel].ListStyle;
            Assert.Equal((await everySummary.OwnListAsync(channel)).Select(a => a.FaceIn(style)),
                (await someSummaries.OwnListAsync(channel)).Select(a => a.FaceIn(style)));
        }
        // 通知公告 shows them all, the deep article listed in it from 部门动态 too; the others only their first.
        Assert.Contains(4, shown.Keys);
        Assert.All(listings.Where(a => a.ChannelId == Notices), a => Assert.Contains(a.Id, shown.Keys));
        // Nor is an old article of a list without summaries, and no feed reaches it.
        Assert.DoesNotContain(3, shown.Keys);
        Assert.True(shown.Count < listings.Count);
        Assert.All(shown, pair => Assert.Equal(pair.Key, listings[pair.Value].Id));
    }
}
