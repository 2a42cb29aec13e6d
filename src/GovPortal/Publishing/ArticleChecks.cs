using GovPortal.Content;
using GovPortal.Safety.Scanning;

namespace GovPortal.Publishing;

/// <summary>
/// The content checks of an article (title, subtitle, source, author, summary and body together) as the publisher
/// runs them before every publish, and the back office shows them to editors and reviewers beforehand.
/// </summary>
public sealed class ArticleChecks(PageScanner scanner)
{
    public IReadOnlyList<Finding> Check(Article article, Site site) => scanner.Scan(ContentOf(article), isHtml: true, AllowedHosts(site));

    public static string ContentOf(Article article)
    {
        static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
        return $"<h1>{Encode(article.Title)}</h1>\n<p>{Encode(article.Subtitle)}</p>\n<p>{Encode(article.Source)} {Encode(article.Author)}</p>\n<p>{Encode(article.Summary)}</p>\n{article.BodyHtml}";
    }

    /// <summary>The site's own hosts: links, scripts and frames pointing there are not foreign.</summary>
    public static IReadOnlySet<string> AllowedHosts(Site site)
    {
        var hosts = site.HostNames.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        hosts.Add(new Uri(site.BaseUrl).Host);
        return hosts;
    }
}
