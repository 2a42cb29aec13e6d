using System.Diagnostics;
using GovPortal.Chinese;
using GovPortal.Data;
using GovPortal.Hosting.Sites;
using GovPortal.Search;
using GovPortal.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace GovPortal.Bench;

/// <summary>
/// Search on a platform of many sites (站群搜索): every site's index built, then the fixed queries through the whole
/// search path, on one site's own index and on all the sites' indexes read as one, as the search page does.
/// </summary>
public static class PlatformSearchBenchmarks
{
    private const int MeasuredPasses = 3;

    public static async Task<string> RunAsync(PortalPaths paths, string queriesFile)
    {
        var queries = ReadQueries(queriesFile);
        using var host = PublishBenchmarks.BuildHost(paths);
        var sites = host.Services.GetRequiredService<PortalSites>();
        Dictionary<string, (string Name, string BaseUrl)> facts;
        await using (var db = host.Services.GetRequiredService<DatabaseOptions>().CreateContext())
        {
            await sites.OpenAllAsync(db);
            facts = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Code, s => (s.Name, s.BaseUrl));
        }

        var build = Stopwatch.StartNew();
        var documents = 0;
        foreach (var site in sites.All) documents += await site.Publisher.RebuildSearchIndexAsync();
        build.Stop();
        // A large site's index is merged into one segment after its commit, in the background: waited for here,
        // and timed apart, so that the searches below run on the indexes as they stay.
        var merge = Stopwatch.StartNew();
        foreach (var site in sites.All) await site.SearchIndex.BackgroundMerge;
        merge.Stop();
        var megabytes = sites.All.Sum(s => new DirectoryInfo(s.Layout.SearchIndexDirectory).EnumerateFiles()
            .Sum(f => f.Length)) / 1024.0 / 1024.0;

        var searches = sites.All.Select(s => new SiteSearch(s.Layout, TimeProvider.System,
            NullLogger<SiteSearch>.Instance)).ToList();
        try
        {
            var converter = host.Services.GetRequiredService<ChineseConverter>();
            var requests = queries.Select(q => SearchRequest.Parse(
                new QueryCollection(new Dictionary<string, StringValues> { ["q"] = q }), converter)).ToList();
            // One site among them alone, and the first site searching all of them (全部站点).
            var middle = searches[searches.Count / 2];
            var own = Measure(requests, r => middle.Search(r).Total);
            var others = sites.All.Skip(1).Select((s, i) => new SiteSearch.PlatformSite(searches[i + 1],
                facts[s.Code].Name, facts[s.Code].BaseUrl)).ToList();
            var all = Measure(requests, r => searches[0].SearchPlatform(r, facts[sites.All[0].Code].Name, others)
                .Total);
            var perSite = documents / sites.All.Count;
            return string.Join('\n',
                $"| index build, {sites.All.Count} sites one after another | {documents:N0} articles " +
                    $"| {build.Elapsed.TotalSeconds:0} s " +
                    $"| **{documents / build.Elapsed.TotalSeconds:N0} articles/s** " +
                    $"| indexes {megabytes:N0} MB in all; then {merge.Elapsed.TotalSeconds:0} s more for the " +
                    "background merges still running |",
                Row($"one site of {perSite:N0} articles, its own index, {MeasuredPasses} passes", own, queries.Count),
                Row($"全部站点: {sites.All.Count} indexes, {documents:N0} articles, read as one, {MeasuredPasses} " +
                    "passes", all, queries.Count));
        }
        finally
        {
            foreach (var search in searches) search.Dispose();
        }
    }

    /// <summary>A warm-up pass, which also counts the queries that found something, then the latency of every
    /// search of the measured passes.</summary>
    private static (List<double> Latencies, int Found) Measure(IReadOnlyList<SearchRequest> requests,
        Func<SearchRequest, int> search)
    {
        var found = requests.Count(r => search(r) > 0);
        return (Latencies(requests, MeasuredPasses, r => search(r)), found);
    }

    /// <summary>The time of each run of every item in <paramref name="passes"/> passes (warm up first).</summary>
    internal static List<double> Latencies<T>(IReadOnlyList<T> items, int passes, Action<T> run)
    {
        var latencies = new List<double>();
        for (var pass = 0; pass < passes; pass++)
            foreach (var item in items)
            {
                var watch = Stopwatch.StartNew();
                run(item);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        return latencies;
    }

    /// <summary>The queries of a file such as bench/search-queries.txt: one a line, # for comments.</summary>
    internal static List<string> ReadQueries(string file) =>
        File.ReadAllLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    private static string Row(string what, (List<double> Latencies, int Found) measured, int queries) =>
        $"| {what} | {measured.Latencies.Count:N0} searches, {measured.Found}/{queries} queries found something " +
        $"| median **{PublishBenchmarks.Percentile(measured.Latencies, 50):0.00} ms** " +
        $"| p95 **{PublishBenchmarks.Percentile(measured.Latencies, 95):0.00} ms** " +
        $"| max {measured.Latencies.Max():0.0} ms |";
}
