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
/// While one site is served, every host goes to it. With several, a host no site names gets a 404 naming none of
/// them, except the machine's own loopback address (127.0.0.1, [::1]), which is the first site's: an operator on
/// the server itself reaches the platform's own site without a host name.
/// </summary>
public sealed class PublicSites(IEnumerable<PublicSiteOutput> sites)
{
    // Replaced whole when a site is added, so a request reads one consistent list without a lock.
    private volatile IReadOnlyList<PublicSiteOutput> _sites = sites.ToList();
    private readonly System.Threading.Lock _adding = new();
    // By the site's output, not its code: a request still holding a removed site never answers for a new site made
    // with the same code.
    private readonly ConcurrentDictionary<OutputStore, PublishedSideFile<PublishedSite?>> _published = new();

    public IReadOnlyList<PublicSiteOutput> All => _sites;

    /// <summary>Serves one more site (one made on the platform while the portal runs); a known code is kept.</summary>
    public void Add(PublicSiteOutput site)
    {
        lock (_adding)
        {
            if (_sites.Any(s => s.Code == site.Code)) return;
            _sites = [.. _sites, site];
        }
    }

    /// <summary>Stops serving a deleted site.</summary>
    public void Remove(string code)
    {
        List<PublicSiteOutput> removed;
        lock (_adding)
        {
            removed = [.. _sites.Where(s => s.Code == code)];
            _sites = [.. _sites.Where(s => s.Code != code)];
        }
        foreach (var site in removed) _published.TryRemove(site.Output, out _);
        _hosts = null;
    }

    /// <returns>The request's site, or null when no site answers to its host.</returns>
    public PublicSiteOutput? For(HttpContext context) => For(context.Request.Host.Host);

    public PublicSiteOutput? For(string host)
    {
        var sites = _sites;
        if (sites.Count == 1) return sites[0];
        var index = _hosts;
        if (index is null || !ReferenceEquals(index.Sites, sites)) index = IndexHosts(sites);
        // The site found is answered while its site.json is the one indexed; a host no site had is looked for again
        // only when some site's site.json changed (a host added, a site made).
        if (index.ByHost.TryGetValue(host, out var found) && SiteInfoHash(found.Site) == found.Hash) return found.Site;
        var loopback = sites.Count > 0 && IsLoopbackAddress(host);
        if (found.Site is not null || (!loopback && SomeSiteInfoChanged(index)))
        {
            index = IndexHosts(sites);
            if (index.ByHost.TryGetValue(host, out found)) return found.Site;
        }
        return loopback ? sites[0] : null;
    }

    // Which site answers which host, built from the sites' published site.json (the first site naming a host has it)
    // and replaced whole: one dictionary look-up per request however many sites the node serves.
    private volatile HostIndex? _hosts;

    private sealed record HostIndex(IReadOnlyList<PublicSiteOutput> Sites, IReadOnlyList<FileHash?> Hashes,
        IReadOnlyDictionary<string, (PublicSiteOutput Site, FileHash? Hash)> ByHost);

    private HostIndex IndexHosts(IReadOnlyList<PublicSiteOutput> sites)
    {
        var byHost = new Dictionary<string, (PublicSiteOutput, FileHash?)>(StringComparer.OrdinalIgnoreCase);
        var hashes = new List<FileHash?>(sites.Count);
        foreach (var site in sites)
        {
            var hash = SiteInfoHash(site);
            hashes.Add(hash);
            foreach (var name in PublishedSiteOf(site)?.HostNames ?? []) byHost.TryAdd(name, (site, hash));
        }
        var index = new HostIndex(sites, hashes, byHost);
        _hosts = index;
        return index;
    }

    private static bool SomeSiteInfoChanged(HostIndex index) =>
        index.Hashes.Where((hash, i) => SiteInfoHash(index.Sites[i]) != hash).Any();

    private static FileHash? SiteInfoHash(PublicSiteOutput site) =>
        site.Output.Manifest.TryGet(OutputLayout.SiteInfoFile, out var entry) ? entry.Hash : null;

    /// <summary>A literal loopback address; never a name, which anyone can point anywhere.</summary>
    private static bool IsLoopbackAddress(string host) =>
        System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address);

    public PublicSiteOutput? ByCode(string code) => _sites.FirstOrDefault(s => s.Code == code);

    /// <summary>What the site's output says about it, read again when the manifest records a new version.</summary>
    public PublishedSite? PublishedSiteOf(PublicSiteOutput site) =>
        _published.GetOrAdd(site.Output, static output => new PublishedSideFile<PublishedSite?>(
            output, OutputLayout.SiteInfoFile, content => content is null ? null : PublishedSite.Parse(content)))
            .Current();

    /// <summary>Whether the platform has paused the site (暂停服务), as its output says.</summary>
    public bool IsSuspended(PublicSiteOutput site) => PublishedSiteOf(site)?.Suspended == true;

    /// <summary>The answer to every request for a paused site: it names the site's state, never its content.</summary>
    public static async Task SuspendedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync("本网站暂停服务，请稍后访问。");
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
