using System.Globalization;
using System.Text;
using GovPortal.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace GovPortal.Tests.Search;

/// <summary>
/// The table-driven lower case must give the very terms Lucene's own filter gave: an index built before it and a
/// query analysed after it must still meet.
/// </summary>
public sealed class InvariantLowerCaseTests
{
    private static string Reference(string text)
    {
        var lower = new char[text.Length];
        text.AsSpan().ToLower(lower, CultureInfo.InvariantCulture);
        return new string(lower);
    }

    private static string Lowered(string text)
    {
        var chars = text.ToCharArray();
        InvariantLowerCase.InPlace(chars);
        return new string(chars);
    }

    [Fact]
    public void Every_character_of_the_basic_plane_is_lowered_as_the_invariant_culture_lowers_it()
    {
        var text = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
            if (!char.IsSurrogate((char)c)) text.Append((char)c);

        var all = text.ToString();
        Assert.Equal(Reference(all), Lowered(all));
        Assert.Equal("abcσａ", Lowered("ABCΣＡ")); // and it does lower: the table is not the identity
    }

    [Fact]
    public void Every_character_beyond_the_basic_plane_is_lowered_as_the_invariant_culture_lowers_it()
    {
        var text = new StringBuilder();
        for (var codePoint = 0x10000; codePoint <= 0x10FFFF; codePoint++) text.Append(char.ConvertFromUtf32(codePoint));

        var all = text.ToString();
        Assert.Equal(Reference(all), Lowered(all));
        Assert.Equal("𐐨", Lowered("𐐀")); // Deseret has case
    }

    [Fact]
    public void A_lone_surrogate_is_kept_and_its_neighbours_lowered()
    {
        // A lone high surrogate, a lone low one, the two the wrong way round, a high one at the end.
        foreach (var text in new[] { "A\uD800B", "A\uDC00B", "\uDC00\uD800", "Z\uD801" })
            Assert.Equal(Reference(text), Lowered(text));
    }

    [Fact]
    public void The_analyzer_makes_the_terms_lucene_lower_case_filter_made()
    {
        const string text = "相城区 GOV.UK ＡＢＣ ΣΊΣΥΦΟΣ İstanbul Straße 𐐀𐐁 王𬍛 PM2.5 5G基站 ＨＥＬＬＯ世界";

        Assert.Equal(TermsOf(new LuceneLowerCaseAnalyzer(), text), TermsOf(new BigramAnalyzer(), text));
        Assert.Contains("gov.uk", TermsOf(new BigramAnalyzer(), text));
    }

    private static List<string> TermsOf(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var terms = new List<string>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    /// <summary>The analyzer as it was with Lucene's LowerCaseFilter.</summary>
    private sealed class LuceneLowerCaseAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(BigramAnalyzer.Version, reader);
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(BigramAnalyzer.Version, stream);
            stream = new CJKBigramFilter(stream,
                CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
            return new TokenStreamComponents(source, stream);
        }
    }
}
