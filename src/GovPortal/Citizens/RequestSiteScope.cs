using System.Collections.Concurrent;
using GovPortal.Data;
using GovPortal.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Citizens;

/// <summary>
/// A citizen's request that reaches the dynamic endpoints (an application, a letter, a comment, a look-up by receipt)
/// runs in the site its host names (<see cref="SiteScope"/>), so what is sent to 黄埭镇 is 黄埭镇's and a receipt of
/// one site is never found on another; a paused site answers that it is paused. Published files are served before
/// this and need no database.
/// </summary>
public static class RequestSiteScope
{
    public static void UseRequestSiteScope(this WebApplication app, PathString? backOfficePath)
    {
        // A site's code and row id never change; a site made later is looked up on its first request.
        var ids = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var sites = app.Services.GetRequiredService<PublicSites>();
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        app.Use(async (context, next) =>
        {
            if (backOfficePath is { } path && context.Request.Path.StartsWithSegments(path,
                    StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            // Nothing dynamic runs for a host no site answers to: a form sent there would belong to no site.
            if (sites.For(context) is not { } site)
            {
                await PublicSites.NoSuchSiteAsync(context);
                return;
            }
            // A paused site answers nothing but that it is paused: no search, no form, no look-up.
            if (sites.IsSuspended(site))
            {
                await PublicSites.SuspendedAsync(context);
                return;
            }
            if (!ids.TryGetValue(site.Code, out var id))
            {
                await using var db = database.CreateContext();
                var found = await db.Sites.Where(s => s.Code == site.Code).Select(s => (int?)s.Id)
                    .FirstOrDefaultAsync(context.RequestAborted);
                if (found is null)
                {
                    await PublicSites.NoSuchSiteAsync(context);
                    return;
                }
                id = ids[site.Code] = found.Value;
            }
            using (SiteScope.Enter(new ScopedSite(id, site.Code))) await next(context);
        });
    }
}
