using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Platform;

/// <summary>
/// Removes every row of one site, children before what they point at, in the caller's transaction. The audit log
/// keeps its entries (it is append-only, and the deletion itself is one of them).
/// </summary>
public static class SiteDeletion
{
    public static async Task DeleteRowsAsync(GovPortalDbContext db, int siteId, CancellationToken cancellationToken)
    {
        using var everySite = SiteScope.Leave();
        var letters = db.Letters.Where(l => l.SiteId == siteId);
        await letters.ExecuteUpdateAsync(set => set.SetProperty(l => l.MergedIntoId, (int?)null), cancellationToken);
        await db.LetterAttachments.Where(a => letters.Any(l => l.Id == a.LetterId))
            .ExecuteDeleteAsync(cancellationToken);
        await letters.ExecuteDeleteAsync(cancellationToken);
        var consultations = db.Consultations.Where(c => c.SiteId == siteId);
        await db.ConsultationComments.Where(c => consultations.Any(k => k.Id == c.ConsultationId))
            .ExecuteDeleteAsync(cancellationToken);
        await consultations.ExecuteDeleteAsync(cancellationToken);
        await db.DisclosureApplications.Where(a => a.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.Mailboxes.Where(m => m.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);

        // 信息报送 sent by the site or to it: the other site's 采用数 lose what came from or went to this one.
        await db.Submissions.Where(s => s.FromSiteId == siteId || s.ToSiteId == siteId)
            .ExecuteDeleteAsync(cancellationToken);

        // Imported pages point at the site's articles.
        await db.ImportedPages.Where(i => i.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);

        // Revisions and articles point at the site's channels, organisations and classifications.
        await db.Revisions.Where(r => r.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.Articles.IgnoreQueryFilters().Where(a => a.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        var channels = db.Channels.Where(c => c.SiteId == siteId);
        await channels.ExecuteUpdateAsync(set => set.SetProperty(c => c.ParentId, (int?)null), cancellationToken);
        await channels.ExecuteDeleteAsync(cancellationToken);

        await db.Organisations.Where(o => o.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.Classifications.Where(c => c.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.IndexNumberCounters.Where(c => c.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.IssuedIndexNumbers.Where(i => i.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.AnnualReports.Where(r => r.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.ReceiptCounters.Where(c => c.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.RetiredAddresses.Where(r => r.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.SiteStatements.Where(s => s.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.HealthSnapshots.Where(s => s.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.SiteCalendarDays.Where(d => d.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        // Accounts take their roles, grants, sessions and duties with them.
        await db.Users.Where(u => u.SiteId == siteId).ExecuteDeleteAsync(cancellationToken);
        await db.Sites.Where(s => s.Id == siteId).ExecuteDeleteAsync(cancellationToken);
    }
}
