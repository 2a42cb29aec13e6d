using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GovPortal.Search;

/// <summary>
/// Builds the Lucene query from the reader's words. Every word must appear as written (a phrase over the character
/// pairs of <see cref="BigramAnalyzer"/>) in the article's <see cref="SearchFields.Words"/>: its title, text or a
/// related file. What ranks first is the sort's (<see cref="SearchSorts.Relevance"/>: a title holding a part of the
/// query whole before the words' score). No query syntax is read from the input, so no input can make an invalid
/// query.
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
            query.Add(partQuery, Occur.MUST);
        }
        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>
    /// The terms of <paramref name="text"/> at their positions: character pairs, and single characters only where
    /// they stand alone (so 沈志栋 asks for 沈志 then 志栋, next to each other).
    /// </summary>
    public Query? Phrase(string field, string text)
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
        if (kept.Count == 0) return null;
        if (kept.Count == 1) return new TermQuery(new Term(field, kept[0].Term));
        var phrase = new PhraseQuery();
        var first = kept[0].Position;
        foreach (var (term, position, _) in kept) phrase.Add(new Term(field, term), position - first);
        return phrase;
    }
}
