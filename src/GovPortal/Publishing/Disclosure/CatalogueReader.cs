using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Data;
using GovPortal.Data.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing.Disclosure;

/// <summary>Reads the catalogue of a site's live 信息公开 documents for the publisher.</summary>
public static class CatalogueReader
{
    /// <summary>Every live document's row, newest first: what the catalogue's lists are made of.</summary>
    public static async Task<List<CatalogueRow>> RowsAsync(GovPortalDbContext db, int siteId,
        CancellationToken cancellationToken)
    {
        var rows = await db.Articles.AsNoTracking()
            .Where(a => a.SiteId == siteId && a.Kind == DocumentKind.Key && a.Status == ArticleStatus.Published
                && a.Url != null)
            .Select(a => new CatalogueRow(a.Id, a.Title, a.Url!, a.Disclosure.IndexNumber ?? "",
                a.Disclosure.DocumentNumber ?? "", a.Disclosure.ReleasedOn,
                a.Disclosure.Validity ?? DocumentValidity.Effective, a.Disclosure.TopicId,
                a.Disclosure.OrganisationId))
            .ToListAsync(cancellationToken);
        rows.Sort(CatalogueRow.NewestFirst);
        return rows;
    }

    /// <summary>
    /// The catalogue made of <paramref name="rows"/>: browsed by the active topics and organisations, and by any
    /// inactive one that still has documents listed (a document keeps its place when its list entry is retired).
    /// </summary>
    public static async Task<Catalogue> CatalogueAsync(GovPortalDbContext db, int siteId,
        IReadOnlyList<CatalogueRow> rows, CancellationToken cancellationToken)
    {
        var usedTopics = rows.Select(r => r.TopicId).OfType<int>().ToHashSet();
        var usedOrganisations = rows.Select(r => r.OrganisationId).OfType<int>().ToHashSet();
        var topics = (await DisclosureLists.ClassificationsAsync(db, siteId, ClassificationScheme.Topic,
                cancellationToken))
            .Where(t => t.Active || usedTopics.Contains(t.Id)).Select(t => new CatalogueGroup(t.Id, t.Name)).ToList();
        var organisations = (await DisclosureLists.OrganisationsAsync(db, siteId, cancellationToken))
            .Where(o => o.Active || usedOrganisations.Contains(o.Id))
            .Select(o => new CatalogueGroup(o.Id, o.Name)).ToList();
        return new Catalogue(rows, topics, organisations);
    }

    public static async Task<Catalogue> CatalogueAsync(GovPortalDbContext db, int siteId,
        CancellationToken cancellationToken) =>
        await CatalogueAsync(db, siteId, await RowsAsync(db, siteId, cancellationToken), cancellationToken);
}
