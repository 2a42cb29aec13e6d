using System.Reflection;
using System.Text.RegularExpressions;
using GovPortal.Chinese;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// Finds pornography, gambling and contraband spam in text by its pattern, not by single words: enforcement news
/// (扫黄打非, 打击赌博, 禁毒 reports) uses the same words as spam, so a word alone blocks only when no government text
/// would ever write it (国产不卡); otherwise spam words must come as a cluster — close together within one sentence —
/// in a sentence that does not speak about enforcement, or disguised (spaced, zero-width, full-width, lookalike
/// letters, pinyin) as ordinary prose never is, or next to a web address of a casino or pornography site.
/// See spam-keywords.txt and enforcement-words.txt for the words and weights.
/// </summary>
public sealed partial class SpamKeywordCheck
{
    /// <summary>Distinct weight at which a cluster blocks; a term of this weight blocks on its own.</summary>
    public const double BlockingWeight = 3;

    /// <summary>Distinct weight at which a disguised cluster blocks.</summary>
    public const double DisguisedBlockingWeight = 2;

    /// <summary>Most characters (after normalizing) between two spam words of one cluster.</summary>
    public const int MaxGap = 3;

    /// <summary>How far (in characters, within the sentence) an enforcement word reaches to a cluster.</summary>
    public const int ContextReach = 160;

    private const double UnknownAddressWeight = 1.5;

    private sealed record Term(string Category, double Weight, bool Spelled, string Text);

    /// <param name="Quoted">Inside quotation marks (“注册送彩金”): named, not used — how news mentions spam.</param>
    private readonly record struct Hit(Term Term, int Start, int End, bool Disguised, bool Quoted = false);

    /// <summary>What the spam words of a text add up to.</summary>
    /// <param name="Weight">The distinct weights of all its words.</param>
    /// <param name="UnquotedWeight">The same without the words in quotation marks.</param>
    public sealed record Assessment(string Category, double Weight, double UnquotedWeight, bool Disguised,
        bool AboutEnforcement, IReadOnlyList<string> Words);

    private readonly ChineseConverter _converter;
    private readonly Dictionary<char, Term[]> _terms;
    private readonly Dictionary<char, string[]> _enforcementWords;

    public SpamKeywordCheck(ChineseConverter converter)
    {
        _converter = converter;
        _terms = LoadTerms(converter)
            .GroupBy(t => t.Text[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Text.Length).ToArray());
        _enforcementWords = ReadResource("enforcement-words.txt")
            .Select(w => NormalizedText.Normalize(w, converter))
            .Where(w => w.Length > 0)
            .Distinct()
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    public IEnumerable<Finding> Check(string text, TextLocator locator)
    {
        var normalized = NormalizedText.From(text, _converter);
        var sentences = SentenceNumbers(text, normalized);
        var enforcement = EnforcementPositions(normalized.Value);
        foreach (var cluster in Clusters(Hits(text, normalized, QuotedCharacters(text)), sentences))
        {
            var assessment = Assess(cluster, HasEnforcementNearby(cluster, enforcement, sentences));
            if (!Blocks(assessment)) continue;
            var from = normalized.Origins[cluster[0].Start];
            var to = normalized.Origins[cluster.Max(h => h.End) - 1] + 1;
            var (line, column) = locator.Locate(from);
            yield return new Finding(Severity.Block, assessment.Category + "信息", Describe(assessment), line, column,
                Excerpt(text, from, to));
        }
    }

    /// <summary>
    /// The spam words of a short text (a link's words, a hidden element's text) taken together as one cluster.
    /// </summary>
    public Assessment Assess(string text)
    {
        var normalized = NormalizedText.From(text, _converter);
        var hits = Hits(text, normalized, QuotedCharacters(text));
        return Assess(hits, EnforcementPositions(normalized.Value).Count > 0);
    }

    /// <summary>Whether an assessment is spam: see the class summary.</summary>
    public static bool Blocks(Assessment a) =>
        a.Weight >= BlockingWeight && (a.Disguised || !a.AboutEnforcement && a.UnquotedWeight >= BlockingWeight)
        || a.Disguised && a.Weight >= DisguisedBlockingWeight;

    private static string Describe(Assessment a)
    {
        var disguise = a.Disguised ? "（字词经过变形伪装）" : "";
        return a.Words.Count == 1
            ? $"含有{a.Category}信息关键词“{a.Words[0]}”{disguise}"
            : $"成串出现{a.Category}类关键词：{string.Join("、", a.Words)}{disguise}";
    }

    private static Assessment Assess(IReadOnlyList<Hit> hits, bool aboutEnforcement)
    {
        var distinct = hits.GroupBy(h => h.Term.Text).Select(g => g.First().Term).ToList();
        var category = distinct.Where(t => t.Category.Length > 0)
            .GroupBy(t => t.Category)
            .OrderByDescending(g => g.Sum(t => t.Weight))
            .Select(g => g.Key)
            .FirstOrDefault() ?? "赌博";
        // One term heavy enough to block alone is spam whatever the sentence says about it.
        var alone = distinct.FirstOrDefault(t => t.Weight >= BlockingWeight);
        if (alone is not null)
            return new Assessment(alone.Category.Length > 0 ? alone.Category : category, alone.Weight,
                alone.Weight, hits.Any(h => h.Disguised), false, [alone.Text]);
        var unquoted = hits.Where(h => !h.Quoted).GroupBy(h => h.Term.Text).Sum(g => g.First().Term.Weight);
        return new Assessment(category, distinct.Sum(t => t.Weight), unquoted, hits.Any(h => h.Disguised),
            aboutEnforcement, distinct.Select(t => t.Text).ToList());
    }

    /// <summary>
    /// Spam words and web addresses in the text, in order, none inside another (一区二区三区 hides 二区三区).
    /// </summary>
    private List<Hit> Hits(string text, NormalizedText normalized, bool[] quoted)
    {
        var value = normalized.Value;
        var hits = new List<Hit>();
        for (var i = 0; i < value.Length; i++)
        {
            if (!_terms.TryGetValue(value[i], out var candidates)) continue;
            foreach (var term in candidates)
            {
                if (i + term.Text.Length > value.Length
                    || string.CompareOrdinal(value, i, term.Text, 0, term.Text.Length) != 0
                    || !StandsAlone(term.Text, text, normalized, i, i + term.Text.Length))
                    continue;
                hits.Add(new Hit(term, i, i + term.Text.Length,
                    term.Spelled || normalized.IsDisguised(i, i + term.Text.Length), quoted[normalized.Origins[i]]));
                break;
            }
        }
        var official = new List<(int Start, int End)>();
        foreach (Match address in WebAddress().Matches(text))
        {
            var (start, end) = NormalizedRange(normalized, address.Index, address.Index + address.Length);
            if (start >= end) continue;
            var host = address.Groups["host"].Value.ToLowerInvariant();
            if (SuspiciousHosts.IsOfficial(host)) official.Add((start, end));
            else if (SuspiciousHosts.CategoryOf(host) is { } category)
                hits.Add(new Hit(new Term(category, BlockingWeight, false, host), start, end, false));
            else hits.Add(new Hit(new Term("", UnknownAddressWeight, false, host), start, end, false));
        }
        // An official address (www.duchang.gov.cn, 都昌县) is never spam, whatever its letters spell.
        if (official.Count > 0)
            hits.RemoveAll(h => official.Any(o => h.Start >= o.Start && h.End <= o.End));
        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var kept = new List<Hit>(hits.Count);
        var coveredTo = -1;
        foreach (var hit in hits)
        {
            if (hit.End <= coveredTo) continue;
            kept.Add(hit);
            coveredTo = hit.End;
        }
        return kept;
    }

    /// <summary>A term in Latin letters must not be part of a longer word (bet in alphabet, kaihu in kaihua).</summary>
    private static bool StandsAlone(string term, string text, NormalizedText normalized, int start, int end)
    {
        if (char.IsAsciiLetterOrDigit(term[0]))
        {
            var before = normalized.Origins[start] - 1;
            if (before >= 0 && char.IsAsciiLetterOrDigit(text[before])) return false;
        }
        if (char.IsAsciiLetterOrDigit(term[^1]))
        {
            var after = normalized.Origins[end - 1] + 1;
            if (after < text.Length && char.IsAsciiLetterOrDigit(text[after])) return false;
        }
        return true;
    }

    private static (int Start, int End) NormalizedRange(NormalizedText normalized, int from, int to)
    {
        var origins = normalized.Origins;
        var start = LowerBound(origins, from);
        var end = LowerBound(origins, to);
        return (start, end);
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < value) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>Hits grouped into clusters: within one sentence, at most <see cref="MaxGap"/> apart.</summary>
    private static IEnumerable<List<Hit>> Clusters(List<Hit> hits, int[] sentences)
    {
        var cluster = new List<Hit>();
        var end = 0;
        foreach (var hit in hits)
        {
            if (cluster.Count > 0
                && (hit.Start - end > MaxGap || sentences[hit.Start] != sentences[cluster[0].Start]))
            {
                yield return cluster;
                cluster = [];
            }
            cluster.Add(hit);
            end = Math.Max(end, hit.End);
        }
        if (cluster.Count > 0) yield return cluster;
    }

    /// <summary>
    /// For each normalized character, the number of the sentence it is in. Sentences end at 。！？ and at line ends,
    /// except a line ending in ： or ；, which goes on into the next: the items of a list belong to their heading
    /// (“严厉打击以下违法犯罪活动：” over “组织百家乐、六合彩等赌博；”).
    /// </summary>
    private static int[] SentenceNumbers(string text, NormalizedText normalized)
    {
        var numbers = new int[normalized.Value.Length];
        int sentence = 0, position = 0;
        var last = ' ';
        for (var k = 0; k < numbers.Length; k++)
        {
            for (; position < normalized.Origins[k]; position++)
            {
                var c = text[position];
                if (c is '。' or '！' or '？' or '!' or '?'
                    || c is '\n' or '\r' && last is not ('：' or ':' or '；' or ';' or '\n' or '\r'))
                    sentence++;
                if (!char.IsWhiteSpace(c) || c is '\n' or '\r') last = c;
            }
            position = normalized.Origins[k] + 1;
            last = text[normalized.Origins[k]];
            numbers[k] = sentence;
        }
        return numbers;
    }

    /// <summary>For each character of the text, whether it stands inside quotation marks (“” 「」 『』 《》 ‘’).</summary>
    private static bool[] QuotedCharacters(string text)
    {
        var quoted = new bool[text.Length];
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '“' or '「' or '『' or '《' or '‘') depth = Math.Min(depth + 1, 8);
            else if (c is '”' or '」' or '』' or '》' or '’') depth = Math.Max(depth - 1, 0);
            else if (c is '\n' or '。') depth = 0; // an unclosed quotation mark ends with its sentence
            quoted[i] = depth > 0;
        }
        return quoted;
    }

    private List<int> EnforcementPositions(string value)
    {
        var positions = new List<int>();
        for (var i = 0; i < value.Length; i++)
        {
            if (!_enforcementWords.TryGetValue(value[i], out var words)) continue;
            // 不违法, 无违规: spam copy reassuring its readers is no report about enforcement.
            if (i > 0 && value[i - 1] is '不' or '无' or '没') continue;
            if (words.Any(w => i + w.Length <= value.Length && string.CompareOrdinal(value, i, w, 0, w.Length) == 0))
                positions.Add(i);
        }
        return positions;
    }

    private static bool HasEnforcementNearby(List<Hit> cluster, List<int> enforcement, int[] sentences)
    {
        var start = cluster[0].Start;
        var end = cluster.Max(h => h.End);
        var sentence = sentences[start];
        var index = enforcement.BinarySearch(start - ContextReach);
        if (index < 0) index = ~index;
        for (; index < enforcement.Count && enforcement[index] <= end + ContextReach; index++)
        {
            var at = enforcement[index];
            if (sentences[at] == sentence) return true;
            if (sentences[at] > sentence) break;
        }
        return false;
    }

    internal static string Excerpt(string text, int from, int to)
    {
        var excerpt = text[from..Math.Min(to, from + 80)].ReplaceLineEndings(" ");
        return to - from > 80 ? excerpt + "…" : excerpt;
    }

    /// <summary>Web addresses written in text: www.example.com, https://example.com/x, example.vip.</summary>
    [GeneratedRegex(@"(?<![\w.-])(?:https?://)?(?<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,6}" +
        @"(?:com|net|org|cn|info|top|xyz|vip|cc|tv|me|co|io|biz|club|site|online|shop|app|live|ws|la|bet|casino" +
        @"|xxx|sex|porn|adult|poker|win|fun|icu|pw|hk|mo|tw|asia|in|ru|us))(?![a-z0-9-])",
        RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();

    private static IEnumerable<Term> LoadTerms(ChineseConverter converter)
    {
        foreach (var line in ReadResource("spam-keywords.txt"))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3) continue;
            var spelled = parts[1].EndsWith('*');
            var weight = double.Parse(parts[1].TrimEnd('*'), System.Globalization.CultureInfo.InvariantCulture);
            var text = NormalizedText.Normalize(parts[2], converter);
            if (text.Length > 0) yield return new Term(parts[0], weight, spelled, text);
        }
    }

    private static IEnumerable<string> ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GovPortal.Safety." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#')
                yield return line;
    }
}
