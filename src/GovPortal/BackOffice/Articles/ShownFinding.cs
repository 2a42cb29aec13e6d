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
    /// <param name="from">Where to start looking: the place after the one shown for the same finding before.</param>
    public static ShownFinding From(Finding finding, string text, int from = 0) => From(finding, text, from, out _);

    private static ShownFinding From(Finding finding, string text, int from, out int next)
    {
        next = from;
        var at = finding.Excerpt.Length == 0 ? -1 : text.IndexOf(finding.Excerpt, from, StringComparison.Ordinal);
        // Reported more often than the words occur: the first place again, which the caller then lists once.
        if (at < 0 && from > 0) at = text.IndexOf(finding.Excerpt, StringComparison.Ordinal);
        if (at < 0)
            return new ShownFinding(finding.Severity == Severity.Block, finding.Category, finding.Message, "",
                finding.Excerpt, "");
        next = at + finding.Excerpt.Length;
        var start = Math.Max(0, at - Context);
        var end = Math.Min(text.Length, at + finding.Excerpt.Length + Context);
        return new ShownFinding(finding.Severity == Severity.Block, finding.Category, finding.Message,
            (start > 0 ? "…" : "") + text[start..at].ReplaceLineEndings(" "), finding.Excerpt,
            text[(at + finding.Excerpt.Length)..end].ReplaceLineEndings(" ") + (end < text.Length ? "…" : ""));
    }

    /// <summary>
    /// The findings as the page lists them. The checks report a finding for each place its words occur, and may report
    /// one place twice (the same words read by two rules of one category): each report is shown at the next place the
    /// words occur, and a report that would repeat an entry already listed — same finding, same words around it — is
    /// left out.
    /// </summary>
    /// <param name="checkedHtml">What the checks read (<see cref="Publishing.ArticleChecks.ContentOf"/>).</param>
    public static List<ShownFinding> ForRevision(IEnumerable<Finding> findings, string checkedHtml)
    {
        var text = HtmlText.Of(checkedHtml);
        var nextPlace = new Dictionary<(Severity, string, string, string), int>();
        var shown = new List<ShownFinding>();
        foreach (var finding in findings)
        {
            var key = (finding.Severity, finding.Category, finding.Message, finding.Excerpt);
            var entry = From(finding, text, nextPlace.GetValueOrDefault(key), out var next);
            nextPlace[key] = next;
            if (!shown.Contains(entry)) shown.Add(entry);
        }
        return shown;
    }
}
