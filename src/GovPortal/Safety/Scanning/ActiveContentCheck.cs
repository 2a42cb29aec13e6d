using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// Scripts, frames, redirects and a base address that point to another host (the usual payload of a tampered page),
/// also when the script hides the address (Base64, %-escapes, \x escapes, String.fromCharCode); links to casino and
/// pornography hosts or with spam words to another host, directly or through a redirector; crowds of links to
/// other hosts (link farms); and, as warnings, other links to hosts outside the allowlist.
/// </summary>
public static partial class ActiveContentCheck
{
    /// <summary>Links to other hosts in one block from which it counts as a link farm.</summary>
    public const int LinkFarmSize = 8;

    [GeneratedRegex(@"url\s*=\s*['""]?(?<url>[^'""\s;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex RefreshTarget();

    [GeneratedRegex(@"location(\.href)?\s*=\s*['""](?<url>[^'""]+)['""]" +
        @"|location\.(replace|assign)\(\s*['""](?<url>[^'""]+)['""]" +
        @"|window\.open\(\s*['""](?<url>[^'""]+)['""]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptRedirect();

    [GeneratedRegex(@"location|window\.open|document\.write|innerHTML|insertAdjacentHTML|\.src\s*=",
        RegexOptions.IgnoreCase)]
    private static partial Regex ScriptNavigation();

    [GeneratedRegex(@"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s'""<>]*", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteAddress();

    public static IEnumerable<Finding> Check(IDocument document, IReadOnlySet<string> allowedHosts,
        SpamKeywordCheck keywords)
    {
        var farms = new Dictionary<IElement, List<string>>();
        foreach (var element in document.All)
        {
            var position = element.SourceReference?.Position;
            int line = position?.Line ?? 0, column = position?.Column ?? 0;
            foreach (var code in HandlerScripts(element))
                foreach (var finding in CheckScript(code, allowedHosts, line, column))
                    yield return finding;
            switch (element.LocalName)
            {
                case "script" when ForeignHost(element.GetAttribute("src"), allowedHosts) is { } host:
                    yield return new Finding(Severity.Block, "外部脚本", $"加载其他网站（{host}）的脚本", line, column,
                        element.GetAttribute("src")!);
                    break;
                case "script":
                    foreach (var finding in CheckScript(element.TextContent, allowedHosts, line, column))
                        yield return finding;
                    break;
                case "iframe" or "frame" or "embed" or "object"
                    when ForeignHost(element.GetAttribute("src") ?? element.GetAttribute("data"), allowedHosts)
                        is { } frameHost:
                    yield return new Finding(Severity.Block, "外部框架", $"嵌入其他网站（{frameHost}）的页面或对象", line, column,
                        element.GetAttribute("src") ?? element.GetAttribute("data")!);
                    break;
                case "meta"
                    when string.Equals(element.GetAttribute("http-equiv"), "refresh",
                        StringComparison.OrdinalIgnoreCase)
                    && RefreshTarget().Match(element.GetAttribute("content") ?? "") is { Success: true } refresh
                    && ForeignHost(refresh.Groups["url"].Value, allowedHosts) is { } refreshHost:
                    yield return new Finding(Severity.Block, "自动跳转", $"页面自动跳转到其他网站（{refreshHost}）", line, column,
                        element.GetAttribute("content")!);
                    break;
                case "base" when ForeignHost(element.GetAttribute("href"), allowedHosts) is { } baseHost:
                    yield return new Finding(Severity.Block, "外部链接基址", $"页面所有相对链接被指向其他网站（{baseHost}）", line,
                        column, element.GetAttribute("href")!);
                    break;
                case "a" or "area" when element.GetAttribute("href") is { } href:
                    foreach (var finding in CheckLink(element, href, allowedHosts, keywords, farms, line, column))
                        yield return finding;
                    break;
            }
        }
        foreach (var (block, hosts) in farms)
        {
            if (hosts.Count < LinkFarmSize || hosts.Distinct().Count() < LinkFarmSize / 2) continue;
            if (block.TextContent.Count(c => !char.IsWhiteSpace(c)) > hosts.Count * 16) continue;
            var position = block.SourceReference?.Position;
            yield return new Finding(Severity.Block, "链接堆砌（暗链）",
                $"一处集中了 {hosts.Count} 个指向其他网站的链接（{string.Join("，", hosts.Distinct().Take(3))}……）",
                position?.Line ?? 0, position?.Column ?? 0,
                SpamKeywordCheck.Excerpt(block.TextContent.Trim(), 0, block.TextContent.Trim().Length));
        }
    }

    private static IEnumerable<Finding> CheckLink(IElement link, string href, IReadOnlySet<string> allowedHosts,
        SpamKeywordCheck keywords, Dictionary<IElement, List<string>> farms, int line, int column)
    {
        var trimmed = href.Trim();
        if (trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var finding in CheckScript(Uri.UnescapeDataString(trimmed[11..]), allowedHosts, line, column))
                yield return finding;
            yield break;
        }
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            yield return new Finding(Severity.Block, "可疑链接", "链接直接装着一个页面或文件（data: 地址），读者和审核者都看不到其内容",
                line, column, SpamKeywordCheck.Excerpt(trimmed, 0, trimmed.Length));
            yield break;
        }
        // A redirector (the site's own /go?url=, a search engine's link?url=) is judged by where it forwards to.
        var forwarded = LinkTargets.ForwardedTo(trimmed);
        var forwardedHost = ForeignHost(forwarded, allowedHosts);
        var directHost = ForeignHost(trimmed, allowedHosts);
        var host = forwardedHost ?? directHost;
        if (host is null) yield break;
        var via = forwardedHost is not null ? "经跳转" : "";
        var words = (link.TextContent + " " + link.GetAttribute("title")).Trim();
        var category = SuspiciousHosts.CategoryOf(host)
            ?? (directHost is null ? null : SuspiciousHosts.CategoryOf(directHost));
        if (category is not null)
            yield return new Finding(Severity.Block, category + "信息", $"链接{via}指向{category}网站（{host}）", line, column,
                $"{words} → {href}");
        else if (!SuspiciousHosts.IsOfficial(host) && keywords.Assess(words) is { Words.Count: > 0 } spam
                 && spam.Weight >= 1 && (!spam.AboutEnforcement || spam.Disguised))
            yield return new Finding(Severity.Block, spam.Category + "信息",
                $"链接{via}到其他网站（{host}）的文字是{spam.Category}类关键词：{string.Join("、", spam.Words)}", line, column,
                $"{words} → {href}");
        yield return new Finding(Severity.Warn, "外部链接", $"链接{via}到白名单以外的网站（{host}）", line, column,
            $"{link.TextContent.Trim()} → {href}");
        if (SuspiciousHosts.IsOfficial(host)) yield break;
        var block = link.Ancestors<IElement>().FirstOrDefault(a => a.LocalName is "p" or "div" or "td" or "ul" or "ol"
            or "section" or "footer" or "body" or "marquee" or "span" or "font" or "center");
        if (block is null) yield break;
        if (!farms.TryGetValue(block, out var hosts)) farms[block] = hosts = [];
        hosts.Add(host);
    }

    /// <summary>
    /// Redirects in a script, in the clear or hidden by encoding: an assignment or call with a literal foreign
    /// address, or a script that navigates or writes the page and holds a foreign address anywhere.
    /// </summary>
    private static IEnumerable<Finding> CheckScript(string code, IReadOnlySet<string> allowedHosts, int line,
        int column)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, decoded) in ScriptPayloads.Readings(code))
        {
            var how = decoded ? "（解码后）" : "";
            foreach (Match redirect in ScriptRedirect().Matches(text))
                if (ForeignHost(redirect.Groups["url"].Value, allowedHosts) is { } target && reported.Add(target))
                    yield return new Finding(Severity.Block, "脚本跳转", $"脚本{how}把读者转到其他网站（{target}）", line,
                        column, SpamKeywordCheck.Excerpt(redirect.Value, 0, redirect.Value.Length));
            if (!ScriptNavigation().IsMatch(code) && !ScriptNavigation().IsMatch(text)) continue;
            foreach (Match address in AbsoluteAddress().Matches(text))
                if (ForeignHost(address.Value, allowedHosts) is { } target && reported.Add(target))
                    yield return new Finding(Severity.Block, "脚本跳转", $"脚本{how}带着其他网站的地址（{target}）改写页面或跳转",
                        line, column, SpamKeywordCheck.Excerpt(address.Value, 0, address.Value.Length));
        }
    }

    private static IEnumerable<string> HandlerScripts(IElement element)
    {
        foreach (var attribute in element.Attributes)
            if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && attribute.Value.Length > 0)
                yield return attribute.Value;
    }

    /// <summary>The host of an absolute (or protocol-relative) address outside the allowlist, or null.</summary>
    public static string? ForeignHost(string? url, IReadOnlySet<string> allowedHosts)
    {
        if (LinkTargets.HostOf(url) is not { } host) return null;
        return allowedHosts.Any(allowed => host == allowed || host.EndsWith("." + allowed, StringComparison.Ordinal))
            ? null : host;
    }
}
