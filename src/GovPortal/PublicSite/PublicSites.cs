using System.Collections.Concurrent;
using GovPortal.Publishing.Output;
using GovPortal.Search;

namespace GovPortal.PublicSite;

/// <summary>One site as the public server serves it: its output, files, search and days of mourning.</summary>
public sealed record PublicSiteOutput(
    OutputStore Output, OutputFileServer Files, SiteSearch Search, MourningCalendar Mourning)
{
    public string Code => Output.Layout.SiteCode;
}

/// <summary>
/// The sites this node serves. A request's site is found by its Host header among the host names each site
/// published in its output (<see cref="OutputLayout.SiteInfoFile"/>), so a public node needs no database for it.
/// While one site is served, every host goes to it.
/// </summary>
public sealed class PublicSites(IEnumerable<PublicSiteOutput> sites)
{
    private readonly IReadOnlyList<PublicSiteOutput> _sites = sites.ToList();
    private readonly ConcurrentDictionary<string, (string? Sha256, PublishedSite? Site)> _published =
        new(StringComparer.Ordinal);

    public IReadOnlyList<PublicSiteOutput> All => _sites;

    /// <returns>The request's site, or null when no site answers to its host.</returns>
    public PublicSiteOutput? For(HttpContext context) => For(context.Request.Host.Host);

    public PublicSiteOutput? For(string host)
    {
        if (_sites.Count == 1) return _sites[0];
        foreach (var site in _sites)
            if (PublishedSiteOf(site)?.Answers(host) == true) return site;
        return null;
    }

    /// <summary>What the site's output says about it, read again when the manifest records a new version.</summary>
    public PublishedSite? PublishedSiteOf(PublicSiteOutput site)
    {
        var sha = site.Output.Manifest.TryGet(OutputLayout.SiteInfoFile, out var entry) ? entry.Sha256 : null;
        if (_published.TryGetValue(site.Code, out var known) && known.Sha256 == sha) return known.Site;
        var content = sha is null ? null : site.Output.PublishedContentOf(OutputLayout.SiteInfoFile);
        var published = content is null ? null : PublishedSite.Parse(content);
        _published[site.Code] = (content is null ? null : sha, published);
        return published;
    }

    /// <summary>The answer to a request for a host no site answers to.</summary>
    public static async Task NoSuchSiteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync("本服务器上没有这个网站，请检查网址。");
    }
}
