using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// 暗链: elements a reader cannot see (display:none, visibility:hidden, zero size or font size, pushed off-screen,
/// text coloured like its background, the hidden attribute) that still carry links or text for search engines.
/// Looks at inline styles and at simple class and id rules of the page's own style blocks.
/// </summary>
public static partial class HiddenContentCheck
{
    [GeneratedRegex(@"display:none|visibility:hidden|font-size:0(?![.\d])(px|pt|em|rem|%)?" +
        @"|(?<![-\w])(left|top|right|text-indent|margin-left|margin-top):-\d{3,}" +
        @"|(?<![-\w])(width|height):0(px)?(?![.\d])|opacity:0(?![.\d])|clip:rect\(0(px)?,?0(px)?,?0(px)?,?0(px)?\)")]
    private static partial Regex HidingDeclaration();

    [GeneratedRegex(@"(?<![-\w])color:(?<fg>[#\w(),.]+)")]
    private static partial Regex Foreground();

    [GeneratedRegex(@"background(-color)?:(?<bg>[#\w(),.]+)")]
    private static partial Regex Background();

    [GeneratedRegex(@"(?<selector>[.#][\w-]+)\s*\{(?<body>[^}]*)\}")]
    private static partial Regex SimpleRule();

    public static IEnumerable<Finding> Check(IDocument document)
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
            var what = links.Count > 0 ? $"{links.Count} 个链接（{string.Join("，", links.Take(3))}）" : "文字";
            yield return new Finding(Severity.Block, "隐藏内容（暗链）", $"读者看不见的元素（{reason}）中含有{what}",
                position?.Line ?? 0, position?.Column ?? 0, text.Length > 80 ? text[..80] + "…" : text);
        }
    }

    private static string? HidingReason(IElement element, IReadOnlyDictionary<string, string> hidingSelectors)
    {
        if (element.HasAttribute("hidden")) return "hidden 属性";
        if (element.GetAttribute("aria-hidden") == "true" && element.QuerySelector("a[href]") is not null)
            return "aria-hidden";
        var style = Compact(element.GetAttribute("style"));
        if (style.Length > 0 && Describe(style) is { } inline) return inline;
        foreach (var name in element.ClassList)
            if (hidingSelectors.TryGetValue("." + name, out var byClass)) return byClass;
        if (element.Id is { Length: > 0 } id && hidingSelectors.TryGetValue("#" + id, out var byId)) return byId;
        return null;
    }

    private static string? Describe(string compactStyle)
    {
        var hiding = HidingDeclaration().Match(compactStyle);
        if (hiding.Success) return hiding.Value;
        var fg = Foreground().Match(compactStyle);
        var bg = Background().Match(compactStyle);
        if (fg.Success && bg.Success && fg.Groups["fg"].Value == bg.Groups["bg"].Value)
            return $"文字颜色与背景相同（{fg.Groups["fg"].Value}）";
        return null;
    }

    private static Dictionary<string, string> HidingSelectors(IDocument document)
    {
        var selectors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var style in document.QuerySelectorAll("style"))
            foreach (Match rule in SimpleRule().Matches(style.TextContent))
                if (Describe(Compact(rule.Groups["body"].Value)) is { } reason)
                    selectors[rule.Groups["selector"].Value] = reason;
        return selectors;
    }

    private static string Compact(string? style) =>
        style is null ? "" : Regex.Replace(style.ToLowerInvariant(), @"\s+|!important", "");
}
