using System.Diagnostics;
using GovPortal.Chinese;
using GovPortal.Hosting;
using GovPortal.Publishing;
using GovPortal.Search;
using GovPortal.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace GovPortal.Bench;

/// <summary>
/// Index build rate, and the latency of a fixed list of queries through the whole search path (parsing,
/// segmentation, Lucene, excerpts), against the same queries as SQL LIKE '%q%' on the same SQLite database, which
/// is how SSCMS searches.
/// </summary>
public static class SearchBenchmarks
{
    private const int MeasuredPasses = 3;

    public static async Task<string> RunAsync(PortalPaths paths, string queriesFile, bool rebuild = true,
        bool withLike = true)
    {
        var queries = File.ReadAllLines(queriesFile).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        using var host = PublishBenchmarks.BuildHost(paths);

        var build = Stopwatch.StartNew();
        var documents = rebuild ? await host.Services.GetRequiredService<Publisher>().RebuildSearchIndexAsync() : 0;
        build.Stop();
        var layout = host.Services.GetRequiredService<GovPortal.Publishing.Output.OutputLayout>();
        var indexMegabytes =
            new DirectoryInfo(layout.SearchIndexDirectory).EnumerateFiles().Sum(f => f.Length) / 1024.0 / 1024.0;

        var converter = host.Services.GetRequiredService<ChineseConverter>();
        using var search = new SiteSearch(layout, TimeProvider.System, NullLogger<SiteSearch>.Instance);
        var requests = queries.Select(q => SearchRequest.Parse(
            new QueryCollection(new Dictionary<string, StringValues> { ["q"] = q }), converter)).ToList();
        foreach (var request in requests) search.Search(request); // warm up
        var lucene = new List<double>();
        var luceneFound = 0;
        for (var pass = 0; pass < MeasuredPasses; pass++)
            foreach (var request in requests)
            {
                var watch = Stopwatch.StartNew();
                var results = search.Search(request);
                lucene.Add(watch.Elapsed.TotalMilliseconds);
                if (pass == 0 && results.Total > 0) luceneFound++;
            }

        var slowest =
            lucene.Select((ms, i) => (ms, query: queries[i % queries.Count])).OrderByDescending(x => x.ms).Take(8);
        Console.Error.WriteLine("slowest searches: "
            + string.Join(", ", slowest.Select(x => $"{x.query} {x.ms:0.0} ms")));
        if (!withLike) return Row($"Lucene (GovPortal), {MeasuredPasses} passes", lucene, luceneFound, queries.Count);
        var (like, likeFound) = await LikeAsync(paths, queries);

        var rows = new List<string>
        {
            $"| index build | {documents:N0} articles | {build.Elapsed.TotalSeconds:0.0} s | " +
                $"**{documents / build.Elapsed.TotalSeconds:N0} articles/s** | index {indexMegabytes:N0} MB |",
            Row($"Lucene (GovPortal), {MeasuredPasses} passes", lucene, luceneFound, queries.Count),
            Row("SQL LIKE '%q%' (count + first page), 1 pass", like, likeFound, queries.Count),
            $"| ratio LIKE / Lucene | | median **{Percentile(like, 0.5) / Percentile(lucene, 0.5):N0}×** | p95 " +
                $"**{Percentile(like, 0.95) / Percentile(lucene, 0.95):N0}×** | |",
        };
        return string.Join('\n', rows);
    }

    /// <summary>The query as SSCMS runs it: a count and the first page, each scanning titles and bodies.</summary>
    private static async Task<(List<double> Latencies, int Found)> LikeAsync(PortalPaths paths,
        IReadOnlyList<string> queries)
    {
        await using var connection = new SqliteConnection($"Data Source={paths.DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        const string where = "FROM Articles WHERE Status = 'Published' AND (Title LIKE $p OR BodyHtml LIKE $p)";
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) " + where;
        var countParameter = count.Parameters.Add("$p", SqliteType.Text);
        await using var page = connection.CreateCommand();
        page.CommandText = "SELECT Id, Title, Url, PublishedAtUtc " + where + " ORDER BY PublishedAtUtc DESC LIMIT 10";
        var pageParameter = page.Parameters.Add("$p", SqliteType.Text);

        var latencies = new List<double>();
        var found = 0;
        countParameter.Value = pageParameter.Value = "%相城%";
        await count.ExecuteScalarAsync(); // warm up the page cache
        foreach (var query in queries)
        {
            countParameter.Value = pageParameter.Value = "%" + query + "%";
            var watch = Stopwatch.StartNew();
            var total = (long)(await count.ExecuteScalarAsync())!;
            await using (var reader = await page.ExecuteReaderAsync())
                while (await reader.ReadAsync()) { }
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (total > 0) found++;
        }
        return (latencies, found);
    }

    private static string Row(string what, List<double> latencies, int found, int queries) =>
        $"| {what} | {latencies.Count:N0} searches, {found}/{queries} queries found something " +
        $"| median **{Percentile(latencies, 0.5):0.00} ms** | p95 **{Percentile(latencies, 0.95):0.00} ms** " +
        $"| max {latencies.Max():0.0} ms |";

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
