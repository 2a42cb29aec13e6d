using GovPortal.Content.Disclosure;
using GovPortal.Content.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data.Disclosure;

/// <summary>
/// 统一信息资源库: the platform's organisations and 主题分类 / 体裁分类 are the first site's lists, kept once by its
/// administrators. Every other site holds a copy of each entry (<c>PlatformId</c> naming the original), brought in
/// step here, and its own entries beside them. Copies rather than shared rows: a site's documents, letters and
/// catalogue refer to rows of their own site only, so the site filter and every existing query stay as they are.
/// </summary>
public static class PlatformLists
{
    /// <summary>
    /// Brings every other site's copies in step with the first site's lists: new entries copied (or an own entry of
    /// the same name taken as the copy), changed ones changed, and a copy whose original is gone kept as the site's
    /// own, inactive (content may name it). Returns the codes of the sites whose lists changed.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SyncAsync(GovPortalDbContext db,
        CancellationToken cancellationToken = default)
    {
        using var everySite = SiteScope.Leave();
        var sites = await db.Sites.OrderBy(s => s.Id).Select(s => new { s.Id, s.Code })
            .ToListAsync(cancellationToken);
        if (sites.Count < 2) return [];
        var first = sites[0].Id;
        await DisclosureLists.EnsureDefaultsAsync(db, first, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.SiteId == first)
            .ToListAsync(cancellationToken);
        var classifications = await db.Classifications.AsNoTracking().Where(c => c.SiteId == first)
            .ToListAsync(cancellationToken);
        var changed = new List<string>();
        foreach (var site in sites.Skip(1))
        {
            await DisclosureLists.EnsureDefaultsAsync(db, site.Id, cancellationToken);
            var own = await db.Organisations.Where(o => o.SiteId == site.Id).ToListAsync(cancellationToken);
            var ownClasses = await db.Classifications.Where(c => c.SiteId == site.Id).ToListAsync(cancellationToken);
            var changes = SyncOrganisations(db, site.Id, organisations, own)
                + SyncClassifications(db, site.Id, classifications, ownClasses);
            if (changes == 0) continue;
            await db.SaveChangesAsync(cancellationToken);
            changed.Add(site.Code);
        }
        return changed;
    }

    private static int SyncOrganisations(GovPortalDbContext db, int siteId, List<Organisation> platform,
        List<Organisation> site)
    {
        var changes = 0;
        foreach (var original in platform)
        {
            var copy = site.FirstOrDefault(o => o.PlatformId == original.Id)
                ?? site.FirstOrDefault(o => o.PlatformId == null && o.Name == original.Name);
            if (copy is null)
            {
                copy = new Organisation
                {
                    SiteId = siteId, Name = original.Name, CreditCode = original.CreditCode, PlatformId = original.Id,
                };
                db.Organisations.Add(copy);
                site.Add(copy);
                changes++;
            }
            // A site's own entry that already has the name keeps it; the copy keeps its old one meanwhile.
            var name = site.Any(o => o != copy && o.Name == original.Name) ? copy.Name : original.Name;
            if ((copy.PlatformId, copy.Name, copy.CreditCode, copy.SortOrder, copy.Active)
                == (original.Id, name, original.CreditCode, original.SortOrder, original.Active)) continue;
            (copy.PlatformId, copy.Name, copy.CreditCode) = (original.Id, name, original.CreditCode);
            (copy.SortOrder, copy.Active) = (original.SortOrder, original.Active);
            changes++;
        }
        var kept = platform.Select(o => o.Id).ToHashSet();
        foreach (var orphan in site.Where(o => o.PlatformId is { } id && !kept.Contains(id)))
        {
            (orphan.PlatformId, orphan.Active) = (null, false);
            changes++;
        }
        return changes;
    }

    private static int SyncClassifications(GovPortalDbContext db, int siteId, List<Classification> platform,
        List<Classification> site)
    {
        var changes = 0;
        foreach (var original in platform)
        {
            // A genre the annual report counts is found by its role, whatever either site calls it.
            var copy = site.FirstOrDefault(c => c.PlatformId == original.Id)
                ?? site.FirstOrDefault(c => c.PlatformId == null && c.Scheme == original.Scheme
                    && (original.Role is not null ? c.Role == original.Role : c.Name == original.Name));
            if (copy is null)
            {
                copy = new Classification
                {
                    SiteId = siteId, Scheme = original.Scheme, Name = original.Name, PlatformId = original.Id,
                };
                db.Classifications.Add(copy);
                site.Add(copy);
                changes++;
            }
            var name = site.Any(c => c != copy && c.Scheme == original.Scheme && c.Name == original.Name)
                ? copy.Name : original.Name;
            if ((copy.PlatformId, copy.Name, copy.Role, copy.SortOrder, copy.Active)
                == (original.Id, name, original.Role, original.SortOrder, original.Active)) continue;
            (copy.PlatformId, copy.Name, copy.Role) = (original.Id, name, original.Role);
            (copy.SortOrder, copy.Active) = (original.SortOrder, original.Active);
            changes++;
        }
        var kept = platform.Select(c => c.Id).ToHashSet();
        foreach (var orphan in site.Where(c => c.PlatformId is { } id && !kept.Contains(id)))
        {
            (orphan.PlatformId, orphan.Active) = (null, false);
            changes++;
        }
        return changes;
    }
}
