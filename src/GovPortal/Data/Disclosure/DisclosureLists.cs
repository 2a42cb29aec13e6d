using GovPortal.Content.Disclosure;
using GovPortal.Content.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data.Disclosure;

/// <summary>
/// A site's 信息公开 lists as everything else reads them: organisations and the 主题分类 / 体裁分类 lists, in their
/// order. A site without a classification list gets the default one (<see cref="DisclosureDefaults"/>) the first time
/// it is read, written here by code, so every site has lists to choose from without a data migration.
/// </summary>
public static class DisclosureLists
{
    public static Task<List<Organisation>> OrganisationsAsync(GovPortalDbContext db, int siteId,
        CancellationToken cancellationToken = default) =>
        db.Organisations.AsNoTracking().Where(o => o.SiteId == siteId)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id).ToListAsync(cancellationToken);

    /// <summary>The site's list of <paramref name="scheme"/>, written from the defaults first if it has none.</summary>
    public static async Task<List<Classification>> ClassificationsAsync(GovPortalDbContext db, int siteId,
        ClassificationScheme scheme, CancellationToken cancellationToken = default)
    {
        await EnsureDefaultsAsync(db, siteId, cancellationToken);
        return await db.Classifications.AsNoTracking().Where(c => c.SiteId == siteId && c.Scheme == scheme)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Both classification lists of the site, by id (names for pages, whatever their state).</summary>
    public static async Task<Dictionary<int, Classification>> ClassificationsByIdAsync(GovPortalDbContext db,
        int siteId, CancellationToken cancellationToken = default)
    {
        await EnsureDefaultsAsync(db, siteId, cancellationToken);
        return await db.Classifications.AsNoTracking().Where(c => c.SiteId == siteId)
            .ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    /// <summary>Writes the default 主题分类 and 体裁分类 lists for a site that has no entries of a scheme.</summary>
    public static async Task EnsureDefaultsAsync(GovPortalDbContext db, int siteId,
        CancellationToken cancellationToken = default)
    {
        var present = await db.Classifications.Where(c => c.SiteId == siteId).Select(c => c.Scheme).Distinct()
            .ToListAsync(cancellationToken);
        var added = new List<Classification>();
        if (!present.Contains(ClassificationScheme.Topic))
            added.AddRange(DisclosureDefaults.Topics.Select((name, i) => new Classification
            {
                SiteId = siteId, Scheme = ClassificationScheme.Topic, Name = name, SortOrder = i + 1,
            }));
        if (!present.Contains(ClassificationScheme.Genre))
            added.AddRange(DisclosureDefaults.Genres.Select((genre, i) => new Classification
            {
                SiteId = siteId, Scheme = ClassificationScheme.Genre, Name = genre.Name, Role = genre.Role,
                SortOrder = i + 1,
            }));
        if (added.Count == 0) return;
        db.Classifications.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request wrote the defaults at the same moment (the unique names refused ours): theirs stand.
            foreach (var entry in added) db.Entry(entry).State = EntityState.Detached;
        }
    }
}
