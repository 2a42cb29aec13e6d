using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace GovPortal.Search;

/// <summary>
/// Splits what a reader typed into the words that must each appear: spaces and punctuation separate parts, and
/// each part is segmented into words by the SmartCn Chinese segmenter (相城区疫苗接种时间 → 相城区 | 疫苗 | 接种 | 时间).
/// The segmenter splits names it does not know into single characters (沈志栋 → 沈 | 志 | 栋); a run of single
/// characters is kept together as one word, so a name only matches where its characters stand together.
/// </summary>
public sealed class QueryWords
{
    private readonly SmartChineseAnalyzer _segmenter = new(BigramAnalyzer.Version);

    /// <summary>The parts of the query (split at spaces and punctuation), each with its words.</summary>
    public IReadOnlyList<QueryPart> Split(string query)
    {
        var parts = new List<QueryPart>();
        foreach (var part in SplitAtSeparators(query))
            parts.Add(new QueryPart(part, Segment(part)));
        return parts;
    }

    private static IEnumerable<string> SplitAtSeparators(string query)
    {
        var start = -1;
        for (var i = 0; i <= query.Length; i++)
        {
            var inWord = i < query.Length && char.IsLetterOrDigit(query[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return query[start..i];
                start = -1;
            }
        }
    }

    private IReadOnlyList<string> Segment(string part)
    {
        var words = new List<Word>();
        using (var stream = _segmenter.GetTokenStream("q", part))
        {
            var offsets = stream.AddAttribute<IOffsetAttribute>();
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                // A function word is a gap between words, as a space would be: 在哪里召开 asks for 召开.
                if (FunctionWords.Contains(term.ToString())) continue;
                var (start, end) = (offsets.StartOffset, offsets.EndOffset);
                var single = end - start == 1 && IsChinese(part[start]);
                var previous = words.Count > 0 && words[^1].End == start ? words[^1] : null;
                if (previous is not null && (single ? previous.AllSingle : previous.IsLoneSingle))
                    words[^1] = previous with { End = end, AllSingle = single && previous.AllSingle };
                else
                    words.Add(new Word(start, end, single));
            }
            stream.End();
        }
        // A lone character at the end belongs to the word before it (2023 + 年).
        if (words.Count > 1 && words[^1].IsLoneSingle && words[^2].End == words[^1].Start)
        {
            words[^2] = words[^2] with { End = words[^1].End, AllSingle = false };
            words.RemoveAt(words.Count - 1);
        }
        if (words.Count == 0) return FunctionWords.Contains(part) ? [] : [part];
        return words.Select(w => part[w.Start..w.End]).Distinct().ToList();
    }

    private static bool IsChinese(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static readonly HashSet<string> FunctionWords =
        ["的", "了", "在", "是", "和", "与", "及", "或", "等", "吗", "呢", "啊", "哪里", "怎么", "如何", "什么", "哪些"];

    private sealed record Word(int Start, int End, bool AllSingle)
    {
        public bool IsLoneSingle => AllSingle && End - Start == 1;
    }
}

/// <param name="Text">The part as typed (after normalisation), e.g. 生态环境保护大会.</param>
/// <param name="Words">Its words, each of which must appear: e.g. 生态 | 环境 | 保护 | 大会.</param>
public sealed record QueryPart(string Text, IReadOnlyList<string> Words);
