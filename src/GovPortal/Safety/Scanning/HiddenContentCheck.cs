using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// 暗链: elements a reader cannot see (display:none, visibility:hidden, zero or tiny size or font size, transparent,
/// pushed off-screen or scaled away, clipped, text coloured like its background, the hidden attribute, a marquee one
/// pixel wide) that still carry links or text for search engines. Looks at inline styles and at the class and id
/// rules of the page's own style blocks. Spam words or casino and pornography addresses in hidden content are
/// reported under their own category as well.
/// </summary>
public static partial class HiddenContentCheck
{
    [GeneratedRegex(@"display:none|visibility:hidden|visibility:collapse" +
        @"|font-size:(0(?![.\d])(px|pt|em|rem|%)?|0?\.\d+(px|pt)|[01](px|pt)|0?\.[01]\d*(em|rem))" +
        @"|(?<![-\w])(left|top|right|bottom|text-indent|margin-left|margin-top)" +
        @":-(\d{3,}|\d{2,}(\.\d+)?(em|rem|vw|vh))" +
        @"|(?<![-\w])(max-)?(width|height):0(px|em|%)?(?![.\d])|opacity:0(\.0\d*)?(?![.\d])" +
        @"|clip:rect\(0(px)?,?0(px)?,?0(px)?,?0(px)?\)|clip-path:(inset\(50%|inset\(100%|circle\(0)" +
        @"|transform:[^;]*(translate(x|y)?\(-\d{3,}|scale\(0(\.0\d*)?\))|color:transparent")]
    private static partial Regex HidingDeclaration();

    [GeneratedRegex(@"(?<![-\w])(width|height):[01]px")]
    private static partial Regex OnePixel();

    [GeneratedRegex(@"(?<![-\w])color:(?<fg>#[0-9a-f]{3,8}|rgba?\([\d.,%]+\)|[a-z]+)")]
    private static partial Regex Foreground();

    [GeneratedRegex(@"background(-color)?:(?<bg>#[0-9a-f]{3,8}|rgba?\([\d.,%]+\)|[a-z]+)")]
    private static partial Regex Background();

    [GeneratedRegex(@"(?<selectors>[^{}]+)\{(?<body>[^{}]*)\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"[.#][\w-]+")]
    private static partial Regex SimpleSelector();

    public static IEnumerable<Finding> Check(IDocument document, SpamKeywordCheck keywords)
    {
        var hidingSelectors = HidingSelectors(document);
        var reported = new HashSet<IElement>();
        foreach (var element in document.All)
        {
            if (element.LocalName is "script" or "style" or "template" or "noscript" or "head" or "title" or "meta"
                or "link")
                continue;
            if (element.Ancestors<IElement>().Any(reported.Contains)) continue;
            var reason = HidingReason(element, hidingSelectors);
            if (reason is null) continue;

            var links = element.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
            if (element.LocalName == "a" && element.GetAttribute("href") is { } href) links.Insert(0, href);
            var text = Regex.Replace(element.TextContent, @"\s+", " ").Trim();
            if (links.Count == 0 && text.Length == 0) continue;

            reported.Add(element);
            var position = element.SourceReference?.Position;
            int line = position?.Line ?? 0, column = position?.Column ?? 0;
            var what = links.Count > 0 ? $"{links.Count} 个链接（{string.Join("，", links.Take(3))}）" : "文字";
            var excerpt = text.Length > 80 ? text[..80] + "…" : text;
            yield return new Finding(Severity.Block, "隐藏内容（暗链）", $"读者看不见的元素（{reason}）中含有{what}",
                line, column, excerpt);
            if (SpamIn(text, links, keywords) is { } spam)
                yield return new Finding(Severity.Block, spam.Category + "信息", spam.Message, line, column, excerpt);
        }
    }

    /// <summary>What hidden text and links say about themselves: spam words, or a casino or pornography host.</summary>
    private static (string Category, string Message)? SpamIn(string text, List<string> links,
        SpamKeywordCheck keywords)
    {
        foreach (var link in links)
            if (LinkTargets.HostOf(link) is { } host && SuspiciousHosts.CategoryOf(host) is { } byHost)
                return (byHost, $"隐藏的链接指向{byHost}网站（{host}）");
        var assessment = keywords.Assess(text);
        // A lone common word (视频, 免费) says nothing about the category; the hidden content blocks anyway.
        return assessment.Weight < 1
            ? null
            : (assessment.Category, $"隐藏的内容中含有{assessment.Category}类关键词：{string.Join("、", assessment.Words)}");
    }

    private static string? HidingReason(IElement element, IReadOnlyDictionary<string, string> hidingSelectors)
    {
        if (element.HasAttribute("hidden")) return "hidden 属性";
        if (element.GetAttribute("aria-hidden") == "true" && element.QuerySelector("a[href]") is not null)
            return "aria-hidden";
        if (element.LocalName == "marquee" && TinyMarquee(element)) return "一个像素的滚动条";
        var style = Compact(element.GetAttribute("style"));
        if (style.Length > 0 && (Describe(style) ?? SameColourAsBackground(element, style)) is { } inline)
            return inline;
        foreach (var name in element.ClassList)
            if (hidingSelectors.TryGetValue("." + name, out var byClass)) return byClass;
        if (element.Id is { Length: > 0 } id && hidingSelectors.TryGetValue("#" + id, out var byId)) return byId;
        return null;
    }

    private static bool TinyMarquee(IElement marquee) =>
        new[] { "width", "height" }.Any(a => marquee.GetAttribute(a)?.Trim() is "0" or "1" or "0px" or "1px")
        || int.TryParse(marquee.GetAttribute("scrollamount"), out var speed) && speed >= 1000;

    private static string? Describe(string compactStyle)
    {
        var hiding = HidingDeclaration().Match(compactStyle);
        if (hiding.Success) return hiding.Value;
        if (compactStyle.Contains("overflow:hidden", StringComparison.Ordinal) && OnePixel().Match(compactStyle)
                is { Success: true } pixel)
            return pixel.Value + ";overflow:hidden";
        var fg = Foreground().Match(compactStyle);
        var bg = Background().Match(compactStyle);
        if (fg.Success && bg.Success && Colours.Alike(fg.Groups["fg"].Value, bg.Groups["bg"].Value))
            return $"文字颜色与背景相同（{fg.Groups["fg"].Value}）";
        return null;
    }

    /// <summary>
    /// Text coloured like the background it stands on: its own, that of the nearest ancestor giving one in its
    /// style, or the page's white.
    /// </summary>
    private static string? SameColourAsBackground(IElement element, string compactStyle)
    {
        var fg = Foreground().Match(compactStyle);
        if (!fg.Success) return null;
        var background = "#ffffff";
        foreach (var holder in element.Ancestors<IElement>().Prepend(element))
        {
            var bg = Background().Match(Compact(holder.GetAttribute("style")));
            if (!bg.Success || bg.Groups["bg"].Value is "transparent" or "none" or "inherit") continue;
            background = bg.Groups["bg"].Value;
            break;
        }
        return Colours.Alike(fg.Groups["fg"].Value, background)
            ? $"文字颜色与背景相同（{fg.Groups["fg"].Value}）"
            : null;
    }

    /// <summary>A rule giving white text and no background: white on the page's white.</summary>
    private static string? WhiteOnThePage(string compactRule) =>
        Foreground().Match(compactRule) is { Success: true } fg && !Background().IsMatch(compactRule)
        && Colours.Alike(fg.Groups["fg"].Value, "#ffffff")
            ? $"文字颜色与背景相同（{fg.Groups["fg"].Value}）"
            : null;

    private static Dictionary<string, string> HidingSelectors(IDocument document)
    {
        var selectors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var style in document.QuerySelectorAll("style"))
            foreach (Match rule in Rule().Matches(style.TextContent))
            {
                var body = Compact(rule.Groups["body"].Value);
                if ((Describe(body) ?? WhiteOnThePage(body)) is not { } reason) continue;
                foreach (var selector in rule.Groups["selectors"].Value.Split(','))
                    if (Subject(selector) is { } subject)
                        selectors[subject] = reason;
            }
        return selectors;
    }

    /// <summary>
    /// The class or id a selector hides: that of its last part (div.hide, #box .hide), or of the part before when
    /// the last names only a tag (#links a hides what #links holds).
    /// </summary>
    private static string? Subject(string selector)
    {
        var parts = selector.Split([' ', '>', '+', '~', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var simple = SimpleSelector().Matches(parts[i]);
            if (simple.Count > 0) return simple[^1].Value;
        }
        return null;
    }

    private static string Compact(string? style) =>
        style is null ? "" : Regex.Replace(style.ToLowerInvariant(), @"\s+|!important", "");

    /// <summary>CSS colours in the forms style attributes use, compared as red, green and blue.</summary>
    private static class Colours
    {
        private static readonly Dictionary<string, (int R, int G, int B)> Named = new()
        {
            ["white"] = (255, 255, 255), ["black"] = (0, 0, 0), ["red"] = (255, 0, 0), ["green"] = (0, 128, 0),
            ["blue"] = (0, 0, 255), ["yellow"] = (255, 255, 0), ["gray"] = (128, 128, 128),
            ["grey"] = (128, 128, 128), ["silver"] = (192, 192, 192), ["snow"] = (255, 250, 250),
            ["whitesmoke"] = (245, 245, 245), ["ivory"] = (255, 255, 240),
        };

        public static bool Alike(string a, string b) =>
            a == b || Parse(a) is { } x && Parse(b) is { } y
            && Math.Abs(x.R - y.R) + Math.Abs(x.G - y.G) + Math.Abs(x.B - y.B) <= 24;

        private static (int R, int G, int B)? Parse(string colour)
        {
            if (Named.TryGetValue(colour, out var named)) return named;
            if (colour.StartsWith('#'))
            {
                var hex = colour[1..];
                if (hex.Length is 3 or 4) hex = string.Concat(hex[..3].Select(c => $"{c}{c}"));
                if (hex.Length is 6 or 8
                    && int.TryParse(hex[..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
                    return ((v >> 16) & 255, (v >> 8) & 255, v & 255);
                return null;
            }
            if (colour.StartsWith("rgb", StringComparison.Ordinal))
            {
                var parts = colour[(colour.IndexOf('(') + 1)..].TrimEnd(')').Split(',');
                if (parts.Length >= 3
                    && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var r)
                    && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var g)
                    && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var b))
                    return (r, g, b);
            }
            return null;
        }
    }
}
