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

    private static void Measure(List<FSDirectory> directories, List<string> queries, List<string> report)
    {
        var readers = directories.Select(d => (IndexReader)DirectoryReader.Open(d)).ToArray();
        using var all = new MultiReader(readers, closeSubReaders: true);
        var words = new QueryWords();
        var builder = new SearchQueryBuilder();
        var sort = new Sort(SortField.FIELD_SCORE,
            new SortField(SearchFields.DateOrder, SortFieldType.INT64, reverse: true));
        var withWords = queries.Select(q => (Text: q, Query: builder.Build(words.Split(q.ToLowerInvariant()))))
            .Where(q => q.Query is not null).ToList();
        var built = withWords.Select(q => q.Query!).ToList();
        var serial = new IndexSearcher(all);
        var matches = built.Select(q => (double)serial.Search(q, 1).TotalHits).ToList();
        var most = withWords.Zip(matches).OrderByDescending(m => m.Second).Take(12)
            .Select(m => $"{m.First.Text} ({m.Second:N0})");
        report.Add($"most matches: {string.Join(", ", most)}");
        report.Add($"{all.Leaves.Count} segments in {readers.Length} indexes, {built.Count} queries with words; " +
            $"matches a query: median {PublishBenchmarks.Percentile(matches, 50):N0}, " +
            $"p95 {PublishBenchmarks.Percentile(matches, 95):N0} of {all.NumDocs:N0} documents");

        var broadest = withWords.Zip(matches).OrderByDescending(m => m.Second).Take(12)
            .Select(m => m.First.Query!).ToList();

        void Time(string what, Action<Query> run, List<Query>? only = null)
        {
            var measured = only ?? built;
            foreach (var query in measured) run(query); // warm-up
            var latencies = PlatformSearchBenchmarks.Latencies(measured, MeasuredPasses, run);
            report.Add($"{what}: median {PublishBenchmarks.Percentile(latencies, 50):0.00} ms, " +
                $"p95 {PublishBenchmarks.Percentile(latencies, 95):0.00} ms");
        }

        Time("weight only", q => serial.CreateNormalizedWeight(q));
        Time("search, serial", q => serial.Search(q, null, 10, sort));
        // Matching alone (postings and phrase positions read, nothing scored or sorted): what is left when the
        // ranking is taken away.
        Time("count only", q => serial.Search(q, new TotalHitCountCollector()));
        Time("weight and every segment's scorer, nothing matched", q =>
        {
            var weight = serial.CreateNormalizedWeight(q);
            foreach (var leaf in all.Leaves) weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
        });
        // What the search page runs: the newest 50,000 ranked when a search matches too much to rank whole.
        Time("search as ranked by SearchRanking.Default", q => SearchRanking.Default.Rank(serial, q, sort, 10));
        var oneSlice = SearchRanking.Default with { Slices = 1 };
        Time("search as ranked by SearchRanking.Default, one slice (one core)",
            q => oneSlice.Rank(serial, q, sort, 10));
        Time("the 12 broadest, search, serial", q => serial.Search(q, null, 10, sort), broadest);
        Time("the 12 broadest, as ranked by SearchRanking.Default",
            q => SearchRanking.Default.Rank(serial, q, sort, 10), broadest);
        // The searches that set the p95 once the broadest are bounded.
        var slowest = withWords.Select(q =>
        {
            var watch = Stopwatch.StartNew();
            var ranked = SearchRanking.Default.Rank(serial, q.Query!, sort, 10);
            return (Ms: watch.Elapsed.TotalMilliseconds, q.Text, ranked.Total, ranked.Ranked);
        }).OrderByDescending(q => q.Ms).Take(10);
        report.Add("slowest as ranked: " + string.Join(", ", slowest.Select(q =>
            $"{q.Text} {q.Ms:0} ms ({q.Total:N0} {(q.Ranked is null ? "matches" : "estimated")})")));
        var parallel = new IndexSearcher(all, TaskScheduler.Default);
        Time("search, a task per segment", q => parallel.Search(q, null, 10, sort));

        // What asking the title costs (a part found whole in a title ranks higher): the same words matched, the
        // title not asked.
        var wordsOnly = built.Select(WithoutTitle).ToList();
        Time("search as ranked by SearchRanking.Default, the title not asked",
            q => SearchRanking.Default.Rank(serial, q, sort, 10), wordsOnly);
        Time("search as ranked by SearchRanking.Default, one slice, the title not asked",
            q => oneSlice.Rank(serial, q, sort, 10), wordsOnly);
        Time("weight and every segment's scorer, the title not asked", q =>
        {
            var weight = serial.CreateNormalizedWeight(q);
            foreach (var leaf in all.Leaves) weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
        }, wordsOnly);
    }

    /// <summary>The query without its optional clauses (the title a part is looked for in whole).</summary>
    private static Query WithoutTitle(Query query)
    {
        if (query is not BooleanQuery boolean) return query;
        var required = new BooleanQuery();
        foreach (var clause in boolean.Clauses.Where(c => c.Occur == Occur.MUST))
            required.Add(WithoutTitle(clause.Query), Occur.MUST);
        return required;
    }
}
