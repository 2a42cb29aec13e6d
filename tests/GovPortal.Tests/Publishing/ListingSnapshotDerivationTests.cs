using GovPortal.Content;
using GovPortal.Publishing;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Publishing;

/// <summary>The listings the publisher derives after a change are exactly what reading the database gives.</summary>
public sealed class ListingSnapshotDerivationTests
{
    public static TheoryData<string> Changes => new() { "retitle-newest", "retitle-old", "backdate-newest",
        "bring-old-to-top", "withdraw-newest", "withdraw-old", "move", "publish-new" };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Derived_listings_equal_a_fresh_read(string change)
    {
        await using var portal = await RunningPortal.StartAsync();
        await using var db = portal.Settings.Database.CreateContext();
        var tree = new ChannelTree(await db.Channels.AsNoTracking().ToListAsync());
        var headlines = (await portal.ChannelAsync("xcyw")).Id;
        var departments = (await portal.ChannelAsync("bmdt")).Id;
        var own = await ListingReader.OwnListAsync(db, headlines);
        var targetId = change.EndsWith("old") || change == "bring-old-to-top" ? own[^1].Id : own[0].Id;
        var article = await db.Articles.SingleAsync(a => a.Id == targetId);
        if (change == "publish-new")
        {
            article = new Article { SiteId = 1, ChannelId = headlines, Title = "新文章", Status = ArticleStatus.Draft,
                PublishedAtUtc = DateTime.UtcNow };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
        }
        int[] channels = change == "move" ? [headlines, departments] : [headlines];
        var before = await ListingReader.SnapshotAsync(db, tree, article.Id, channels);

        switch (change)
        {
            case "retitle-newest" or "retitle-old": article.Title += "（修订）"; break;
            case "backdate-newest": article.PublishedAtUtc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc); break;
            case "bring-old-to-top": article.PublishedAtUtc =
                new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc); break;
            case "withdraw-newest" or "withdraw-old": article.Status = ArticleStatus.Withdrawn; break;
            case "move": article.ChannelId = departments; break;
            case "publish-new":
                article.Status = ArticleStatus.Published;
                article.Url = ArticleUrls.Create(tree.PathOf(headlines), article.Id, article.PublishedAtUtc);
                break;
        }
        article.UpdatedAtUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await db.SaveChangesAsync();
        var actual = await ListingReader.SnapshotAsync(db, tree, article.Id, channels);

        var changed = article.Status == ArticleStatus.Published
            ? new ArticleListing(article.Id, article.ChannelId, article.Title, article.PublishedAtUtc, article.Url!,
                article.Summary, article.UpdatedAtUtc)
            : null;
        var (derived, unknown) = ListingSnapshotDerivation.Derive(before, article.Id, changed,
            (channel, descendant) => tree.AncestorsAndSelf(descendant).Any(c => c.Id == channel));

        Assert.Equal(actual.ArticlePublished, derived.ArticlePublished);
        foreach (var (channelId, list) in actual.OwnLists)
            Assert.Equal(list, derived.OwnLists[channelId]);
        foreach (var (channelId, list) in actual.SubtreeNewest)
            if (!unknown.Contains(channelId)) Assert.Equal(list, derived.SubtreeNewest[channelId]);
        if (change.StartsWith("retitle")) Assert.Empty(unknown); // the common case needs no second read
    }
}
