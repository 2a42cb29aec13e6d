using AngleSharp.Html.Parser;
using GovPortal.Publishing.Output;
using GovPortal.PublicSite;

namespace GovPortal.Safety.Health;

/// <summary>
/// Crawls the published pages: every link, script, stylesheet, image and frame that points into the site must lead to
/// a published file (broken internal links and missing attachments); links to other hosts are checked only when
/// asked, with a timeout (intranets and tests have no internet).
/// </summary>
public sealed class LinkChecker(OutputStore output, IReadOnlySet<string> siteHosts, ExternalLinkProbe probe)
{
    private static readonly string[] LinkAttributes = ["href", "src"];

    public async Task<IReadOnlyList<HealthProblem>> CheckAsync(bool checkExternal, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var problems = new List<HealthProblem>();
        var external = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var parser = new HtmlParser();
        foreach (var page in output.Manifest.Entries.Where(e => e.Path.EndsWith(".html", StringComparison.Ordinal))
            .OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = output.FullPathOf(page.Path);
            if (!File.Exists(file)) continue; // the tamper guard reports and restores missing files
            var document = parser.ParseDocument(await File.ReadAllTextAsync(file, cancellationToken));
            foreach (var element in document.All)
                foreach (var attribute in LinkAttributes)
                {
                    if (element.GetAttribute(attribute) is not { Length: > 0 } target) continue;
                    switch (Classify(page.Path, target))
                    {
                        case (LinkKind.Internal, var path) when !Exists(path!):
                            problems.Add(new HealthProblem("不可用链接", false, "/" + page.Path,
                                $"站内链接指向的页面或文件不存在：{target}"));
                            break;
                        case (LinkKind.External, _) when checkExternal:
                            if (!external.TryGetValue(target, out var pages)) external[target] = pages = [];
                            pages.Add("/" + page.Path);
                            break;
                    }
                }
        }
        if (checkExternal) problems.AddRange(await CheckExternalAsync(external, timeout, cancellationToken));
        return problems;
    }

    private enum LinkKind { Ignored, Internal, External }

    private (LinkKind, string?) Classify(string pagePath, string target)
    {
        var trimmed = target.Trim();
        if (trimmed.StartsWith('#') || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            return (LinkKind.Ignored, null);
        var page = new Uri("http://site.invalid/" + pagePath);
        if (!Uri.TryCreate(page, trimmed, out var resolved))
            return (LinkKind.Internal, "\u0000"); // unparseable: broken
        if (resolved.Scheme is not ("http" or "https")) return (LinkKind.Ignored, null);
        var internalHost = resolved.Host == "site.invalid" || siteHosts.Contains(resolved.Host);
        return internalHost ? (LinkKind.Internal, Uri.UnescapeDataString(resolved.AbsolutePath))
            : (LinkKind.External, null);
    }

    private bool Exists(string requestPath)
    {
        if (SearchEndpoints.IsSearchPage(requestPath)) return true;
        // The elder and Traditional forms of a page exist wherever the page does.
        var (form, standardPath) = GovPortal.PublicSite.Variants.VariantPaths.Split(requestPath);
        if (DynamicPublicPaths.IsCitizenService(
                form == GovPortal.Theme.PageVariant.Standard ? requestPath : standardPath)) return true;
        var path = PublicPathResolver.Resolve(
            form == GovPortal.Theme.PageVariant.Standard ? requestPath : standardPath);
        if (path is null) return false;
        var page = output.Manifest.TryGet(path, out _)
            && (form == GovPortal.Theme.PageVariant.Standard || path.EndsWith(".html", StringComparison.Ordinal));
        return page || output.Manifest.TryGet(path + "/" + PublicPathResolver.IndexFile, out _);
    }

    private async Task<IEnumerable<HealthProblem>> CheckExternalAsync(Dictionary<string, List<string>> links,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var problems = new List<HealthProblem>();
        foreach (var (url, pages) in links)
            if (await probe.ProbeAsync(url, timeout, cancellationToken) is { } failure)
                problems.AddRange(pages.Distinct()
                    .Select(page => new HealthProblem("不可用链接", false, page, $"站外链接{failure}：{url}")));
        return problems;
    }
}
