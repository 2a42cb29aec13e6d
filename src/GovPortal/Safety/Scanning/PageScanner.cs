using AngleSharp.Html.Parser;
using GovPortal.Chinese;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// Runs the content checks over a page (HTML) or plain text: spam keywords, sensitive words and wording errors
/// always; hidden content, foreign scripts, frames, redirects and links for HTML.
/// </summary>
public sealed class PageScanner
{
    private readonly SpamKeywordCheck _keywords;
    private readonly Func<WordListCheck> _loadWords;
    private volatile WordListCheck _words;

    public PageScanner(ChineseConverter converter, string? listDirectory = null)
    {
        _keywords = new SpamKeywordCheck(converter);
        _loadWords = () => new WordListCheck(converter, listDirectory);
        _words = _loadWords();
    }

    /// <summary>
    /// Reads the site's word lists again, after an administrator changed them; scans in progress finish with the old
    /// ones.
    /// </summary>
    public void ReloadWordLists() => _words = _loadWords();

    public IReadOnlyList<Finding> Scan(string content, bool isHtml, IReadOnlySet<string> allowedHosts)
    {
        var locator = new TextLocator(content);
        var findings = _keywords.Check(content, locator).ToList();
        findings.AddRange(_words.Check(content, locator));
        if (isHtml)
        {
            var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true })
                .ParseDocument(content);
            findings.AddRange(HiddenContentCheck.Check(document));
            findings.AddRange(ActiveContentCheck.Check(document, allowedHosts));
        }
        return findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ToList();
    }

    public static bool LooksLikeHtml(string path, string content) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".shtml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".aspx", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".php", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".jsp", StringComparison.OrdinalIgnoreCase)
        || content.TrimStart().StartsWith('<');
}
