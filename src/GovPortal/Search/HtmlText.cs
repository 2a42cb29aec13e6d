using System.Net;
using System.Text;

namespace GovPortal.Search;

/// <summary>
/// The readable text of sanitized article HTML: tags dropped, block ends become line breaks, entities decoded.
/// A single pass over the string rather than a DOM: bodies are sanitizer output, and a full parse per article was
/// most of the cost of indexing.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> BlockEnds =
        ["p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
            "blockquote", "section"];

    public static string Of(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var text = new StringBuilder(html.Length);
        var segment = 0;
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] != '<')
            {
                i++;
                continue;
            }
            AppendText(html, segment, i, text);
            var end = TagEnd(html, i);
            var name = TagName(html, i);
            if (BlockEnds.Contains(name) && text.Length > 0 && text[^1] != '\n' && (html[i + 1] == '/' || name == "br"))
                text.Append('\n');
            i = segment = end;
        }
        AppendText(html, segment, html.Length, text);
        return text.ToString().Trim();
    }

    private static void AppendText(string html, int start, int end, StringBuilder text)
    {
        if (end <= start) return;
        var span = html.AsSpan(start, end - start);
        if (span.Contains('&')) text.Append(WebUtility.HtmlDecode(span.ToString()));
        else text.Append(span);
    }

    /// <summary>The index after the tag's closing '&gt;', stepping over quoted attribute values.</summary>
    private static int TagEnd(string html, int start)
    {
        char? quote = null;
        for (var i = start + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null) { if (c == quote) quote = null; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i + 1;
        }
        return html.Length;
    }

    private static string TagName(string html, int start)
    {
        var i = start + 1;
        if (i < html.Length && html[i] == '/') i++;
        var nameStart = i;
        while (i < html.Length && char.IsAsciiLetterOrDigit(html[i])) i++;
        return html[nameStart..i].ToLowerInvariant();
    }
}
