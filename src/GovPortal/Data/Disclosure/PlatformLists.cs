using GovPortal.Content.Disclosure;
using GovPortal.Content.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

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
    /// <param name="logger">Where a site that could not be brought in step this time is named.</param>
    public static async Task<IReadOnlyList<string>> SyncAsync(GovPortalDbContext db, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        // One sync at a time in this process: two at once would both add the same copy.
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await SyncEverySiteAsync(db, logger, cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private static async Task<IReadOnlyList<string>> SyncEverySiteAsync(GovPortalDbContext db, ILogger? logger,
        CancellationToken cancellationToken)
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
        // The other sites take the platform's lists instead of the built-in defaults (no duplicates of either).
        foreach (var site in sites.Skip(1))
        {
            try
            {
                var own = await db.Organisations.Where(o => o.SiteId == site.Id).ToListAsync(cancellationToken);
                var ownClasses = await db.Classifications.Where(c => c.SiteId == site.Id)
                    .ToListAsync(cancellationToken);
                var changes = await SyncOrganisationsAsync(db, site.Id, organisations, own, cancellationToken)
                    + await SyncClassificationsAsync(db, site.Id, classifications, ownClasses, cancellationToken);
                if (changes > 0) changed.Add(site.Code);
            }
            catch (DbUpdateException e)
            {
                // A site's list that refuses a copy (another process syncing at the same moment) never stops the
                // others, nor the portal's start: the next sync brings it in step.
                db.ChangeTracker.Clear();
                logger?.LogWarning(e, "The platform's lists could not be copied to site {Site}; the next sync tries " +
                    "again", site.Code);
                changed.Add(site.Code);
            }
        }
        return changed;
    }

    // Each change is saved alone, so that names moving between entries never meet in one statement.
    private static async Task<int> SyncOrganisationsAsync(GovPortalDbContext db, int siteId,
        List<Organisation> platform, List<Organisation> site, CancellationToken cancellationToken)
    {
        var changes = 0;
        foreach (var original in platform)
        {
            var copy = site.FirstOrDefault(o => o.PlatformId == original.Id)
                ?? site.FirstOrDefault(o => o.PlatformId == null && o.Name == original.Name);
            var name = FreeName(original.Name, original.Id, site.Where(o => o != copy).Select(o => o.Name));
            if (copy is null)
            {
                copy = new Organisation
                {
                    SiteId = siteId, Name = name, CreditCode = original.CreditCode, PlatformId = original.Id,
                };
                db.Organisations.Add(copy);
                site.Add(copy);
            }
            else if ((copy.PlatformId, copy.Name, copy.CreditCode, copy.SortOrder, copy.Active)
                     == (original.Id, name, original.CreditCode, original.SortOrder, original.Active)) continue;
            (copy.PlatformId, copy.Name, copy.CreditCode) = (original.Id, name, original.CreditCode);
            (copy.SortOrder, copy.Active) = (original.SortOrder, original.Active);
            await db.SaveChangesAsync(cancellationToken);
            changes++;
        }
        var kept = platform.Select(o => o.Id).ToHashSet();
        foreach (var orphan in site.Where(o => o.PlatformId is { } id && !kept.Contains(id)))
        {
            (orphan.PlatformId, orphan.Active) = (null, false);
            await db.SaveChangesAsync(cancellationToken);
            changes++;
        }
        return changes;
    }

    private static async Task<int> SyncClassificationsAsync(GovPortalDbContext db, int siteId,
        List<Classification> platform, List<Classification> site, CancellationToken cancellationToken)
    {
        var changes = 0;
        foreach (var original in platform)
        {
            // A genre the annual report counts is found by its role, whatever either site calls it.
            var copy = site.FirstOrDefault(c => c.PlatformId == original.Id)
                ?? site.FirstOrDefault(c => c.PlatformId == null && c.Scheme == original.Scheme
                    && (original.Role is not null ? c.Role == original.Role : c.Name == original.Name));
            var name = FreeName(original.Name, original.Id,
                site.Where(c => c != copy && c.Scheme == original.Scheme).Select(c => c.Name));
            if (copy is null)
            {
                copy = new Classification
                {
                    SiteId = siteId, Scheme = original.Scheme, Name = name, PlatformId = original.Id,
                };
                db.Classifications.Add(copy);
                site.Add(copy);
            }
            else if ((copy.PlatformId, copy.Name, copy.Role, copy.SortOrder, copy.Active)
                     == (original.Id, name, original.Role, original.SortOrder, original.Active)) continue;
            (copy.PlatformId, copy.Name, copy.Role) = (original.Id, name, original.Role);
            (copy.SortOrder, copy.Active) = (original.SortOrder, original.Active);
            await db.SaveChangesAsync(cancellationToken);
            changes++;
        }
        var kept = platform.Select(c => c.Id).ToHashSet();
        foreach (var orphan in site.Where(c => c.PlatformId is { } id && !kept.Contains(id)))
        {
            (orphan.PlatformId, orphan.Active) = (null, false);
            await db.SaveChangesAsync(cancellationToken);
            changes++;
        }
        return changes;
    }

    /// <summary>
    /// The platform's name, unless another entry of the site has it (the site's own, or a copy whose original was
    /// renamed away from it and is not yet in step): then marked as the platform's, so no two entries share a name.
    /// A later sync gives the copy the plain name once it is free.
    /// </summary>
    private static string FreeName(string wanted, int platformId, IEnumerable<string> taken)
    {
        var names = taken.ToHashSet(StringComparer.Ordinal);
        if (!names.Contains(wanted)) return wanted;
        var marked = $"{wanted}（平台）";
        return names.Contains(marked) ? $"{wanted}（平台{platformId}）" : marked;
    }
}
