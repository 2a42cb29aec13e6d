using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing.Output;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing;

// The old site's addresses of imported articles (迁移): published with the pages, like the withdrawn list.
public sealed partial class Publisher
{
    /// <summary>
    /// Every old address of the site whose article has an address here (published, or withdrawn: the old link then
    /// leads to the 410 notice), with that address.
    /// </summary>
    private static async Task<byte[]> OldAddressListAsync(GovPortalDbContext db, int siteId,
        CancellationToken cancellationToken)
    {
        var entries = await db.ImportedPages.IgnoreQueryFilters()
            .Where(i => i.SiteId == siteId && i.Redirects)
            .Join(db.Articles.IgnoreQueryFilters().Where(a => a.Url != null), i => i.ArticleId, a => a.Id,
                (i, a) => new { i.OldPath, a.Url })
            .ToListAsync(cancellationToken);
        return OldAddressList.Format(entries.Select(e => (e.OldPath, e.Url!)));
    }

    /// <summary>Whether a change to <paramref name="article"/> may change the list: it was imported and just got
    /// its address.</summary>
    private static async Task<bool> OldAddressesMayChangeAsync(GovPortalDbContext db, Article article,
        bool hadAddress, CancellationToken cancellationToken) =>
        !hadAddress && article.Url is not null
        && await db.ImportedPages.IgnoreQueryFilters().AnyAsync(i => i.ArticleId == article.Id, cancellationToken);

    /// <summary>
    /// Publishes the old-address list alone, after an import that published nothing (its drafts have no address
    /// yet, but a page imported before may have).
    /// </summary>
    public async Task PublishOldAddressesAsync(CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            var (site, _) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            using var batch = store.BeginBatch();
            batch.Write(PageKey.OldAddressList, OutputLayout.OldAddressListFile,
                await OldAddressListAsync(db, site.Id, cancellationToken));
            batch.Commit([]);
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }
}
