using GovPortal.Content;
using GovPortal.Publishing;

namespace GovPortal.Tests.Publishing;

/// <summary>The lists a full rebuild holds in memory, and their release once the list pages are made.</summary>
public sealed class InMemoryListingSourceTests
{
    private static readonly ChannelTree Tree = new([
        new Channel { Id = 1, SiteId = 1, Name = "政务要闻", Slug = "zwyw" },
        new Channel { Id = 2, SiteId = 1, Name = "通知公告", Slug = "tzgg" }]);

    private static ArticleListing Listing(int id, int channelId, int day) =>
        new(id, channelId, $"标题{id}", new DateTime(2026, 11, day, 0, 0, 0, DateTimeKind.Utc), $"/a/{id}.html",
            "摘要", new DateTime(2026, 11, day, 0, 0, 0, DateTimeKind.Utc));

    private static InMemoryListingSource Source() =>
        new(Tree, [Listing(3, 1, 20), Listing(2, 2, 10), Listing(1, 1, 5)],
            alsoListed: [new AlsoListedIn { ArticleId = 1, ChannelId = 2 }]);

    [Fact]
    public async Task Each_channel_lists_its_own_articles_and_those_also_listed_in_it_in_list_order()
    {
        var source = Source();

        Assert.Equal([3, 1], (await source.OwnListAsync(1)).Select(a => a.Id));
        Assert.Equal([2, 1], (await source.OwnListAsync(2)).Select(a => a.Id));
        Assert.Empty(await source.OwnListAsync(99));
    }

    [Fact]
    public async Task Released_lists_are_never_answered_as_empty()
    {
        var source = Source();
        Assert.Equal(2, (await source.OwnListAsync(1)).Count);

        source.Release();

        // A page made after the release would silently show no articles; it fails, and is reported, instead.
        await Assert.ThrowsAsync<InvalidOperationException>(() => source.OwnListAsync(1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => source.SubtreeNewestAsync(1, 5));
    }
}
