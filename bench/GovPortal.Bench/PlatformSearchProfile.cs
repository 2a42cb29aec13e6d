using System.Diagnostics;
using GovPortal.Data;
using GovPortal.Hosting.Sites;
using GovPortal.Search;
using GovPortal.Storage;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Bench;

/// <summary>
/// Where the time of a 站群搜索 goes, on indexes already built (run `search-platform` first): how many segments the
/// sites' indexes hold in all, and the Lucene part of the bench queries alone, split into making the query's weight
/// (a term look-up per word in every segment), the weight with every segment's scorer (what a search costs before it
/// reads a single match), the matches counted without ranking, the whole search, serial and with one task per
/// segment, and the search as the search page ranks it (<see cref="SearchRanking"/>). With `merged`, each site's
/// index is then merged into one segment (timed), and the same parts are measured again: what fewer segments would
/// give.
/// </summary>
public static class PlatformSearchProfile
{
    private const int MeasuredPasses = 2;

    public static async Task<string> RunAsync(PortalPaths paths, string queriesFile, bool merged = false)
    {
        using var host = PublishBenchmarks.BuildHost(paths);
        var sites = host.Services.GetRequiredService<PortalSites>();
        await using (var db = host.Services.GetRequiredService<DatabaseOptions>().CreateContext())
            await sites.OpenAllAsync(db);
        var directories = sites.All.Select(s => SearchDirectory.Open(s.Layout.SearchIndexDirectory)).ToList();
        var queries = PlatformSearchBenchmarks.ReadQueries(queriesFile);
        var report = new List<string>();
        Measure(directories, queries, report);
        if (merged)
        {
            var watch = Stopwatch.StartNew();
            foreach (var directory in directories)
            {
                using var writer = new IndexWriter(directory,
                    new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer()));
                writer.ForceMerge(1);
                writer.Commit();
            }
            report.Add($"merged into one segment per site in {watch.Elapsed.TotalSeconds:0.0} s " +
                $"({watch.Elapsed.TotalSeconds / directories.Count:0.00} s a site)");
            Measure(directories, queries, report);
        }
        foreach (var directory in directories) directory.Dispose();
        return string.Join('\n', report);
    }

    /// <summary>A bench query as the search page asks it by relevance: its Lucene query and its order.</summary>
    private sealed record Asked(string Text, Query Query, Sort Sort);

    private static void Measure(List<FSDirectory> directories, List<string> queries, List<string> report)
    {
        var readers = directories.Select(d => (IndexReader)DirectoryReader.Open(d)).ToArray();
        using var all = new MultiReader(readers, closeSubReaders: true);
        var words = new QueryWords();
        var builder = new SearchQueryBuilder();
        var asked = queries.Select(q => (Text: q, Parts: words.Split(q.ToLowerInvariant())))
            .Select(q => (q.Text, q.Parts, Query: builder.Build(q.Parts)))
            .Where(q => q.Query is not null)
            .Select(q => new Asked(q.Text, q.Query!, SearchSorts.Relevance(q.Parts))).ToList();
        var serial = new IndexSearcher(all);
        // The titles read before anything is timed, as the first search in each segment reads them.
        foreach (var leaf in all.Leaves) TitleTable.For(leaf.AtomicReader);
        var matches = asked.Select(q => (double)serial.Search(q.Query, 1).TotalHits).ToList();
        var most = asked.Zip(matches).OrderByDescending(m => m.Second).Take(12)
            .Select(m => $"{m.First.Text} ({m.Second:N0})");
        report.Add($"most matches: {string.Join(", ", most)}");
        report.Add($"{all.Leaves.Count} segments in {readers.Length} indexes, {asked.Count} queries with words; " +
            $"matches a query: median {PublishBenchmarks.Percentile(matches, 50):N0}, " +
            $"p95 {PublishBenchmarks.Percentile(matches, 95):N0} of {all.NumDocs:N0} documents");

        var broadest = asked.Zip(matches).OrderByDescending(m => m.Second).Take(12).Select(m => m.First).ToList();

        void Time(string what, Action<Asked> run, List<Asked>? only = null)
        {
            var measured = only ?? asked;
            foreach (var query in measured) run(query); // warm-up
            var latencies = PlatformSearchBenchmarks.Latencies(measured, MeasuredPasses, run);
            report.Add($"{what}: median {PublishBenchmarks.Percentile(latencies, 50):0.00} ms, " +
                $"p95 {PublishBenchmarks.Percentile(latencies, 95):0.00} ms");
        }

        Time("weight only", q => serial.CreateNormalizedWeight(q.Query));
        Time("search, serial", q => serial.Search(q.Query, null, 10, q.Sort));
        // Matching alone (postings and phrase positions read, nothing scored or sorted): what is left when the
        // ranking is taken away.
        Time("count only", q => serial.Search(q.Query, new TotalHitCountCollector()));
        Time("weight and every segment's scorer, nothing matched", q =>
        {
            var weight = serial.CreateNormalizedWeight(q.Query);
            foreach (var leaf in all.Leaves) weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
        });
        // What the search page runs: the newest 50,000 ranked when a search matches too much to rank whole.
        Time("search as ranked by SearchRanking.Default", q => SearchRanking.Default.Rank(serial, q.Query, q.Sort, 10));
        var oneSlice = SearchRanking.Default with { Slices = 1 };
        Time("search as ranked by SearchRanking.Default, one slice (one core)",
            q => oneSlice.Rank(serial, q.Query, q.Sort, 10));
        Time("the 12 broadest, search, serial", q => serial.Search(q.Query, null, 10, q.Sort), broadest);
        Time("the 12 broadest, as ranked by SearchRanking.Default",
            q => SearchRanking.Default.Rank(serial, q.Query, q.Sort, 10), broadest);
        // The searches that set the p95 once the broadest are bounded.
        var slowest = asked.Select(q =>
        {
            var watch = Stopwatch.StartNew();
            var ranked = SearchRanking.Default.Rank(serial, q.Query, q.Sort, 10);
            return (Ms: watch.Elapsed.TotalMilliseconds, q.Text, ranked.Total, ranked.Ranked);
        }).OrderByDescending(q => q.Ms).Take(10);
        report.Add("slowest as ranked: " + string.Join(", ", slowest.Select(q =>
            $"{q.Text} {q.Ms:0} ms ({q.Total:N0} {(q.Ranked is null ? "matches" : "estimated")})")));
        var parallel = new IndexSearcher(all, TaskScheduler.Default);
        Time("search, a task per segment", q => parallel.Search(q.Query, null, 10, q.Sort));

        // What ranking the titles that hold a part first costs: the same search by the words' score and date alone.
        var byScore = new Sort(SortField.FIELD_SCORE,
            new SortField(SearchFields.DateOrder, SortFieldType.INT64, reverse: true));
        Time("search as ranked by SearchRanking.Default, one slice, by score and date alone",
            q => oneSlice.Rank(serial, q.Query, byScore, 10));
    }
}
