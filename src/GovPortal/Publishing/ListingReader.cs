using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing;

/// <summary>Reads what lists show, straight from the database, in <see cref="ListRank"/> order.</summary>
public static class ListingReader
{
    private static IQueryable<Article> Live(GovPortalDbContext db) =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.Url != null);

    private static IQueryable<ArticleListing> Project(IQueryable<Article> articles, bool summaries = true) =>
        articles.InListOrder()
            .Select(a => new ArticleListing(a.Id, a.ChannelId, a.Title, a.PublishedAtUtc, a.Url!,
                summaries ? a.Summary : "", a.UpdatedAtUtc, a.Pinned, a.Weight,
                TitleLook.ClassOf(a.TitleColour, a.TitleBold), a.LinkUrl, a.LeadImage));

    /// <summary>
    /// A channel's whole list, in list order, without summaries unless the channel's list shows them
    /// (<see cref="ListStyle.Summaries"/>): other list pages and sitemaps do not, and this list is read twice for
    /// every change (before and after).
    /// </summary>
    public static async Task<List<ArticleListing>> OwnListAsync(GovPortalDbContext db, ChannelTree tree,
        int channelId, CancellationToken ct = default)
    {
        var summaries = KeepsSummaries(tree, channelId);
        var own = await Project(Live(db).Where(a => a.ChannelId == channelId), summaries).ToListAsync(ct);
        var listed = await Project(ListedIn(db, channelId), summaries).ToListAsync(ct);
        return Merge(own, listed, int.MaxValue);
    }

    /// <summary>The live articles of other channels listed in <paramref name="channelId"/> too (同时列于).
    /// Read from the listing's channel index, then each article by its key: never a scan of all articles.</summary>
    private static IQueryable<Article> ListedIn(GovPortalDbContext db, int channelId) =>
        db.AlsoListedIn.Where(l => l.ChannelId == channelId)
            .Join(Live(db), l => l.ArticleId, a => a.Id, (_, a) => a);

    /// <summary>Two lists in list order as one, each article once, at most <paramref name="count"/> long.</summary>
    private static List<ArticleListing> Merge(List<ArticleListing> list, List<ArticleListing> more, int count)
    {
        if (more.Count == 0) return list.Count > count ? list.GetRange(0, count) : list;
        var merged = list.Concat(more).DistinctBy(a => a.Id).ToList();
        merged.Sort(ArticleListing.ListOrder);
        return merged.Count > count ? merged.GetRange(0, count) : merged;
    }

    /// <summary>Whether a channel's own list carries summaries: only when its list pages show them.</summary>
    public static bool KeepsSummaries(ChannelTree tree, int channelId) =>
        tree.Contains(channelId) && tree[channelId].ListStyle == ListStyle.Summaries;

    /// <summary>
    /// The first articles (in list order) of a channel and its descendants. Each channel is read on its own index
    /// (in list order, limited), then merged: one query over several channels would have to sort them all.
    /// </summary>
    public static async Task<List<ArticleListing>> SubtreeNewestAsync(GovPortalDbContext db, ChannelTree tree,
        int channelId, int count, CancellationToken ct = default)
    {
        var merged = new List<ArticleListing>();
        var subtree = tree.SubtreeOf(channelId).ToList();
        foreach (var id in subtree)
            merged.AddRange(await Project(Live(db).Where(a => a.ChannelId == id)).Take(count).ToListAsync(ct));
        merged.Sort(ArticleListing.ListOrder);
        // Articles listed in the subtree from elsewhere: one look in the index first, since most subtrees have none.
        var listed = new List<ArticleListing>();
        if (await db.AlsoListedIn.AnyAsync(l => subtree.Contains(l.ChannelId), ct))
            foreach (var id in subtree)
                listed.AddRange(await Project(ListedIn(db, id)).Take(count).ToListAsync(ct));
        return Merge(merged, listed, count);
    }

    /// <summary>Every 同时列于 of a site's live articles, for a full rebuild.</summary>
    public static Task<List<AlsoListedIn>> AlsoListedAsync(GovPortalDbContext db, int siteId,
        CancellationToken ct = default) =>
        db.AlsoListedIn.AsNoTracking()
            .Where(l => Live(db).Any(a => a.Id == l.ArticleId && a.SiteId == siteId))
            .ToListAsync(ct);

    /// <summary>
    /// Every live article of a site, in list order, for a full rebuild; with its summary only where a page of the
    /// rebuild shows it (<see cref="FullRebuildSummaries"/>): every listing is held until the list pages are made,
    /// and a million generated articles' summaries took a fifth of that phase's peak.
    /// </summary>
    /// <param name="alsoListed">The live articles' 同时列于 (<see cref="AlsoListedAsync"/>).</param>
    public static async Task<List<ArticleListing>> AllAsync(GovPortalDbContext db, int siteId, ChannelTree tree,
        IReadOnlyCollection<AlsoListedIn> alsoListed, CancellationToken ct = default)
    {
        var listings = await Project(Live(db).Where(a => a.SiteId == siteId), summaries: false).ToListAsync(ct);
        var shown = FullRebuildSummaries.Shown(listings, tree, alsoListed);
        foreach (var ids in shown.Keys.Chunk(500))
        {
            var summaries = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Summary }).ToListAsync(ct);
            foreach (var article in summaries)
            {
                var index = shown[article.Id];
                listings[index] = listings[index] with { Summary = article.Summary };
            }
        }
        return listings;
    }

    /// <summary>
    /// The snapshot the planner needs around an article that is (or was) in <paramref name="channelIds"/>, its own
    /// channels and those it is listed in.
    /// </summary>
    public static async Task<ListingSnapshot> SnapshotAsync(GovPortalDbContext db, ChannelTree tree, int articleId,
        IReadOnlyCollection<int> channelIds, CancellationToken ct = default)
    {
        var published = await Live(db).AnyAsync(a => a.Id == articleId, ct);
        var own = new Dictionary<int, IReadOnlyList<ArticleListing>>();
        foreach (var channelId in channelIds)
            own[channelId] = await OwnListAsync(db, tree, channelId, ct);

        var chain = channelIds.SelectMany(id => tree.AncestorsAndSelf(id)).Select(c => c.Id).Distinct();
        var newest = new Dictionary<int, IReadOnlyList<ArticleListing>>();
        foreach (var channelId in chain)
            newest[channelId] = await SubtreeNewestAsync(db, tree, channelId, SiteLayoutRules.FeedSize, ct);

        return new ListingSnapshot(published, own, newest);
    }
}
