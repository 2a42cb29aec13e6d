using AngleSharp.Html.Parser;
using GovPortal.Chinese;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// Runs the content checks over a page (HTML) or plain text: spam keywords, sensitive words and wording errors
/// always; hidden content, foreign scripts, frames, redirects and links for HTML.
/// </summary>
public sealed class PageScanner(SpamKeywordCheck keywords, WordListCheck words)
{
    public PageScanner(ChineseConverter converter, string? listDirectory = null)
        : this(new SpamKeywordCheck(converter), new WordListCheck(converter, listDirectory))
    {
    }

    public IReadOnlyList<Finding> Scan(string content, bool isHtml, IReadOnlySet<string> allowedHosts)
    {
        var locator = new TextLocator(content);
        var findings = keywords.Check(content, locator).ToList();
        findings.AddRange(words.Check(content, locator));
        if (isHtml)
        {
            var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(content);
            findings.AddRange(HiddenContentCheck.Check(document));
            findings.AddRange(ActiveContentCheck.Check(document, allowedHosts));
        }
        return findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ToList();
    }

    public static bool LooksLikeHtml(string path, string content) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".shtml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".aspx", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".php", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsp", StringComparison.OrdinalIgnoreCase)
        || content.TrimStart().StartsWith('<');
}
