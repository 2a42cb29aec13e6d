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
    /// again while it is live and taken out otherwise, as the origin's publish did; an index that is missing or was
    /// left behind is rebuilt whole.
    /// </summary>
    /// <returns>How many articles were indexed again or taken out.</returns>
    public async Task<int> FollowSearchIndexAsync(IReadOnlyCollection<int> articleIds,
        CancellationToken cancellationToken = default)
    {
        if (searchIndex.NeedsRebuild) return await RebuildSearchIndexAsync(cancellationToken);
        if (articleIds.Count == 0) return 0;
        await _oneAtATime.WaitAsync(cancellationToken);
        try
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
        finally
        {
            _oneAtATime.Release();
        }
    }
}
