using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing;

/// <summary>Reads what lists show, straight from the database, newest first.</summary>
public static class ListingReader
{
    private static IQueryable<Article> Live(GovPortalDbContext db) =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.Url != null);

    private static IQueryable<ArticleListing> Project(IQueryable<Article> articles) =>
        articles
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new ArticleListing(a.Id, a.ChannelId, a.Title, a.PublishedAtUtc, a.Url!, a.Summary, a.UpdatedAtUtc));

    public static Task<List<ArticleListing>> OwnListAsync(GovPortalDbContext db, int channelId, CancellationToken ct = default) =>
        Project(Live(db).Where(a => a.ChannelId == channelId)).ToListAsync(ct);

    public static Task<List<ArticleListing>> SubtreeNewestAsync(GovPortalDbContext db, ChannelTree tree, int channelId, int count, CancellationToken ct = default)
    {
        var subtree = tree.SubtreeOf(channelId).ToList();
        var query = subtree.Count == 1 ? Live(db).Where(a => a.ChannelId == channelId) : Live(db).Where(a => subtree.Contains(a.ChannelId));
        return Project(query).Take(count).ToListAsync(ct);
    }

    /// <summary>Every live article, newest first, for a full rebuild.</summary>
    public static Task<List<ArticleListing>> AllAsync(GovPortalDbContext db, CancellationToken ct = default) =>
        Project(Live(db)).ToListAsync(ct);

    /// <summary>The snapshot the planner needs around an article that is (or was) in <paramref name="channelIds"/>.</summary>
    public static async Task<ListingSnapshot> SnapshotAsync(GovPortalDbContext db, ChannelTree tree, int articleId, IReadOnlyCollection<int> channelIds, CancellationToken ct = default)
    {
        var published = await Live(db).AnyAsync(a => a.Id == articleId, ct);
        var own = new Dictionary<int, IReadOnlyList<ArticleListing>>();
        foreach (var channelId in channelIds)
            own[channelId] = await OwnListAsync(db, channelId, ct);

        var chain = channelIds.SelectMany(id => tree.AncestorsAndSelf(id)).Select(c => c.Id).Distinct();
        var newest = new Dictionary<int, IReadOnlyList<ArticleListing>>();
        foreach (var channelId in chain)
            newest[channelId] = await SubtreeNewestAsync(db, tree, channelId, SiteLayoutRules.FeedSize, ct);

        return new ListingSnapshot(published, own, newest);
    }
}
