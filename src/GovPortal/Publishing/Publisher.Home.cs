using GovPortal.Publishing.Rendering;

namespace GovPortal.Publishing;

// The home page alone, republished when its 首页布局 is published.
public sealed partial class Publisher
{
    /// <summary>Publishes the home page as the site's saved layout and newest articles show it now.</summary>
    public async Task PublishHomeAsync(CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            var renderer = new SiteRenderer(site, tree, new DatabaseListingSource(db, tree, site.Id), razor, assets,
                uploads, kinds);
            using var batch = store.BeginBatch();
            await renderer.RenderAsync(PageKey.Home, batch);
            batch.Commit([]);
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }
}
