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

    /// <summary>The first <paramref name="wanted"/> hits of <paramref name="query"/> in order, and the total.</summary>
    public RankedHits Rank(IndexSearcher searcher, Query query, Sort sort, int wanted)
    {
        // One weight for whatever is read below: making it looks every word up in every segment, which on a platform
        // of many indexes costs as much as matching a few thousand articles.
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var scorers = Scorers(weight, leaves);
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
                var newest = Collector(sort, wanted);
                var matches = CollectWithin(window, leaves, scorers, newest);
                var estimate = (long)matches * reader.NumDocs / window.Documents;
                // A page beyond what the window holds (typed into the address) is answered from the whole ranking.
                if (estimate > MostRankedWhole && matches >= wanted)
                    return new RankedHits(newest.GetTopDocs().ScoreDocs, (int)Math.Min(int.MaxValue, estimate),
                        matches);
                scorers = Scorers(weight, leaves); // the first ones have moved on
            }
        }
        var whole = Collector(sort, wanted);
        var total = 0;
        for (var i = 0; i < leaves.Count; i++)
        {
            if (scorers[i] is not { } scorer) continue;
            Start(whole, leaves[i], scorer);
            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                whole.Collect(doc);
                total++;
            }
        }
        return new RankedHits(whole.GetTopDocs().ScoreDocs, total, null);
    }

    private static Scorer?[] Scorers(Weight weight, IList<AtomicReaderContext> leaves) =>
        [.. leaves.Select(l => weight.GetScorer(l, l.AtomicReader.LiveDocs))];

    private static TopFieldCollector Collector(Sort sort, int wanted) =>
        TopFieldCollector.Create(sort, Math.Max(1, wanted), fillFields: false, trackDocScores: false,
            trackMaxScore: false, docsScoredInOrder: true);

    private static void Start(ICollector collector, AtomicReaderContext leaf, Scorer scorer)
    {
        collector.SetNextReader(leaf);
        collector.SetScorer(scorer);
    }

    /// <summary>
    /// Collects the matches within the window, each scorer led by the window's documents so that the rest of the
    /// segment is skipped, not read; returns how many there were.
    /// </summary>
    private static int CollectWithin(NewestWindow window, IList<AtomicReaderContext> leaves, Scorer?[] scorers,
        ICollector collector)
    {
        var matches = 0;
        for (var i = 0; i < leaves.Count; i++)
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
