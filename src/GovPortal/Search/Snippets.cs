using System.Net;
using System.Text;

namespace GovPortal.Search;

/// <summary>
/// Marks the reader's words in titles and excerpts. Built here rather than by a highlighter, since a word matches
/// exactly where its characters stand together: a plain text search finds the same places the index did.
/// </summary>
public static class Snippets
{
    public const int ExcerptLength = 120;

    /// <summary>The whole text, HTML-encoded, with every occurrence of a word in &lt;mark&gt;.</summary>
    public static string Highlight(string text, IReadOnlyList<string> words) => Mark(text, 0, text.Length, words);

    /// <summary>
    /// About <see cref="ExcerptLength"/> characters around the first occurrence; null when no word occurs.
    /// </summary>
    public static string? Excerpt(string text, IReadOnlyList<string> words)
    {
        var first = Occurrences(text, words).Select(o => o.Start).DefaultIfEmpty(-1).Min();
        if (first < 0) return null;
        var start = Math.Max(0, first - ExcerptLength / 4);
        var end = Math.Min(text.Length, start + ExcerptLength);
        start = Math.Max(0, Math.Min(start, end - ExcerptLength));
        return (start > 0 ? "…" : "") + Mark(text, start, end, words) + (end < text.Length ? "…" : "");
    }

    /// <summary>The opening of a text, for a result found by a word that only its title holds.</summary>
    public static string Opening(string text) =>
        WebUtility.HtmlEncode(Flatten(text.Length > ExcerptLength ? text[..ExcerptLength] : text)) +
            (text.Length > ExcerptLength ? "…" : "");

    private static string Mark(string text, int start, int end, IReadOnlyList<string> words)
    {
        var html = new StringBuilder();
        var at = start;
        foreach (var (s, e) in Merge(Occurrences(text, words)))
        {
            if (e <= start || s >= end) continue;
            var markStart = Math.Max(s, start);
            var markEnd = Math.Min(e, end);
            html.Append(WebUtility.HtmlEncode(Flatten(text[at..markStart]))).Append("<mark>")
                .Append(WebUtility.HtmlEncode(Flatten(text[markStart..markEnd]))).Append("</mark>");
            at = markEnd;
        }
        html.Append(WebUtility.HtmlEncode(Flatten(text[at..end])));
        return html.ToString();
    }

    private static IEnumerable<(int Start, int End)> Occurrences(string text, IReadOnlyList<string> words)
    {
        foreach (var word in words.Where(w => w.Length > 0))
            for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0;
                i = text.IndexOf(word, i + word.Length, StringComparison.OrdinalIgnoreCase))
                yield return (i, i + word.Length);
    }

    private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> ranges)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            else merged.Add(range);
        }
        return merged;
    }

    // An excerpt is one line: paragraph breaks read as spaces.
    private static string Flatten(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}
