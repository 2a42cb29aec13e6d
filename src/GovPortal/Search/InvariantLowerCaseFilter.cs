using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GovPortal.Search;

/// <summary>
/// Lower-cases every term exactly as Lucene's LowerCaseFilter does (invariant culture, code point by code point),
/// from a table of the 65,536 UTF-16 units made once instead of asking ICU for every term: Chinese text has no case,
/// and that call was a twentieth of a full publish. A surrogate pair still goes to the runtime.
/// </summary>
public sealed class InvariantLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        InvariantLowerCase.InPlace(_term.Buffer.AsSpan(0, _term.Length));
        return true;
    }
}

/// <summary>The invariant culture's lower case of text, one UTF-16 unit at a time from a table.</summary>
public static class InvariantLowerCase
{
    private static readonly char[] Table = BuildTable();

    public static void InPlace(Span<char> text)
    {
        Span<char> pair = stackalloc char[2];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c))
            {
                text[i] = Table[c];
            }
            else if (i + 1 < text.Length && char.IsSurrogatePair(c, text[i + 1]))
            {
                // Simple case mapping keeps a code point's length: the pair stays a pair.
                text.Slice(i, 2).ToLowerInvariant(pair);
                pair.CopyTo(text.Slice(i, 2));
                i++;
            }
            // A lone surrogate is no character and has no case: it stays as it is.
        }
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                table[c] = (char)c;
                continue;
            }
            ReadOnlySpan<char> source = [(char)c];
            source.ToLower(one, CultureInfo.InvariantCulture);
            table[c] = one[0];
        }
        return table;
    }
}
