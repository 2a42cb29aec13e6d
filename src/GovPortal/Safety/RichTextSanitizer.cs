using System.Diagnostics;
using Ganss.Xss;

namespace GovPortal.Safety;

/// <summary>
/// The one gate every article body passes before it is stored: an allowlist of structural tags and a few
/// attributes. No style, no script, no event handler, no frame, no form survives it. Markup nested deeper than
/// <see cref="MaxNesting"/> is refused before it is parsed (an HTML parser spends time on each element in proportion
/// to the elements open around it, so 80,000 nested quotes kept one request busy for half a minute), and a body that
/// still takes longer than <see cref="TimeLimit"/> to clean is refused rather than stored half-cleaned.
/// </summary>
public sealed class RichTextSanitizer
{
    /// <summary>How deep elements may nest: far beyond any real document, far below what costs time.</summary>
    public const int MaxNesting = 64;

    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    private static readonly string[] AllowedTags =
    [
        "p", "br", "strong", "b", "em", "i", "u", "sub", "sup", "h2", "h3", "h4", "blockquote",
        "ul", "ol", "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img", "figure",
        "figcaption", "hr", "video",
    ];

    /// <summary>Elements whose content is code, data or a fallback, never text a reader should see.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "noframes", "noembed", "object",
        "applet", "xmp", "plaintext", "title", "textarea", "select", "svg", "math",
    };

    private static readonly string[] AllowedAttributes =
        ["href", "src", "alt", "title", "colspan", "rowspan", "scope", "poster", "class"];

    /// <summary>
    /// The only classes kept: a picture's alignment and the mark of a video block, which the theme styles. Any other
    /// class (Word's Mso…, a pasted page's layout) goes, so a body cannot borrow the site's own styles.
    /// </summary>
    public static readonly IReadOnlySet<string> AllowedClasses =
        new HashSet<string>(["align-left", "align-center", "align-right", "video"], StringComparer.Ordinal);

    // The sanitizer is shared and synchronous: each thread checks the deadline of the call it is running.
    [ThreadStatic] private static long t_deadline;

    private readonly HtmlSanitizer _sanitizer;

    public RichTextSanitizer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "poster"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedClasses = new HashSet<string>(AllowedClasses, StringComparer.Ordinal),
        });
        // A removed element's text stays (a <font> or <span> from Word holds prose)…
        _sanitizer.KeepChildNodes = true;
        // Called for every node the sanitizer visits: where a slow body is stopped.
        _sanitizer.PostProcessNode += (_, _) => CheckDeadline();
        _sanitizer.RemovingTag += (_, e) =>
        {
            CheckDeadline();
            // …but a script, a style sheet or a frame's fallback is not prose: it goes with its content, instead of
            // showing as escaped code on the published page.
            if (DroppedWithContent.Contains(e.Tag.LocalName)) e.Tag.InnerHtml = "";
        };
        _sanitizer.RemovingAttribute += (_, _) => CheckDeadline();
    }

    /// <summary>The body as stored: only what the allowlist keeps.</summary>
    /// <exception cref="RichTextRefusedException">Nested too deep, or too slow to clean.</exception>
    public string Sanitize(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        if (NestingDepth(html, stopAbove: MaxNesting) > MaxNesting)
            throw new RichTextRefusedException(
                $"标签嵌套超过 {MaxNesting} 层（例如层层套叠的引用或表格），请简化格式后再保存。");
        t_deadline = Stopwatch.GetTimestamp() + (long)(TimeLimit.TotalSeconds * Stopwatch.Frequency);
        try
        {
            return _sanitizer.Sanitize(html).Trim();
        }
        finally
        {
            t_deadline = 0;
        }
    }

    private static void CheckDeadline()
    {
        if (t_deadline != 0 && Stopwatch.GetTimestamp() > t_deadline)
            throw new RichTextRefusedException(
                $"内容过于复杂，安全过滤超过 {TimeLimit.TotalSeconds:0} 秒仍未完成，请简化格式或拆分后再保存。");
    }

    // Elements a parser never nests (they have no content).
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr",
    };

    // Start tags that close an open <p> (HTML's "close a p element in button scope"), and the elements that end
    // that scope: "<p>一<div>" puts the div beside the paragraph, not inside it.
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "section", "summary",
        "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "li", "dd", "dt", "table",
    };

    private static readonly HashSet<string> ButtonScope = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "table", "td", "th", "caption", "marquee", "object", "applet", "template", "button",
    };

    // What a list item's or term's start tag walks through to find the open one it closes; anything else (another
    // list, a quote, a table) means the new one is nested, and the count stays on the safe side.
    private static readonly HashSet<string> ListItemTransparent = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "address", "a", "b", "i", "em", "strong", "u", "s", "span", "font", "sub", "sup", "small",
        "big", "code", "strike", "tt", "nobr", "label", "abbr", "cite", "q", "mark",
    };

    /// <summary>
    /// How deep the elements of <paramref name="html"/> nest, read in one pass over its tags without parsing it: at
    /// least as deep as a parser would build (never less), so a limit on it bounds the parser's work. Stops as soon
    /// as the depth passes <paramref name="stopAbove"/>, so the pass itself stays linear.
    /// </summary>
    public static int NestingDepth(string html, int stopAbove = int.MaxValue)
    {
        var open = new List<string>();
        var deepest = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0) break;
                i = end + 3;
                continue;
            }
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
                nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }
            var name = html[nameStart..nameEnd];
            var tagEnd = EndOfTag(html, nameEnd);
            if (closing)
            {
                var at = open.FindLastIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0) open.RemoveRange(at, open.Count - at);
            }
            else if (!VoidElements.Contains(name) && !(html[tagEnd - 1] == '>' && html[tagEnd - 2] == '/'))
            {
                CloseImplied(open, name);
                open.Add(name);
                deepest = Math.Max(deepest, open.Count);
                if (deepest > stopAbove) return deepest;
            }
            i = tagEnd;
        }
        return deepest;
    }

    /// <summary>
    /// Pops what a parser closes when <paramref name="name"/> starts: a paragraph before a block, the previous item of
    /// a list, cell or row of a table, option of a list. The stack is never longer than the limit, so this is cheap.
    /// </summary>
    private static void CloseImplied(List<string> open, string name)
    {
        var lower = name.ToLowerInvariant();
        if (ClosesParagraph.Contains(lower)) PopTo(open, ["p"], stopAt: ButtonScope.Contains);
        switch (lower)
        {
            case "li":
                PopTo(open, ["li"], stopAt: n => !ListItemTransparent.Contains(n));
                break;
            case "dt" or "dd":
                PopTo(open, ["dt", "dd"], stopAt: n => !ListItemTransparent.Contains(n));
                break;
            case "td" or "th":
                PopTo(open, ["td", "th"], stopAt: n => n.Equals("table", StringComparison.OrdinalIgnoreCase));
                break;
            case "tr":
                PopTo(open, ["tr"], stopAt: n => n.Equals("table", StringComparison.OrdinalIgnoreCase));
                break;
            case "option":
                if (open.Count > 0 && open[^1].Equals("option", StringComparison.OrdinalIgnoreCase))
                    open.RemoveAt(open.Count - 1);
                break;
        }
    }

    private static void PopTo(List<string> open, string[] names, Func<string, bool> stopAt)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (names.Any(n => n.Equals(open[i], StringComparison.OrdinalIgnoreCase)))
            {
                open.RemoveRange(i, open.Count - i);
                return;
            }
            if (stopAt(open[i])) return;
        }
    }

    /// <returns>The index just after the tag's closing '>' (quoted attribute values may hold '>').</returns>
    /// <remarks>
    /// As the HTML tokenizer reads a tag: a quote opens a value only as the first character after '=' (spaces
    /// allowed between); anywhere else (<c>&lt;b x=a"&gt;</c>, <c>&lt;b "&gt;</c>) it is an ordinary character, and the
    /// tag ends at the next '>'. Reading every quote as an opening one would let a stray quote hide the rest of the
    /// body from the nesting check.
    /// </remarks>
    private static int EndOfTag(string html, int from)
    {
        var valueMayStart = false;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (valueMayStart && c is '"' or '\'')
            {
                var close = html.IndexOf(c, i + 1);
                if (close < 0) return html.Length; // the rest is the value: no element after it
                i = close;
                valueMayStart = false;
            }
            else if (c == '>') return i + 1;
            else if (c == '=') valueMayStart = true;
            else if (!char.IsWhiteSpace(c)) valueMayStart = false;
        }
        return html.Length;
    }
}

/// <summary>A body the sanitizer will not clean; the message (in Chinese) says why and what to do.</summary>
public sealed class RichTextRefusedException(string message) : Exception(message);
