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

    /// <summary>
    /// Whether <paramref name="title"/> holds <paramref name="part"/> (both keys) as the index would find it: a run of
    /// letters or digits at either end of the part must not run on in the title, as the index keeps such runs whole
    /// (3号 is not in 〔2023〕13号, nor ai in email, nor 2.5 in pm2.5). Chinese characters need no such check: the
    /// index pairs them, so 相城 is found in 相城区.
    /// </summary>
    public static bool Holds(ReadOnlySpan<char> title, string part)
    {
        for (var from = 0; from + part.Length <= title.Length;)
        {
            var at = title[from..].IndexOf(part, StringComparison.Ordinal);
            if (at < 0) return false;
            at += from;
            var end = at + part.Length;
            var startsFree = !IsWord(part[0]) || !RunsOn(title, at - 1, -1);
            var endsFree = !IsWord(part[^1]) || !RunsOn(title, end, +1);
            if (startsFree && endsFree) return true;
            from = at + 1;
        }
        return false;
    }

    /// <summary>
    /// Whether the character at <paramref name="i"/> continues a run of letters or digits: one itself, or a point or
    /// apostrophe followed (in <paramref name="step"/>'s direction) by one, as in PM2.5 or xi'an.
    /// </summary>
    private static bool RunsOn(ReadOnlySpan<char> title, int i, int step)
    {
        if (i < 0 || i >= title.Length) return false;
        if (IsWord(title[i])) return true;
        var next = i + step;
        return title[i] is '.' or '\'' && next >= 0 && next < title.Length && IsWord(title[next]);
    }

    /// <summary>A letter or digit the index keeps in a run (Latin, Cyrillic…), not one it pairs (Chinese).</summary>
    private static bool IsWord(char c) => c < '\u2E80' && char.IsLetterOrDigit(c);

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
