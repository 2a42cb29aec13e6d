using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Interaction.Letters;

/// <summary>
/// The mailboxes a site starts with (区长信箱, 12345 咨询, 投诉, 建议), written by code — never by a migration — when a
/// site has no mailbox at all. Once a site has one, its mailboxes are the administrators' to change: nothing here
/// adds, renames or reactivates anything again.
/// </summary>
public sealed class DefaultMailboxes
{
    /// <summary>The code of the 区长信箱 every site starts with (its address segment, <c>?mailbox=qzxx</c>).</summary>
    public const string DistrictHeadCode = "qzxx";

    /// <summary>The mailboxes, in the order citizens see them; deadlines are the model's defaults (5 and 10).</summary>
    public static IReadOnlyList<Mailbox> For(int siteId) =>
    [
        new()
        {
            SiteId = siteId, Code = DistrictHeadCode, Name = "区长信箱", SortOrder = 1,
            Description = "向区长反映情况、提出意见建议，由区长信箱办公室统一受理，转有关部门办理并答复。",
        },
        new()
        {
            SiteId = siteId, Code = "zx12345", Name = "12345咨询", SortOrder = 2,
            Description = "咨询政策规定、办事流程和公共服务等问题。",
        },
        new()
        {
            SiteId = siteId, Code = "ts", Name = "投诉信箱", SortOrder = 3,
            Description = "投诉行政机关及其工作人员的工作作风、服务态度和办事效率等问题。",
        },
        new()
        {
            SiteId = siteId, Code = "jy", Name = "建议信箱", SortOrder = 4,
            Description = "对本区经济社会发展和政府工作提出意见建议。",
        },
    ];

    /// <summary>Adds the default mailboxes to the site when it has none; true when it did.</summary>
    public async Task<bool> EnsureAsync(GovPortalDbContext db, int siteId, CancellationToken cancellationToken)
    {
        if (await db.Mailboxes.AnyAsync(m => m.SiteId == siteId, cancellationToken)) return false;
        db.Mailboxes.AddRange(For(siteId));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds the default mailboxes to every site that has none (at start, after the demo site is made).
    /// </summary>
    /// <returns>How many sites got them.</returns>
    public async Task<int> EnsureEverySiteAsync(GovPortalDbContext db, CancellationToken cancellationToken)
    {
        var siteIds = await db.Sites.Where(s => !db.Mailboxes.Any(m => m.SiteId == s.Id)).Select(s => s.Id)
            .ToListAsync(cancellationToken);
        foreach (var siteId in siteIds) await EnsureAsync(db, siteId, cancellationToken);
        return siteIds.Count;
    }
}
