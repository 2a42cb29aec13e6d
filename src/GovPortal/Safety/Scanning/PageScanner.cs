using System.Collections.Concurrent;
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
    private readonly Func<string, WordListCheck>? _loadSiteWords;
    private readonly ConcurrentDictionary<string, WordListCheck> _siteWords = new(StringComparer.Ordinal);

    /// <param name="listDirectory">The platform's lists (replacing the built-in ones when present).</param>
    /// <param name="siteListDirectory">Where each site's own additions are kept, by site code.</param>
    public PageScanner(ChineseConverter converter, string? listDirectory = null,
        Func<string, string>? siteListDirectory = null)
    {
        _keywords = new SpamKeywordCheck(converter);
        _loadWords = () => new WordListCheck(converter, listDirectory);
        _words = _loadWords();
        if (siteListDirectory is not null)
            _loadSiteWords = code => new WordListCheck(converter, siteListDirectory(code), additionsOnly: true);
    }

    /// <summary>
    /// Reads the platform's word lists again (or one site's additions), after an administrator changed them; scans in
    /// progress finish with the old ones.
    /// </summary>
    public void ReloadWordLists(string? siteCode = null)
    {
        if (siteCode is null) _words = _loadWords();
        else _siteWords.TryRemove(siteCode, out _);
    }

    /// <param name="siteCode">
    /// The site whose own additions are checked beside the platform's lists; null for none.
    /// </param>
    public IReadOnlyList<Finding> Scan(string content, bool isHtml, IReadOnlySet<string> allowedHosts,
        string? siteCode = null)
    {
        var words = WordsFor(siteCode);
        var findings = isHtml ? ScanHtml(content, allowedHosts, words, nested: false) : ScanPlainText(content, words);
        return findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ToList();
    }

    private IReadOnlyList<WordListCheck> WordsFor(string? siteCode) =>
        siteCode is null || _loadSiteWords is null ? [_words]
            : [_words, _siteWords.GetOrAdd(siteCode, _loadSiteWords)];

    private List<Finding> ScanPlainText(string content, IReadOnlyList<WordListCheck> words)
    {
        var locator = new TextLocator(content);
        var findings = _keywords.Check(content, locator).ToList();
        foreach (var list in words) findings.AddRange(list.Check(content, locator));
        return findings;
    }

    /// <summary>
    /// The words are read as a reader gets them (<see cref="ReadableText"/>); markup that scripts or data: addresses
    /// carry encoded is checked as well, once, and reported at the element carrying it.
    /// </summary>
    private List<Finding> ScanHtml(string content, IReadOnlySet<string> allowedHosts,
        IReadOnlyList<WordListCheck> words, bool nested)
    {
        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true })
            .ParseDocument(content);
        var (text, locator) = ReadableText.Of(document);
        var findings = _keywords.Check(text, locator).ToList();
        foreach (var list in words) findings.AddRange(list.Check(text, locator));
        findings.AddRange(HiddenContentCheck.Check(document, _keywords));
        findings.AddRange(ActiveContentCheck.Check(document, allowedHosts, _keywords));
        if (nested) return findings;
        foreach (var (html, line, column) in ScriptPayloads.HtmlOf(document))
            foreach (var finding in ScanHtml(html, allowedHosts, words, nested: true))
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
