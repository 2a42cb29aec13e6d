using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing;

// The site's statements (隐私声明 …): one page each, republished alone when its wording changes.
public sealed partial class Publisher
{
    /// <summary>Publishes the page of one statement as it is now saved (or its default wording).</summary>
    public async Task PublishStatementAsync(SiteStatementKind kind, CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            var renderer = new SiteRenderer(site, tree, new InMemoryListingSource(tree, []), razor, assets, uploads,
                kinds)
            {
                Statements = await StatementsOfAsync(db, site.Id, cancellationToken),
            };
            using var batch = store.BeginBatch();
            await renderer.RenderAsync(PageKey.Statement(kind), batch);
            batch.Commit([]);
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyDictionary<string, SiteStatement>> StatementsOfAsync(GovPortalDbContext db,
        int siteId, CancellationToken cancellationToken) =>
        await db.SiteStatements.AsNoTracking().Where(s => s.SiteId == siteId)
            .ToDictionaryAsync(s => s.Key, cancellationToken);
}
