using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GovPortal.Search;

/// <summary>
/// How many matches a search ranks. A search that matches a few thousand articles ranks them all and counts them
/// exactly. One that matches a large part of a big index (高质量发展 on a platform of a million articles matches more
/// than half) ranks only the matches among the index's newest <see cref="WindowSize"/> articles, and gives its total
/// as an estimate: ranking every match costs more than the reader should wait, and the newest are what a reader of a
/// government site most often looks for. A reader after older articles narrows the search by date, and a search
/// whose matches lie mostly outside the window is ranked whole.
/// </summary>
/// <param name="WindowSize">How many of the newest articles a broad search ranks within.</param>
/// <param name="MostRankedWhole">The largest estimated number of matches that is still ranked whole.</param>
/// <param name="CostFactor">How many times <paramref name="MostRankedWhole"/> the postings must promise before a search
/// is tried within the window.</param>
public sealed record SearchRanking(int WindowSize, int MostRankedWhole, int CostFactor = 4)
{
    /// <summary>Measured at a million articles (docs/benchmarks.md, "Search across sites").</summary>
    public static readonly SearchRanking Default = new(50_000, 50_000);

    /// <summary>
    /// How many slices of the segments are read at once, each on a core of its own: a 全部站点 search reads the
    /// segments of every site's index, and two cores ranking half each answer sooner than one ranking all
    /// (docs/benchmarks.md, "Search across sites").
    /// </summary>
    public int Slices { get; init; } = Environment.ProcessorCount;

    /// <summary>The first <paramref name="wanted"/> hits of <paramref name="query"/> in order, and the total.</summary>
    public RankedHits Rank(IndexSearcher searcher, Query query, Sort sort, int wanted)
    {
        // One weight for whatever is read below: making it looks every word up in every segment, which on a platform
        // of many indexes costs as much as matching a few thousand articles.
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var slices = Slice(leaves);
        var scorers = Scorers(weight, leaves, slices);
        // What the postings say a search could match at most, known before anything is read. They overstate: a
        // phrase's cost is that of its rarest pair, and words common apart can be rare together. So the
        // window is tried only for a search they promise several times the limit; any other is ranked whole at once,
        // without a pass through the window first (at a million articles, trying it for every search promised more
        // than the limit took the p95 from 56 to 96 ms: 60,000 to 80,000 promised, 2,000 to 38,000 found).
        if (scorers.Sum(s => s?.GetCost() ?? 0) > CostFactor * (long)MostRankedWhole)
        {
            var reader = searcher.IndexReader;
            var window = NewestWindow.Of(reader, WindowSize);
            if (window.Documents < reader.MaxDoc && window.Documents > 0)
            {
                var (newest, matches) = Collect(slices, sort, wanted,
                    (slice, collector) => CollectWithin(window, leaves, scorers, slice, collector));
                var estimate = (long)matches * reader.NumDocs / window.Documents;
                // A page beyond what the window holds (typed into the address) is answered from the whole ranking.
                if (estimate > MostRankedWhole && matches >= wanted)
                    return new RankedHits(newest, (int)Math.Min(int.MaxValue, estimate), matches);
                scorers = Scorers(weight, leaves, slices); // the first ones have moved on
            }
        }
        var (hits, total) = Collect(slices, sort, wanted,
            (slice, collector) => CollectAll(leaves, scorers, slice, collector));
        return new RankedHits(hits, total, null);
    }

    /// <summary>The segments in up to <see cref="Slices"/> runs of about as many documents each.</summary>
    private int[][] Slice(IList<AtomicReaderContext> leaves)
    {
        if (leaves.Count == 0) return [[]];
        var slices = Math.Max(1, Math.Min(Slices, leaves.Count));
        var documents = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var runs = Enumerable.Range(0, slices).Select(_ => new List<int>()).ToArray();
        long before = 0;
        for (var i = 0; i < leaves.Count; i++)
        {
            // A segment goes to the slice its middle document falls in: neighbours stay together, in order.
            var middle = before + leaves[i].AtomicReader.MaxDoc / 2;
            runs[documents == 0 ? 0 : (int)Math.Min(slices - 1, middle * slices / documents)].Add(i);
            before += leaves[i].AtomicReader.MaxDoc;
        }
        return [.. runs.Where(r => r.Count > 0).Select(r => r.ToArray())];
    }

    private static Scorer?[] Scorers(Weight weight, IList<AtomicReaderContext> leaves, int[][] slices)
    {
        var scorers = new Scorer?[leaves.Count];
        InParallel(slices.Length, k =>
        {
            foreach (var i in slices[k]) scorers[i] = weight.GetScorer(leaves[i], leaves[i].AtomicReader.LiveDocs);
        });
        return scorers;
    }

    /// <summary>
    /// Runs <paramref name="collect"/> on every slice at once, each into a collector of its own, and merges their
    /// hits as one collector would have ranked them (ties to the earlier segment); returns them with the matches.
    /// </summary>
    private static (ScoreDoc[] Hits, int Matches) Collect(int[][] slices, Sort sort, int wanted,
        Func<int[], ICollector, int> collect)
    {
        var found = new (TopDocs Hits, int Matches)[slices.Length];
        InParallel(slices.Length, k =>
        {
            // The sort values are kept only where hits of several slices are merged by them.
            var collector = TopFieldCollector.Create(sort, Math.Max(1, wanted), fillFields: slices.Length > 1,
                trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true);
            var matches = collect(slices[k], collector);
            found[k] = (collector.GetTopDocs(), matches);
        });
        var hits = found.Length == 1 ? found[0].Hits
            : TopDocs.Merge(sort, Math.Max(1, wanted), [.. found.Select(f => f.Hits)]);
        return (hits.ScoreDocs, found.Sum(f => f.Matches));
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0 to <paramref name="count"/> − 1, on this thread and on the pool's. This
    /// thread takes whatever slice no other has started, so it never waits for a pool thread that has not come (a busy
    /// server's pool may be slow to give one): only for slices being read.
    /// </summary>
    private static void InParallel(int count, Action<int> body)
    {
        if (count == 1)
        {
            body(0);
            return;
        }
        var next = -1;
        ExceptionDispatchInfo? failure = null;
        using var done = new CountdownEvent(count);
        void Work()
        {
            for (var k = Interlocked.Increment(ref next); k < count; k = Interlocked.Increment(ref next))
            {
                try
                {
                    body(k);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                }
                finally
                {
                    done.Signal();
                }
            }
        }
        for (var helper = 1; helper < count; helper++) ThreadPool.QueueUserWorkItem(_ => Work());
        Work();
        done.Wait();
        // The first failure as itself: callers handle what a search on one thread would have thrown.
        failure?.Throw();
    }

    private static void Start(ICollector collector, AtomicReaderContext leaf, Scorer scorer)
    {
        collector.SetNextReader(leaf);
        collector.SetScorer(scorer);
    }

    /// <summary>Collects every match of the slice's segments; returns how many there were.</summary>
    private static int CollectAll(IList<AtomicReaderContext> leaves, Scorer?[] scorers, int[] slice,
        ICollector collector)
    {
        var matches = 0;
        foreach (var i in slice)
        {
            if (scorers[i] is not { } scorer) continue;
            Start(collector, leaves[i], scorer);
            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                collector.Collect(doc);
                matches++;
            }
        }
        return matches;
    }

    /// <summary>
    /// Collects the matches within the window in the slice's segments, each scorer led by the window's documents so
    /// that the rest of the segment is skipped, not read; returns how many there were.
    /// </summary>
    private static int CollectWithin(NewestWindow window, IList<AtomicReaderContext> leaves, Scorer?[] scorers,
        int[] slice, ICollector collector)
    {
        var matches = 0;
        foreach (var i in slice)
        {
            if (scorers[i] is not { } scorer
                || window.GetDocIdSet(leaves[i], null)?.GetIterator() is not { } inWindow) continue;
            Start(collector, leaves[i], scorer);
            var match = -1;
            var next = inWindow.NextDoc();
            while (next != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (match < next) match = scorer.Advance(next);
                if (match == DocIdSetIterator.NO_MORE_DOCS) break;
                if (match == next)
                {
                    collector.Collect(match);
                    matches++;
                    next = inWindow.NextDoc();
                }
                else next = inWindow.Advance(match);
            }
        }
        return matches;
    }
}

/// <summary>The hits of a search in order, as far as they were wanted.</summary>
/// <param name="Total">The number of matches; an estimate when <paramref name="Ranked"/> is set.</param>
/// <param name="Ranked">Set when only the matches among the newest articles were ranked: how many those were.</param>
public sealed record RankedHits(ScoreDoc[] Hits, int Total, int? Ranked);
