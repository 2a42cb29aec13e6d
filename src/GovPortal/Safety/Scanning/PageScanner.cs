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
        var findings = isHtml ? ScanHtml(content, allowedHosts, nested: false) : ScanPlainText(content);
        return findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ToList();
    }

    private List<Finding> ScanPlainText(string content)
    {
        var locator = new TextLocator(content);
        var findings = _keywords.Check(content, locator).ToList();
        findings.AddRange(_words.Check(content, locator));
        return findings;
    }

    /// <summary>
    /// The words are read as a reader gets them (<see cref="ReadableText"/>); markup that scripts or data: addresses
    /// carry encoded is checked as well, once, and reported at the element carrying it.
    /// </summary>
    private List<Finding> ScanHtml(string content, IReadOnlySet<string> allowedHosts, bool nested)
    {
        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true })
            .ParseDocument(content);
        var (text, locator) = ReadableText.Of(document);
        var findings = _keywords.Check(text, locator).ToList();
        findings.AddRange(_words.Check(text, locator));
        findings.AddRange(HiddenContentCheck.Check(document, _keywords));
        findings.AddRange(ActiveContentCheck.Check(document, allowedHosts, _keywords));
        if (nested) return findings;
        foreach (var (html, line, column) in ScriptPayloads.HtmlOf(document))
            foreach (var finding in ScanHtml(html, allowedHosts, nested: true))
                if (finding.Severity == Severity.Block)
                    findings.Add(finding with
                    {
                        Line = line, Column = column, Message = "脚本或 data: 地址中编码的内容：" + finding.Message,
                    });
        return findings;
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
