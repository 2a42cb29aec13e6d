using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace GovPortal.Search;

/// <summary>
/// How indexed text becomes terms: every Chinese character and every pair of neighbouring characters (相, 相城, 城,
/// 城区, 区), Latin words and numbers whole, full-width forms folded, lower case. A query word then matches exactly
/// where its characters stand together, whatever a segmenter would have made of the surrounding sentence.
/// </summary>
public sealed class BigramAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private const CJKScript AllScripts = CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new InvariantLowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream, AllScripts, outputUnigrams: true);
        return new TokenStreamComponents(source, stream);
    }

    // Values of a multi-valued field (one per related file) never form a phrase across their boundary.
    public override int GetPositionIncrementGap(string fieldName) => 100;
}
