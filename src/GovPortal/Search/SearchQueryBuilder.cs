using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GovPortal.Search;

/// <summary>
/// Builds the Lucene query from the reader's words. Every word must appear as written (a phrase over the character
/// pairs of <see cref="BigramAnalyzer"/>) in the article's <see cref="SearchFields.Words"/>: its title, text or a
/// related file. A title holding a part of the query whole (生态环境保护大会, or 相城区 alone) ranks higher. No query
/// syntax is read from the input, so no input can make an invalid query.
/// </summary>
public sealed class SearchQueryBuilder
{
    private readonly BigramAnalyzer _analyzer = new();

    /// <summary>Matches no document: for a word the index cannot hold (e.g. a run of letters beyond 255).</summary>
    private static readonly Query Nothing = new TermQuery(new Term(SearchFields.Id, "none"));

    /// <returns>Null when there are no parts, i.e. nothing to look for.</returns>
    public Query? Build(IReadOnlyList<QueryPart> parts)
    {
        var query = new BooleanQuery();
        foreach (var part in parts)
        {
            var partQuery = new BooleanQuery();
            foreach (var word in part.Words)
                partQuery.Add(Phrase(SearchFields.Words, word) ?? Nothing, Occur.MUST);
            if (partQuery.Clauses.Count == 0) continue;
            // The title is asked once a part, for the part whole: at a million articles, asking it for each word
            // as well made the p95 a third longer (docs/benchmarks.md, "Search across sites").
            if (Phrase(SearchFields.Title, part.Text, coveringPairsOnly: true) is { } whole)
            {
                whole.Boost = 8f;
                partQuery.Add(whole, Occur.SHOULD);
            }
            query.Add(partQuery, Occur.MUST);
        }
        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>
    /// The terms of <paramref name="text"/> at their positions: character pairs, and single characters only where
    /// they stand alone (so 沈志栋 asks for 沈志 then 志栋, next to each other).
    /// </summary>
    /// <param name="coveringPairsOnly">Asks only the pairs that cover the text (<see cref="Covering"/>): for
    /// ranking, never for matching.</param>
    public Query? Phrase(string field, string text, bool coveringPairsOnly = false)
    {
        var tokens = new List<(string Term, int Position, bool Pair)>();
        using (var stream = _analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var length = stream.AddAttribute<IPositionLengthAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                tokens.Add((term.ToString(), position, length.PositionLength == 2));
            }
            stream.End();
        }
        var pairStarts = tokens.Where(t => t.Pair).Select(t => t.Position).ToHashSet();
        var kept = tokens.Where(t => t.Pair
            || !(pairStarts.Contains(t.Position) || pairStarts.Contains(t.Position - 1))).ToList();
        if (coveringPairsOnly) kept = Covering(kept, pairStarts);
        if (kept.Count == 0) return null;
        if (kept.Count == 1) return new TermQuery(new Term(field, kept[0].Term));
        var phrase = new PhraseQuery();
        var first = kept[0].Position;
        foreach (var (term, position, _) in kept) phrase.Add(new Term(field, term), position - first);
        return phrase;
    }

    /// <summary>
    /// The terms without the pairs whose two characters the pairs either side already hold: 生态环境保护大会 asked as
    /// 生态, 环境, 保护, 大会 at their positions rather than seven pairs. Each term asked is a look-up in every segment
    /// of every site searched: at a million articles, asking the title for every pair made the p95 of 全部站点 about
    /// a quarter slower (docs/benchmarks.md, "Search across sites"). Only for the title, which ranks: the pairs left
    /// out also tell that no punctuation stands between (生态，环境 has no pair 态环), which matching must not forget.
    /// </summary>
    private static List<(string Term, int Position, bool Pair)> Covering(
        List<(string Term, int Position, bool Pair)> terms, HashSet<int> pairStarts)
    {
        var lastPair = int.MinValue;
        var covering = new List<(string Term, int Position, bool Pair)>();
        foreach (var term in terms)
        {
            if (term.Pair && lastPair == term.Position - 1 && pairStarts.Contains(term.Position + 1)) continue;
            if (term.Pair) lastPair = term.Position;
            covering.Add(term);
        }
        return covering;
    }
}
