using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace GovPortal.Search;

/// <summary>
/// Splits what a reader typed into the words that must each appear. Spaces and punctuation separate parts (but not
/// the point of PM2.5 or 1.2亿); within a part, runs of Chinese characters are segmented into words by the SmartCn
/// segmenter (相城区疫苗接种时间 → 相城区 | 疫苗 | 接种 | 时间), and runs of letters and digits (5G, H7N9) stay whole,
/// as the index keeps them. SmartCn splits names it does not know into single characters (沈志栋 → 沈 | 志 | 栋); a run
/// of single characters is kept together as one word, so a name only matches where its characters stand together.
/// </summary>
public sealed class QueryWords
{
    private static readonly HashSet<string> FunctionWords =
        ["的", "了", "在", "是", "和", "与", "及", "或", "等", "吗", "呢", "啊", "哪里", "怎么", "如何", "什么", "哪些"];

    private readonly SmartChineseAnalyzer _segmenter = new(BigramAnalyzer.Version);

    /// <summary>The parts of the query, each with its words; parts without a word are left out.</summary>
    public IReadOnlyList<QueryPart> Split(string query)
    {
        var parts = new List<QueryPart>();
        foreach (var part in SplitAtSeparators(query))
        {
            var words = Segment(part);
            if (words.Count > 0) parts.Add(new QueryPart(part, words));
        }
        return parts;
    }

    private static IEnumerable<string> SplitAtSeparators(string query)
    {
        var part = new StringBuilder();
        var runes = query.EnumerateRunes().ToList();
        for (var i = 0; i < runes.Count; i++)
        {
            var rune = runes[i];
            // A point or apostrophe between letters or digits belongs to the word: PM2.5, 1.2, xi'an.
            var joins = rune.Value is '.' or '\'' && i > 0 && i + 1 < runes.Count && IsLatinOrDigit(runes[i - 1])
                && IsLatinOrDigit(runes[i + 1]);
            if (Rune.IsLetterOrDigit(rune) || joins)
            {
                part.Append(rune.ToString());
                continue;
            }
            if (part.Length > 0) yield return part.ToString();
            part.Clear();
        }
        if (part.Length > 0) yield return part.ToString();
    }

    private List<string> Segment(string part)
    {
        var tokens = new List<Token>();
        foreach (var (start, end, kind) in Runs(part))
        {
            if (kind == RunKind.Chinese) tokens.AddRange(SegmentChinese(part, start, end));
            // SmartCn would cut such a character in half: it is a word of one character, as in a name.
            else if (kind == RunKind.SupplementaryChinese) tokens.Add(new Token(start, end, true, false));
            else tokens.Add(new Token(start, end, false, false));
        }

        var words = new List<Word>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Function)
            {
                // A function word between single characters is part of a name (王在勇); elsewhere it is a gap.
                var inName = i > 0 && i + 1 < tokens.Count && tokens[i - 1].Single && tokens[i + 1].Single
                             && tokens[i - 1].End == token.Start && token.End == tokens[i + 1].Start;
                if (!inName) continue;
                token = token with { Function = false };
            }
            var previous = words.Count > 0 && words[^1].End == token.Start ? words[^1] : null;
            if (previous is not null && (token.Single ? previous.AllSingle : previous.IsLoneSingle))
                words[^1] = previous with { End = token.End, AllSingle = token.Single && previous.AllSingle,
                    Characters = previous.Characters + 1 };
            else
                words.Add(new Word(token.Start, token.End, token.Single, 1));
        }
        // A lone character at the end belongs to the word before it (2023 + 年).
        if (words.Count > 1 && words[^1].IsLoneSingle && words[^2].End == words[^1].Start)
        {
            words[^2] = words[^2] with { End = words[^1].End, AllSingle = false };
            words.RemoveAt(words.Count - 1);
        }
        return words.Select(w => part[w.Start..w.End]).Distinct().ToList();
    }

    private IEnumerable<Token> SegmentChinese(string part, int start, int end)
    {
        using var stream = _segmenter.GetTokenStream("q", part[start..end]);
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<Token>();
        while (stream.IncrementToken())
        {
            var (s, e) = (start + offsets.StartOffset, start + offsets.EndOffset);
            var single = e - s == 1;
            tokens.Add(new Token(s, e, single, FunctionWords.Contains(term.ToString())));
        }
        stream.End();
        return tokens;
    }

    private enum RunKind { Other, Chinese, SupplementaryChinese }

    /// <summary>
    /// Maximal runs of Chinese characters and of everything else, as UTF-16 offsets; a Chinese character beyond the
    /// Basic Multilingual Plane is a run by itself.
    /// </summary>
    private static IEnumerable<(int Start, int End, RunKind Kind)> Runs(string part)
    {
        var start = 0;
        RunKind? kind = null;
        var offset = 0;
        foreach (var rune in part.EnumerateRunes())
        {
            var runeKind = !IsChinese(rune) ? RunKind.Other : rune.IsBmp ? RunKind.Chinese
                : RunKind.SupplementaryChinese;
            if (kind is not null && (runeKind != kind || runeKind == RunKind.SupplementaryChinese))
            {
                yield return (start, offset, kind.Value);
                start = offset;
            }
            kind = runeKind;
            offset += rune.Utf16SequenceLength;
        }
        if (kind is not null) yield return (start, offset, kind.Value);
    }

    private static bool IsChinese(Rune rune) =>
        rune.Value is >= 0x3400 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF;

    private static bool IsLatinOrDigit(Rune rune) => rune.IsAscii && Rune.IsLetterOrDigit(rune)
        || Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber;

    private sealed record Token(int Start, int End, bool Single, bool Function);

    private sealed record Word(int Start, int End, bool AllSingle, int Characters)
    {
        public bool IsLoneSingle => AllSingle && Characters == 1;
    }
}

/// <param name="Text">The part as typed (after normalisation), e.g. 生态环境保护大会.</param>
/// <param name="Words">Its words, each of which must appear: e.g. 生态 | 环境 | 保护 | 大会.</param>
public sealed record QueryPart(string Text, IReadOnlyList<string> Words);
