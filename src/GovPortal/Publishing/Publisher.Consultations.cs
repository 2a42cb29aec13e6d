using GovPortal.Publishing.Consultations;
using GovPortal.Publishing.Rendering;

namespace GovPortal.Publishing;

// 意见征集's pages: what a change to one consultation touches, and the states the clock moves.
public sealed partial class Publisher
{
    /// <summary>
    /// Publishes what a change to consultations touches: the list (its rows show titles, periods and states) and the
    /// pages of <paramref name="consultationIds"/>, each with its state at this moment. Unchanged files are skipped by
    /// the batch, so republishing a page whose content is the same writes nothing.
    /// </summary>
    public async Task PublishConsultationsAsync(IReadOnlyCollection<int> consultationIds,
        CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            var renderer = new SiteRenderer(site, tree, new InMemoryListingSource(tree, []), razor, assets, uploads,
                kinds)
            {
                Consultations = await ConsultationReader.AllAsync(db, site.Id, time.GetUtcNow().UtcDateTime,
                    cancellationToken),
            };
            using var batch = store.BeginBatch();
            await renderer.RenderAsync(PageKey.ConsultationIndex, batch);
            foreach (var id in consultationIds.Distinct())
                await renderer.RenderAsync(PageKey.Consultation(id), batch);
            batch.Commit([]);
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }
}
