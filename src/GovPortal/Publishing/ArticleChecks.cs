using System.Net;
using System.Text;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Safety.Scanning;

namespace GovPortal.Publishing;

/// <summary>
/// The content checks of an article (every checked field of its kind, the body included) as the publisher runs them
/// before every publish, and the back office shows them to editors and reviewers beforehand.
/// </summary>
public sealed class ArticleChecks(PageScanner scanner, ContentKinds kinds)
{
    /// <summary>The scanner's findings: what the publisher checks before any change to a live article.</summary>
    public IReadOnlyList<Finding> Check(Article article, Site site) =>
        scanner.Scan(ContentOf(article), isHtml: true, AllowedHosts(site), site.Code);

    /// <summary>
    /// <see cref="Check"/>, and each body picture without 替代文字 (<see cref="PictureAltCheck"/>): what a revision
    /// must pass to move on. Only new wording is held to it; an article published before the rule keeps its pin,
    /// weight and date changes.
    /// </summary>
    public IReadOnlyList<Finding> CheckRevision(Article article, Site site)
    {
        var content = ContentOf(article);
        return scanner.Scan(content, isHtml: true, AllowedHosts(site), site.Code).Concat(PictureAltCheck.Check(content))
            .OrderBy(f => f.Line).ThenBy(f => f.Column).ToList();
    }

    /// <summary>The same checks over other published text (a letter and its reply), given as HTML.</summary>
    public IReadOnlyList<Finding> CheckHtml(string html, Site site) =>
        scanner.Scan(html, isHtml: true, AllowedHosts(site), site.Code);

    /// <summary>
    /// The article as one HTML text for the scanner: the title as a heading, each plain field as a paragraph of its
    /// own (encoded, so typed text is never read as markup), rich text as it is stored.
    /// </summary>
    public string ContentOf(Article article)
    {
        var html = new StringBuilder();
        foreach (var field in kinds.Of(article).Fields.Where(f => f.Checked))
        {
            var value = field.Get(article);
            if (field.Input == FieldInput.RichText) html.Append(value).Append('\n');
            else if (field.Name == ContentKind.TitleName)
                html.Append("<h1>").Append(WebUtility.HtmlEncode(value)).Append("</h1>\n");
            else if (value.Length > 0) html.Append("<p>").Append(WebUtility.HtmlEncode(value)).Append("</p>\n");
        }
        return html.ToString();
    }

    /// <summary>The site's own hosts: links, scripts and frames pointing there are not foreign.</summary>
    public static IReadOnlySet<string> AllowedHosts(Site site)
    {
        var hosts = site.HostNames.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        hosts.Add(new Uri(site.BaseUrl).Host);
        return hosts;
    }
}
