using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Platform;

/// <summary>
/// A host name leads the public server to one site only: a site cannot be given a host name (or a base address) that
/// another site of the platform already answers to.
/// </summary>
public static class SiteHostClaims
{
    /// <returns>What is wrong in Chinese (naming the host, not the other site), or null.</returns>
    public static async Task<string?> ConflictAsync(GovPortalDbContext db, int? siteId, string baseUrl,
        string hostNames, CancellationToken cancellationToken = default)
    {
        var wanted = HostsOf(baseUrl, hostNames);
        List<(string BaseUrl, string HostNames)> others;
        // Every other site's names, whatever site the asking account works on.
        using (SiteScope.Leave())
            others = (await db.Sites.AsNoTracking().Where(s => s.Id != siteId)
                .Select(s => new { s.BaseUrl, s.HostNames }).ToListAsync(cancellationToken))
                .Select(s => (s.BaseUrl, s.HostNames)).ToList();
        var taken = others.SelectMany(o => HostsOf(o.BaseUrl, o.HostNames)).ToHashSet(StringComparer.Ordinal);
        var clash = wanted.FirstOrDefault(taken.Contains);
        return clash is null ? null : $"域名“{clash}”已由本平台的另一个网站使用，一个域名只能属于一个网站。";
    }

    private static IEnumerable<string> HostsOf(string baseUrl, string hostNames) =>
        Publishing.Output.PublishedSite.From("x", "", baseUrl, hostNames).HostNames;
}
