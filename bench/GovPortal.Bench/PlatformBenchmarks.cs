using System.Diagnostics;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Hosting.Sites;
using GovPortal.Publishing;
using GovPortal.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Bench;

/// <summary>
/// A platform of many sites (集约化) on one install: the benchmark site N times over, each with its own host name
/// (s02.localhost …; the first answers to localhost), and the figures of one site among them.
/// </summary>
public static class PlatformBenchmarks
{
    public static string CodeOf(int number) => number == 1 ? "main" : $"s{number:00}";

    public static async Task GenerateAsync(PortalPaths paths, int sites, int totalArticles)
    {
        var perSite = totalArticles / sites;
        await CorpusGenerator.GenerateAsync(paths, perSite);
        var database = DatabaseOptions.Sqlite(paths.DatabaseFile);
        await using (var db = database.CreateContext())
        {
            var first = await db.Sites.SingleAsync();
            first.HostNames = "localhost";
            for (var n = 2; n <= sites; n++)
                db.Sites.Add(new Site
                {
                    Code = CodeOf(n), Name = $"基准测试第 {n} 号网站", BaseUrl = $"https://{CodeOf(n)}.szxc.gov.cn",
                    HostNames = $"{CodeOf(n)}.localhost", Sponsor = $"基准测试第 {n} 号单位", SiteCode = "3205070001",
                    IcpNumber = "苏ICP备05004813号", PublicSecurityNumber = "苏公网安备32050702010001号",
                    ContactPhone = "0512-65866000",
                });
            await db.SaveChangesAsync();
        }
        for (var n = 2; n <= sites; n++)
            await CorpusGenerator.AddSiteContentAsync(database, CodeOf(n), perSite,
                firstArticleId: (n - 1) * perSite + 1, seed: 1000 + n);
    }

    /// <summary>Opens every site the way the portal does (each with its own output, index and publisher).</summary>
    private static async Task<PortalSites> OpenAsync(IServiceProvider services)
    {
        var sites = services.GetRequiredService<PortalSites>();
        await using var db = services.GetRequiredService<DatabaseOptions>().CreateContext();
        await sites.OpenAllAsync(db);
        return sites;
    }

    /// <summary>A full publish of every site, one after the other: each site's time, and all of them.</summary>
    public static async Task<string> PublishAsync(PortalPaths paths)
    {
        using var host = PublishBenchmarks.BuildHost(paths);
        // The platform's lists copied to every site first, as the portal's start does, so that starting it on this
        // folder afterwards finds every site current and publishes nothing again.
        await using (var db = host.Services.GetRequiredService<DatabaseOptions>().CreateContext())
            await Data.Disclosure.PlatformLists.SyncAsync(db);
        var sites = await OpenAsync(host.Services);
        var seconds = new List<double>();
        var rates = new List<double>();
        var pages = 0;
        var total = Stopwatch.StartNew();
        foreach (var site in sites.All)
        {
            var result = await site.Publisher.PublishAllAsync();
            seconds.Add(result.Elapsed.TotalSeconds);
            rates.Add(result.PagesPerSecond);
            pages += result.Pages;
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        return $"| full publish of one site among {sites.All.Count} | {pages / sites.All.Count:N0} pages " +
            $"| median {PublishBenchmarks.Percentile(seconds, 50):0.0} s, slowest {seconds.Max():0.0} s " +
            $"| **{PublishBenchmarks.Percentile(rates, 50):N0} pages/s** | |\n" +
            $"| full publish of all {sites.All.Count} sites, one after another | {pages:N0} pages " +
            $"| {total.Elapsed.TotalSeconds:0} s | {pages / total.Elapsed.TotalSeconds:N0} pages/s " +
            $"| peak working set {peak:N0} MB |";
    }

    /// <summary>Edits and new articles on one site of the platform, timed as <see cref="PublishBenchmarks"/> does.
    /// </summary>
    public static async Task<string> IncrementalAsync(PortalPaths paths, int runs, string siteCode)
    {
        using var host = PublishBenchmarks.BuildHost(paths);
        var sites = await OpenAsync(host.Services);
        var site = sites.Find(siteCode) ?? throw new InvalidOperationException($"no site {siteCode}");
        var rows = await PublishBenchmarks.IncrementalOnAsync(site.Publisher,
            host.Services.GetRequiredService<DatabaseOptions>(), siteCode, runs);
        return rows.Replace("| incremental:", $"| platform, site {siteCode} of {sites.All.Count}:");
    }
}
