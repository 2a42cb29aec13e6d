using System.Diagnostics;
using GovPortal.Data;
using GovPortal.Hosting.Sites;
using GovPortal.Search;
using GovPortal.Storage;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Bench;

/// <summary>
/// Where the time of a 站群搜索 goes, on indexes already built (run `search-platform` first): how many segments the
/// sites' indexes hold in all, and the Lucene part of the bench queries alone, split into making the query's weight
/// (a term look-up per word in every segment), the matches counted without ranking, and the whole search, serial and
/// with one task per segment.
/// </summary>
public static class PlatformSearchProfile
{
    private const int MeasuredPasses = 2;

    public static async Task<string> RunAsync(PortalPaths paths, string queriesFile)
    {
        var queries = PlatformSearchBenchmarks.ReadQueries(queriesFile);
        using var host = PublishBenchmarks.BuildHost(paths);
        var sites = host.Services.GetRequiredService<PortalSites>();
        await using (var db = host.Services.GetRequiredService<DatabaseOptions>().CreateContext())
            await sites.OpenAllAsync(db);
        var directories = sites.All.Select(s => SearchDirectory.Open(s.Layout.SearchIndexDirectory)).ToList();
        var readers = directories.Select(d => (IndexReader)DirectoryReader.Open(d)).ToArray();
        using var all = new MultiReader(readers, closeSubReaders: true);
        var words = new QueryWords();
        var builder = new SearchQueryBuilder();
        var sort = new Sort(SortField.FIELD_SCORE,
            new SortField(SearchFields.DateOrder, SortFieldType.INT64, reverse: true));
        var built = queries.Select(q => builder.Build(words.Split(q.ToLowerInvariant())))
            .OfType<Query>().ToList();
        var report = new List<string>
            { $"{all.Leaves.Count} segments in {readers.Length} indexes, {built.Count} queries with words" };

        void Time(string what, Action<Query> run)
        {
            foreach (var query in built) run(query); // warm-up
            var latencies = PlatformSearchBenchmarks.Latencies(built, MeasuredPasses, run);
            report.Add($"{what}: median {PublishBenchmarks.Percentile(latencies, 50):0.00} ms, " +
                $"p95 {PublishBenchmarks.Percentile(latencies, 95):0.00} ms");
        }

        var serial = new IndexSearcher(all);
        Time("weight only", q => serial.CreateNormalizedWeight(q));
        Time("search, serial", q => serial.Search(q, null, 10, sort));
        // Matching alone (postings and phrase positions read, nothing scored or sorted): what is left when the
        // ranking is taken away.
        Time("count only", q => serial.Search(q, new TotalHitCountCollector()));
        var parallel = new IndexSearcher(all, TaskScheduler.Default);
        Time("search, a task per segment", q => parallel.Search(q, null, 10, sort));
        foreach (var directory in directories) directory.Dispose();
        return string.Join('\n', report);
    }
}
