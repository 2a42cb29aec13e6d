using GovPortal.Data;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.PublicSite;
using GovPortal.Safety.Tamper;
using GovPortal.Search;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Hosting.Sites;

/// <summary>
/// Every site of the platform with its own output, search index, publisher and, on a server, tamper guard: one
/// site's full publish or restored file never touches another's. The first site (<see cref="PortalSettings.SiteCode"/>)
/// is made of the host's own services, which the back office and the commands use; every other site in the database
/// is opened beside it, when the portal starts or when the site is made.
/// </summary>
public sealed class PortalSites(IServiceProvider root, PortalSettings settings)
    : ISitePublishers, Safety.Health.ISiteHealthCheckers, IHostedService, IDisposable
{
    private readonly System.Threading.Lock _lock = new();
    private readonly Dictionary<string, SiteServices> _sites = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The first site, whose parts are the host's own services.</summary>
    public SiteServices Primary => Find(settings.SiteCode) ?? OpenPrimary();

    /// <summary>Every open site, the first one first.</summary>
    public IReadOnlyList<SiteServices> All
    {
        get
        {
            var primary = Primary;
            lock (_lock) return [primary, .. _sites.Values.Where(s => s != primary).OrderBy(s => s.Code)];
        }
    }

    public SiteServices? Find(string code)
    {
        lock (_lock) return _sites.GetValueOrDefault(code);
    }

    public Publisher First => Primary.Publisher;

    /// <summary>The publisher of a site of the database, opened if it was not.</summary>
    public Publisher For(string siteCode) => Open(siteCode).Publisher;

    Safety.Health.HealthChecker Safety.Health.ISiteHealthCheckers.For(string siteCode) => Open(siteCode).Health;

    /// <summary>Opens every site the database holds (the first one is always open).</summary>
    public async Task OpenAllAsync(GovPortalDbContext db, CancellationToken cancellationToken = default)
    {
        _ = Primary;
        var codes = await db.Sites.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Code).ToListAsync(cancellationToken);
        foreach (var code in codes) Open(code);
    }

    /// <summary>The site's parts, opened now if they were not (a site made while the portal runs).</summary>
    public SiteServices Open(string code)
    {
        if (code == settings.SiteCode) return Primary;
        lock (_lock)
        {
            if (_sites.TryGetValue(code, out var open)) return open;
            var site = Create(code);
            _sites[code] = site;
            if (site.Public is { } served) root.GetRequiredService<PublicSites>().Add(served);
            // Outside any site: the watcher and sweeps of a site made from a request must not run in its site.
            using (SiteScope.Leave())
                foreach (var service in site.Running) service.StartAsync(_stopping.Token).GetAwaiter().GetResult();
            return site;
        }
    }

    public async Task CloseAsync(string siteCode, CancellationToken cancellationToken = default)
    {
        if (siteCode == settings.SiteCode) throw new InvalidOperationException("The first site is never closed.");
        SiteServices? site;
        lock (_lock)
            if (_sites.Remove(siteCode, out site))
                root.GetService<PublicSites>()?.Remove(siteCode);
        if (site is null) return;
        // The public nodes stop serving it as soon as they read this (none on a node itself: it has no mirror).
        site.Store.Mirror?.RemoveSite(siteCode);
        foreach (var service in site.Running.Reverse()) await service.StopAsync(cancellationToken);
        foreach (var owned in site.Owned) owned.Dispose();
        if (Directory.Exists(site.Layout.Directory)) Directory.Delete(site.Layout.Directory, recursive: true);
    }

    private SiteServices OpenPrimary()
    {
        lock (_lock)
        {
            if (_sites.TryGetValue(settings.SiteCode, out var open)) return open;
            var primary = new SiteServices
            {
                Code = settings.SiteCode,
                Layout = root.GetRequiredService<OutputLayout>(),
                Store = root.GetRequiredService<OutputStore>(),
                SearchIndex = root.GetRequiredService<SearchIndex>(),
                Publisher = root.GetRequiredService<Publisher>(),
                Health = root.GetRequiredService<Safety.Health.HealthChecker>(),
                Public = root.GetService<PublicSites>()?.ByCode(settings.SiteCode),
                Guard = root.GetService<PublicSites>() is null ? null : root.GetRequiredService<TamperGuard>(),
            };
            _sites[settings.SiteCode] = primary;
            return primary;
        }
    }

    private SiteServices Create(string code)
    {
        var layout = OutputLayout.For(settings.Paths, code);
        layout.EnsureCreated();
        var manifest = Manifest.Open(layout.ManifestFile);
        var store = Make<OutputStore>(layout, manifest);
        var searchIndex = Make<SearchIndex>(layout);
        var publisher = Make<Publisher>(store, searchIndex);
        var health = Make<Safety.Health.HealthChecker>(store);
        if (root.GetService<PublicSites>() is null)
            return new SiteServices
            {
                Code = code, Layout = layout, Store = store, SearchIndex = searchIndex, Publisher = publisher,
                Health = health, Owned = [searchIndex],
            };

        var cache = root.GetRequiredService<ServedFileCache>();
        manifest.Removed += paths =>
        {
            foreach (var path in paths) cache.Invalidate(OutputFileServer.CacheKey(code, path));
        };
        var guard = Make<TamperGuard>(store);
        var watcher = Make<OutputWatcher>(store, guard);
        var searchGuard = Make<SearchIndexGuard>(searchIndex, (ISearchIndexRebuilder)publisher);
        var sweeps = Make<TamperSweepService>(guard, watcher, searchGuard);
        var mourning = Make<MourningCalendar>(store);
        var files = Make<OutputFileServer>(store, guard, mourning, Make<WithdrawnPages>(store),
            Make<OldAddresses>(store), watcher);
        var search = new SiteSearch(layout, root.GetRequiredService<TimeProvider>(),
            root.GetRequiredService<ILogger<SiteSearch>>(), searchIndex);
        return new SiteServices
        {
            Code = code, Layout = layout, Store = store, SearchIndex = searchIndex, Publisher = publisher,
            Health = health, Guard = guard, Public = new PublicSiteOutput(store, files, search, mourning),
            Running = [watcher, sweeps],
            Owned = [search, watcher, sweeps, searchIndex],
        };
    }

    private T Make<T>(params object[] own) => ActivatorUtilities.CreateInstance<T>(root, own);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        List<SiteServices> opened;
        lock (_lock) opened = [.. _sites.Values];
        foreach (var site in opened)
            foreach (var service in site.Running.Reverse())
                await service.StopAsync(cancellationToken);
    }

    public void Dispose()
    {
        List<SiteServices> opened;
        lock (_lock) opened = [.. _sites.Values];
        foreach (var owned in opened.SelectMany(s => s.Owned)) owned.Dispose();
        _stopping.Dispose();
    }
}
