using GovPortal.Content;
using GovPortal.Publishing;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Publishing;

/// <summary>One portal for every change: each case reads its own "before" first.</summary>
public sealed class DerivationPortalFixture : IAsyncLifetime
{
    public RunningPortal Portal { get; private set; } = null!;
    public async Task InitializeAsync() => Portal = await RunningPortal.StartAsync();
    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// <summary>The listings the publisher derives after a change are exactly what reading the database gives.</summary>
public sealed class ListingSnapshotDerivationTests(DerivationPortalFixture shared)
    : IClassFixture<DerivationPortalFixture>
{
    public static TheoryData<string> Changes => new() { "retitle-newest", "retitle-old", "backdate-newest",
        "bring-old-to-top", "withdraw-newest", "withdraw-old", "move", "publish-new", "pin-old", "unpin-top",
        "weigh-old", "colour-newest", "link-newest", "summarise-notice", "move-to-notices", "list-old-in-notices",
        "unlist-from-notices", "withdraw-listed" };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Derived_listings_equal_a_fresh_read(string change)
    {
        var portal = shared.Portal;
        await using var db = portal.Settings.Database.CreateContext();
        var tree = new ChannelTree(await db.Channels.AsNoTracking().ToListAsync());
        var headlines = (await portal.ChannelAsync("xcyw")).Id;
        var departments = (await portal.ChannelAsync("bmdt")).Id;
        // 通知公告 lists summaries: its own list carries them, before and after.
        var notices = (await portal.ChannelAsync("tzgg")).Id;
        Assert.True(ListingReader.KeepsSummaries(tree, notices));
        var own = await ListingReader.OwnListAsync(db, tree, change == "summarise-notice" ? notices : headlines);
        var targetId = change.EndsWith("old") || change == "bring-old-to-top" ? own[^1].Id : own[0].Id;
        var article = await db.Articles.Include(a => a.AlsoListedIn).SingleAsync(a => a.Id == targetId);
        if (change == "unpin-top")
        {
            article.Pinned = true;
            await db.SaveChangesAsync();
        }
        if (change is "unlist-from-notices" or "withdraw-listed"
            && article.AlsoListedIn.All(l => l.ChannelId != notices))
        {
            article.AlsoListedIn.Add(new AlsoListedIn { ArticleId = article.Id, ChannelId = notices });
            await db.SaveChangesAsync();
        }
        if (change == "publish-new")
        {
            article = new Article { SiteId = 1, ChannelId = headlines, Title = "新文章", Status = ArticleStatus.Draft,
                PublishedAtUtc = DateTime.UtcNow };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
        }
        int[] channels = change switch
        {
            "move" => [headlines, departments],
            "move-to-notices" or "list-old-in-notices" or "unlist-from-notices" or "withdraw-listed"
                => [headlines, notices],
            "summarise-notice" => [notices],
            _ => [headlines],
        };
        var before = await ListingReader.SnapshotAsync(db, tree, article.Id, channels);

        switch (change)
        {
            case "retitle-newest" or "retitle-old": article.Title += "（修订）"; break;
            case "backdate-newest": article.PublishedAtUtc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc); break;
            case "bring-old-to-top": article.PublishedAtUtc =
                new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc); break;
            case "withdraw-newest" or "withdraw-old": article.Status = ArticleStatus.Withdrawn; break;
            case "move": article.ChannelId = departments; break;
            case "pin-old": article.Pinned = true; break;
            case "unpin-top": article.Pinned = false; break;
            case "weigh-old": article.Weight = 7; break;
            case "colour-newest": (article.TitleColour, article.TitleBold) = ("red", true); break;
            case "link-newest": article.LinkUrl = "https://www.jiangsu.gov.cn/"; break;
            case "summarise-notice": article.Summary = "摘要已修订：请各单位按时报送。"; break;
            case "move-to-notices": (article.ChannelId, article.Summary) = (notices, "移入通知公告的摘要。"); break;
            case "list-old-in-notices":
                article.AlsoListedIn.Add(new AlsoListedIn { ArticleId = article.Id, ChannelId = notices });
                break;
            case "unlist-from-notices": article.AlsoListedIn.Clear(); break;
            case "withdraw-listed": article.Status = ArticleStatus.Withdrawn; break;
            case "publish-new":
                article.Status = ArticleStatus.Published;
                article.Url = ArticleUrls.Create(tree.PathOf(headlines), article.Id, article.PublishedAtUtc);
                break;
        }
        article.UpdatedAtUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await db.SaveChangesAsync();
        var actual = await ListingReader.SnapshotAsync(db, tree, article.Id, channels);

        var changed = article.Status == ArticleStatus.Published
            ? ArticleListing.Of(article, article.Summary)
            : null;
        var (derived, unknown) = ListingSnapshotDerivation.Derive(before, article.Id, changed,
            (channel, descendant) => tree.AncestorsAndSelf(descendant).Any(c => c.Id == channel),
            channel => ListingReader.KeepsSummaries(tree, channel),
            article.AlsoListedIn.Select(l => l.ChannelId).ToHashSet());

        if (change is "summarise-notice" or "move-to-notices")
            Assert.Contains(actual.OwnLists[notices], a => a.Id == article.Id && a.Summary == article.Summary);
        Assert.Equal(actual.ArticlePublished, derived.ArticlePublished);
        foreach (var (channelId, list) in actual.OwnLists)
            Assert.Equal(list, derived.OwnLists[channelId]);
        foreach (var (channelId, list) in actual.SubtreeNewest)
            if (!unknown.Contains(channelId)) Assert.Equal(list, derived.SubtreeNewest[channelId]);
        // The common case needs no second read.
        if (change.StartsWith("retitle") || change.StartsWith("colour") || change.StartsWith("link"))
            Assert.Empty(unknown);
    }
}
