using GovPortal.Safety.Scanning;

namespace GovPortal.Citizens.Screening;

/// <summary>
/// Decides whether what a citizen wrote (a letter, a comment on a consultation) is held for staff to look at
/// (待甄别) instead of going the ordinary way: spam keywords and the site's sensitive words, by the same scanner as
/// every page. A citizen's typo or a misspelt official name is not a reason to hold a letter, so the wording
/// checks do not count. Nothing is ever refused or thrown away here: the caller keeps the text either way and gives
/// the same receipt.
/// </summary>
public sealed class CitizenTextScreening(PageScanner scanner)
{
    private static readonly HashSet<string> WordingCategories = ["错别字", "严重表述错误"];

    /// <summary>Why the texts are held — the names of the checks that tripped, never the text — or "".</summary>
    public string ReasonToHold(params string[] texts)
    {
        var reasons = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text)) continue;
            foreach (var finding in scanner.Scan(text, isHtml: false, allowedHosts: new HashSet<string>(),
                         siteCode: Data.SiteScope.Current?.Code))
                if (!WordingCategories.Contains(finding.Category))
                    reasons.Add(finding.Category);
        }
        return reasons.Count == 0 ? "" : "触发内容检查：" + string.Join("、", reasons);
    }
}
