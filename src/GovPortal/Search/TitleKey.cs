using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace GovPortal.Search;

/// <summary>
/// A title, or a part of a query, in the form the two are compared in: full-width forms folded and lower case, as
/// <see cref="BigramAnalyzer"/> folds what it indexes, so a title holding ＰＭ２.５ holds the part pm2.5.
/// </summary>
public static class TitleKey
{
    private static readonly Analyzer Folding = new FoldingAnalyzer();

    public static string Of(string text)
    {
        if (text.Length == 0) return text;
        using var stream = Folding.GetTokenStream("key", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var key = stream.IncrementToken() ? term.ToString() : "";
        stream.End();
        return key;
    }

    /// <summary>The whole text as one term, folded by the same filters as the index's analyzer.</summary>
    private sealed class FoldingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new KeywordTokenizer(reader);
            return new TokenStreamComponents(source, new InvariantLowerCaseFilter(new CJKWidthFilter(source)));
        }
    }
}
