namespace GovPortal.Data;

/// <summary>The site a piece of work belongs to: its row id and its code.</summary>
public sealed record ScopedSite(int Id, string Code);

/// <summary>
/// The site the current work is for, carried with the work across awaits. A back-office request is in the site of
/// the signed-in account from its first middleware on, and every database context then sees that site's rows only
/// (<see cref="GovPortalDbContext"/>'s site filter), so no page, form or action can read or change another site's
/// channels, articles, accounts or letters, whatever id it is given. Work outside any scope (the public server's
/// reads, background jobs between their sites, commands) sees every site and names the site it works on.
/// </summary>
public static class SiteScope
{
    private static readonly AsyncLocal<ScopedSite?> CurrentSite = new();

    public static ScopedSite? Current => CurrentSite.Value;

    /// <summary>The current site, for work that only ever runs inside one.</summary>
    public static ScopedSite Required =>
        CurrentSite.Value ?? throw new InvalidOperationException("This work needs a site and runs outside one.");

    /// <summary>Runs what follows in <paramref name="site"/> until the returned handle is disposed.</summary>
    public static IDisposable Enter(ScopedSite site)
    {
        var previous = CurrentSite.Value;
        CurrentSite.Value = site;
        return new Restore(previous);
    }

    /// <summary>Leaves any site until disposed: for the platform's own pages, which list every site.</summary>
    public static IDisposable Leave()
    {
        var previous = CurrentSite.Value;
        CurrentSite.Value = null;
        return new Restore(previous);
    }

    private sealed class Restore(ScopedSite? previous) : IDisposable
    {
        public void Dispose() => CurrentSite.Value = previous;
    }
}

public static class SiteScopeQueries
{
    /// <summary>The sites background work is done for: every site but the paused ones, the first one first.</summary>
    public static Task<List<ScopedSite>> RunningSitesAsync(this GovPortalDbContext db,
        CancellationToken cancellationToken = default) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Sites.Where(s => !s.Suspended).OrderBy(s => s.Id).Select(s => new ScopedSite(s.Id, s.Code)),
            cancellationToken);

    /// <summary>
    /// The id of the site the work is for: the current one, or outside any site the first site (the only one of a
    /// single-site install, which commands and direct calls work on).
    /// </summary>
    public static async Task<int> CurrentSiteIdAsync(this GovPortalDbContext db,
        CancellationToken cancellationToken = default) =>
        SiteScope.Current?.Id ?? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Sites.OrderBy(s => s.Id).Select(s => s.Id), cancellationToken);
}
