using GovPortal.Content;
using GovPortal.Publishing.Rendering;
using GovPortal.Search;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing;

public sealed partial class Publisher
{
    /// <summary>
    /// On a public node that follows a database replica: brings the site's own search index up to the articles whose
    /// pages a generation changed, read from the replica (which the node may read, never write). Each is indexed
    /// again while it is live and taken out otherwise, as the origin's publish did; an index that cannot be read is
    /// rebuilt whole. (Not one whose last change waits for its commit: that is the change before this one, committed
    /// within moments, and rebuilding for it would hold the node's following up for seconds.)
    /// </summary>
    /// <param name="rebuildIfBehind">At a node's start: an index a crash left behind a change is rebuilt too.</param>
    /// <returns>How many articles were indexed again or taken out.</returns>
    public async Task<int> FollowSearchIndexAsync(IReadOnlyCollection<int> articleIds,
        CancellationToken cancellationToken = default, bool rebuildIfBehind = false)
    {
        if (searchIndex.IsUnreadable || (rebuildIfBehind && searchIndex.NeedsRebuild))
            return await RebuildSearchIndexAsync(cancellationToken);
        if (articleIds.Count == 0) return 0;
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            return await FollowSearchIndexUnlockedAsync(articleIds, cancellationToken);
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    private async Task<int> FollowSearchIndexUnlockedAsync(IReadOnlyCollection<int> articleIds,
        CancellationToken cancellationToken)
    {
        {
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            var renderer = new SiteRenderer(site, tree, new InMemoryListingSource(tree, []), razor, assets, uploads,
                kinds);
            var live = await db.Articles
                .Where(a => a.SiteId == site.Id && articleIds.Contains(a.Id) && a.Status == ArticleStatus.Published
                            && a.Url != null)
                .Select(a => a.Id).ToListAsync(cancellationToken);
            var articles = live.Count == 0 ? [] : await LoadArticlesAsync(db, [.. live], cancellationToken);
            var info = SearchSiteInfo.From(renderer.Chrome, tree);
            searchIndex.BeginChange();
            foreach (var article in articles) searchIndex.Apply(article.Id, searchDocuments.From(article, tree), info);
            foreach (var gone in articleIds.Except(live)) searchIndex.Apply(gone, null, info);
            return articleIds.Count;
        }
    }
}
