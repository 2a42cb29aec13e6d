using GovPortal.Safety.Scanning;
using GovPortal.Search;

namespace GovPortal.BackOffice.Articles;

/// <summary>
/// A content finding as the article page shows it: the offending text marked inside the words around it.
/// </summary>
public sealed record ShownFinding(bool Blocking, string Category, string Message, string Before, string Match,
    string After)
{
    private const int Context = 24;

    /// <param name="text">The readable text of the revision (title, fields and body), where the excerpt is looked
    /// for.</param>
    public static ShownFinding From(Finding finding, string text)
    {
        var at = finding.Excerpt.Length == 0 ? -1 : text.IndexOf(finding.Excerpt, StringComparison.Ordinal);
        if (at < 0)
            return new ShownFinding(finding.Severity == Severity.Block, finding.Category, finding.Message, "",
                finding.Excerpt, "");
        var start = Math.Max(0, at - Context);
        var end = Math.Min(text.Length, at + finding.Excerpt.Length + Context);
        return new ShownFinding(finding.Severity == Severity.Block, finding.Category, finding.Message,
            (start > 0 ? "…" : "") + text[start..at].ReplaceLineEndings(" "), finding.Excerpt,
            text[(at + finding.Excerpt.Length)..end].ReplaceLineEndings(" ") + (end < text.Length ? "…" : ""));
    }

    /// <param name="checkedHtml">What the checks read (<see cref="Publishing.ArticleChecks.ContentOf"/>).</param>
    public static List<ShownFinding> ForRevision(IEnumerable<Finding> findings, string checkedHtml)
    {
        var text = HtmlText.Of(checkedHtml);
        return findings.Select(f => From(f, text)).ToList();
    }
}
