using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing;

/// <summary>Reads what lists show, straight from the database, in <see cref="ListRank"/> order.</summary>
public static class ListingReader
{
    private static IQueryable<Article> Live(GovPortalDbContext db) =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.Url != null);

    private static IQueryable<ArticleListing> Project(IQueryable<Article> articles) =>
        articles.InListOrder()
            .Select(a => new ArticleListing(a.Id, a.ChannelId, a.Title, a.PublishedAtUtc, a.Url!, a.Summary,
                a.UpdatedAtUtc, a.Pinned, a.Weight, TitleLook.ClassOf(a.TitleColour, a.TitleBold), a.LinkUrl,
                    a.LeadImage));

    /// <summary>
    /// A channel's whole list, in list order, without summaries unless the channel's list shows them
    /// (<see cref="ListStyle.Summaries"/>): other list pages and sitemaps do not, and this list is read twice for
    /// every change (before and after).
    /// </summary>
    public static Task<List<ArticleListing>> OwnListAsync(GovPortalDbContext db, ChannelTree tree, int channelId,
        CancellationToken ct = default)
    {
        var summaries = KeepsSummaries(tree, channelId);
        return Live(db).Where(a => a.ChannelId == channelId).InListOrder()
            .Select(a => new ArticleListing(a.Id, a.ChannelId, a.Title, a.PublishedAtUtc, a.Url!,
                summaries ? a.Summary : "", a.UpdatedAtUtc, a.Pinned, a.Weight,
                TitleLook.ClassOf(a.TitleColour, a.TitleBold), a.LinkUrl, a.LeadImage))
            .ToListAsync(ct);
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
        foreach (var id in tree.SubtreeOf(channelId))
            merged.AddRange(await Project(Live(db).Where(a => a.ChannelId == id)).Take(count).ToListAsync(ct));
        merged.Sort(ArticleListing.ListOrder);
        return merged.Count > count ? merged.GetRange(0, count) : merged;
    }

    /// <summary>Every live article of a site, in list order, for a full rebuild.</summary>
    public static Task<List<ArticleListing>> AllAsync(GovPortalDbContext db, int siteId,
        CancellationToken ct = default) =>
        Project(Live(db).Where(a => a.SiteId == siteId)).ToListAsync(ct);

    /// <summary>
    /// The snapshot the planner needs around an article that is (or was) in <paramref name="channelIds"/>.
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
