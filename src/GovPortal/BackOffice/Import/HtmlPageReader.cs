using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// Reads an article out of a saved HTML page of the common systems of Chinese government sites (TRS WCM, Hanweb,
/// 博达 and their likes) by what they have in common: the title in a meta tag, a title element or a heading; the
/// labelled date and 来源; the breadcrumb; the body in the known containers (#zoom, .TRS_Editor, #vsb_content …)
/// or else the block with the most paragraph text.
/// </summary>
public sealed class HtmlPageReader(MirrorTextRepair repair)
{
    private static readonly string[] BodySelectors =
    [
        "#zoom", ".article-content", ".TRS_Editor", "#vsb_content", ".bt_content", ".v_news_content", "#UCAP-CONTENT",
        ".pages_content", ".article_con", ".wzcon", "#content", ".content", "article",
    ];

    private static readonly string[] TitleSelectors =
    [
        ".article-title", ".title", ".bt_title", "#title", ".news_title", ".tit", "h1", "h2",
    ];

    private static readonly string[] DropFromBody = ["script", "style", "img", "iframe", "object", "embed", "form"];

    public OldPage Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var body = document.Body;
        var repairText = repair.For(body?.TextContent ?? "");
        foreach (var text in document.Descendants<IText>().ToList())
            if (text.ParentElement?.LocalName is not ("script" or "style")) text.Data = repairText(text.Data);
        var scanned = document.DocumentElement.OuterHtml;

        var siteName = SiteNameOf(document);
        var container = BodyOf(document);
        var pageText = body?.TextContent ?? "";
        var date = MetaContent(document, "PubDate", "publishdate", "firstpublishedtime") is { } meta
            && PageFields.BareDateIn(meta) is { } metaDate
            ? metaDate
            : PageFields.DateIn(pageText);
        var source = MetaContent(document, "ContentSource", "source") is { Length: > 0 } metaSource
            ? repairText(metaSource).Trim()
            : PageFields.SourceIn(pageText);
        var attachments = document.QuerySelectorAll("a[href]")
            .Select(a => new OldLink(a.GetAttribute("href")!.Trim(), Collapse(a.TextContent)))
            .Where(l => AttachmentFiles.HasFileExtension(l.Href))
            .ToList();
        var bodyHtml = "";
        var bodyText = "";
        if (container is not null)
        {
            foreach (var element in container.QuerySelectorAll(string.Join(',', DropFromBody)).ToList())
                element.Remove();
            // Links into the old site lead nowhere once it is gone (files come as related files): their text stays.
            foreach (var link in container.QuerySelectorAll("a[href]").ToList())
                if (!IsAbsoluteWebAddress(link.GetAttribute("href")!)) link.Replace([.. link.ChildNodes]);
            bodyHtml = container.InnerHtml;
            bodyText = PageFields.Compact(container.TextContent);
        }
        return new OldPage
        {
            Title = TitleOf(document, siteName, repairText),
            PublishedAtUtc = date,
            Source = source,
            BodyHtml = bodyHtml,
            BodyText = bodyText,
            Crumbs = CrumbsOf(document),
            Attachments = attachments,
            Scanned = scanned,
            ScannedIsHtml = true,
        };
    }

    private static string? TitleOf(IDocument document, string siteName, Func<string, string> repairText)
    {
        if (MetaContent(document, "ArticleTitle", "title") is { Length: > 0 } meta) return repairText(meta).Trim();
        foreach (var selector in TitleSelectors)
            foreach (var element in document.QuerySelectorAll(selector))
            {
                var text = Collapse(element.TextContent);
                // The site's name in the header's heading, or a block of text that is not a title.
                if (text.Length is > 0 and <= 120 && text != siteName && HasChinese(text)
                    && !PageFields.IsBreadcrumb(text) && PageFields.DateIn(text) is null)
                    return text;
            }
        // <title>相城区召开生态环境保护大会_苏州市相城区人民政府</title>: the part that is not the site's name.
        var parts = TitleParts(document);
        return parts.Count > 1 ? parts[0] : null;
    }

    private static List<string> TitleParts(IDocument document) =>
        (document.Title ?? "").Split(['_', '|', '｜', '-', '—'], StringSplitOptions.TrimEntries
            | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string SiteNameOf(IDocument document) => TitleParts(document) is { Count: > 1 } parts
        ? parts[^1]
        : "";

    /// <summary>The known container with the most text, else the element whose own paragraphs hold the most.</summary>
    private static IElement? BodyOf(IDocument document)
    {
        var known = BodySelectors.SelectMany(s => document.QuerySelectorAll(s))
            .Where(e => PageFields.Compact(e.TextContent).Length > 0)
            .MaxBy(e => PageFields.Compact(e.TextContent).Length);
        if (known is not null) return known;
        return document.QuerySelectorAll("div, td, section, article")
            .Select(e => (Element: e, Length: e.Children.Where(c => c.LocalName == "p")
                .Sum(p => PageFields.Compact(p.TextContent).Length)))
            .Where(c => c.Length >= 20)
            .OrderByDescending(c => c.Length).Select(c => c.Element).FirstOrDefault();
    }

    private static IReadOnlyList<string> CrumbsOf(IDocument document)
    {
        // The smallest element that reads as a breadcrumb: its own text, not its page's.
        var crumb = document.QuerySelectorAll("div, p, span, td, nav, li, ul, ol")
            .Where(e => PageFields.IsBreadcrumb(e.TextContent))
            .MinBy(e => e.TextContent.Length);
        return crumb is null ? [] : PageFields.CrumbsOf(Collapse(crumb.TextContent));
    }

    private static string? MetaContent(IDocument document, params string[] names) => names
        .Select(n => document.QuerySelectorAll("meta[name]")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("name"), n, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content"))
        .FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    private static bool IsAbsoluteWebAddress(string href) =>
        href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null,
        StringSplitOptions.RemoveEmptyEntries));
}
