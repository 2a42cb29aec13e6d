using System.Reflection;
using GovPortal.Chinese;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// Finds pornography and gambling spam in text, seeing through spaces, punctuation, full-width forms, zero-width
/// characters and Traditional characters put between the letters.
/// </summary>
public sealed class SpamKeywordCheck
{
    /// <summary>
    /// Weak keywords count as a run when this many different ones fall within <see cref="RunWindow"/>.
    /// </summary>
    public const int RunThreshold = 3;
    public const int RunWindow = 24;

    private sealed record Keyword(string Category, bool Strong, string Text);

    private readonly ChineseConverter _converter;
    private readonly List<Keyword> _keywords;

    public SpamKeywordCheck(ChineseConverter converter)
    {
        _converter = converter;
        _keywords = LoadDefaultKeywords()
            .Select(k => k with { Text = NormalizedText.Normalize(k.Text, converter) })
            .Where(k => k.Text.Length > 0)
            .ToList();
    }

    public IEnumerable<Finding> Check(string text, TextLocator locator)
    {
        var normalized = NormalizedText.From(text, _converter);
        var value = normalized.Value;
        var hits = new List<(Keyword Keyword, int Start)>();
        foreach (var keyword in _keywords)
            for (var at = value.IndexOf(keyword.Text, StringComparison.Ordinal); at >= 0;
                at = value.IndexOf(keyword.Text, at + 1, StringComparison.Ordinal))
                hits.Add((keyword, at));
        hits.Sort((a, b) => a.Start.CompareTo(b.Start));

        var reported = new List<(int Start, int End)>();
        foreach (var (keyword, start) in hits.Where(h => h.Keyword.Strong))
            yield return Report(keyword.Category, $"含有{keyword.Category}信息关键词“{keyword.Text}”", start,
                start + keyword.Text.Length, normalized, text, locator, reported);

        var weak = hits.Where(h => !h.Keyword.Strong).ToList();
        for (var i = 0; i < weak.Count; i++)
        {
            var window = weak.Skip(i).TakeWhile(h => h.Start - weak[i].Start <= RunWindow).ToList();
            var distinct = window.Select(h => h.Keyword.Text).Distinct().Count();
            if (distinct < RunThreshold || window.Any(h => reported.Any(r => h.Start >= r.Start && h.Start < r.End)))
                continue;
            var end = window.Max(h => h.Start + h.Keyword.Text.Length);
            var words = string.Join("、", window.Select(h => h.Keyword.Text).Distinct());
            yield return Report(weak[i].Keyword.Category, $"成串出现{weak[i].Keyword.Category}类关键词：{words}", weak[i].Start,
                end, normalized, text, locator, reported);
        }
    }

    private static Finding Report(string category, string message, int start, int end, NormalizedText normalized,
        string text, TextLocator locator, List<(int Start, int End)> reported)
    {
        reported.Add((start, end));
        var from = normalized.Origins[start];
        var to = normalized.Origins[end - 1] + 1;
        var (line, column) = locator.Locate(from);
        return new Finding(Severity.Block, category + "信息", message, line, column, Excerpt(text, from, to));
    }

    internal static string Excerpt(string text, int from, int to)
    {
        var excerpt = text[from..Math.Min(to, from + 80)].ReplaceLineEndings(" ");
        return to - from > 80 ? excerpt + "…" : excerpt;
    }

    private static IEnumerable<Keyword> LoadDefaultKeywords()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("GovPortal.Safety.spam-keywords.txt")
            ?? throw new InvalidOperationException("spam-keywords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length == 3) yield return new Keyword(parts[0], parts[1] == "strong", parts[2]);
        }
    }
}
