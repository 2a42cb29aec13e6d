using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// Scripts, frames and redirects that point to another host (the usual payload of a tampered page), and links to
/// hosts outside the allowlist.
/// </summary>
public static partial class ActiveContentCheck
{
    [GeneratedRegex(@"url\s*=\s*['""]?(?<url>[^'""\s;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex RefreshTarget();

    [GeneratedRegex(@"location(\.href)?\s*=\s*['""](?<url>[^'""]+)['""]" +
        @"|location\.(replace|assign)\(\s*['""](?<url>[^'""]+)['""]" +
        @"|window\.open\(\s*['""](?<url>[^'""]+)['""]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptRedirect();

    public static IEnumerable<Finding> Check(IDocument document, IReadOnlySet<string> allowedHosts)
    {
        foreach (var element in document.All)
        {
            var position = element.SourceReference?.Position;
            int line = position?.Line ?? 0, column = position?.Column ?? 0;
            switch (element.LocalName)
            {
                case "script" when ForeignHost(element.GetAttribute("src"), allowedHosts) is { } host:
                    yield return new Finding(Severity.Block, "外部脚本", $"加载其他网站（{host}）的脚本", line, column,
                        element.GetAttribute("src")!);
                    break;
                case "script":
                    foreach (Match redirect in ScriptRedirect().Matches(element.TextContent))
                        if (ForeignHost(redirect.Groups["url"].Value, allowedHosts) is { } target)
                            yield return new Finding(Severity.Block, "脚本跳转", $"脚本把读者转到其他网站（{target}）", line, column,
                                redirect.Value);
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
                case "a" when ForeignHost(element.GetAttribute("href"), allowedHosts) is { } linkHost:
                    yield return new Finding(Severity.Warn, "外部链接", $"链接到白名单以外的网站（{linkHost}）", line, column,
                        $"{element.TextContent.Trim()} → {element.GetAttribute("href")}");
                    break;
            }
        }
    }

    /// <summary>The host of an absolute (or protocol-relative) address outside the allowlist, or null.</summary>
    public static string? ForeignHost(string? url, IReadOnlySet<string> allowedHosts)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var trimmed = url.Trim();
        if (trimmed.StartsWith("//", StringComparison.Ordinal)) trimmed = "http:" + trimmed;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return null;
        var host = uri.IdnHost.ToLowerInvariant();
        return allowedHosts.Any(allowed => host == allowed || host.EndsWith("." + allowed, StringComparison.Ordinal))
            ? null : host;
    }
}
