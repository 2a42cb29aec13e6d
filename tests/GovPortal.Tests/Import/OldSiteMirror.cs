using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using GovPortal.BackOffice.Import;
using GovPortal.Chinese;
using GovPortal.Content;
using GovPortal.Data.Demo;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Import;

/// <summary>What one generated page should become.</summary>
public sealed record PageTruth(string OldPath, ImportOutcome Outcome, ImportSkip Skip = ImportSkip.None)
{
    public string Title { get; init; } = "";
    public DateTime PublishedAtUtc { get; init; }
    public string ChannelPath { get; init; } = "";
    public string Source { get; init; } = "";
    public IReadOnlyList<string> Attachments { get; init; } = [];
    public string? DuplicateOf { get; init; }
    public bool Gbk { get; init; }
    public bool Traditional { get; init; }

    /// <summary>A sentence of the body as the imported article must have it.</summary>
    public string BodyProbe { get; init; } = "";
}

/// <summary>
/// Writes a <c>wget --mirror</c> copy of an old 相城区 site (under www.szxc.gov.cn/) in the four address layouts of
/// the systems Chinese government sites ran — TRS, Hanweb, content_N and 博达 — with what such copies hold: pages
/// without a title, a body or a date, truncated pages, list pages, an article under two addresses, pages carrying
/// the seed's spam line or hidden spam links, GBK pages (declared, and undeclared), pages in Traditional script with
/// pinyin readings, attachments with Chinese names, and two pages captured as text (the seed capture, and the same
/// page without its spam line). Deterministic for a seed; returns the truth of every page.
/// </summary>
public sealed class OldSiteMirror(ChineseConverter converter, int seed = 20240601)
{
    public const string Host = "www.szxc.gov.cn";
    private const string SiteName = "苏州市相城区人民政府";
    private const string SpamLine = "一区二区三区视频在线观看,国产不卡AV在线,女人喷液在线观看免费,久久综合免费人伦观看";

    private sealed record ChannelSpec(string Path, string[] Crumbs, DemoArticleKind Kind, int ColumnId);

    private static readonly ChannelSpec[] Channels =
    [
        new("xwzx/xcyw", ["新闻中心", "相城要闻"], DemoArticleKind.News, 11),
        new("xwzx/bmdt", ["新闻中心", "部门动态"], DemoArticleKind.DepartmentNews, 12),
        new("xwzx/tzgg", ["新闻中心", "通知公告"], DemoArticleKind.Notice, 13),
        new("zcwj", ["政策文件"], DemoArticleKind.Policy, 14),
    ];

    private static readonly ChannelSpec Unknown = new("ztzl/cjwm", ["专题专栏", "创建文明城市"], DemoArticleKind.News, 99);

    private enum Layout { Trs, Hanweb, ContentId, Boda }

    private readonly Random _random = new(seed);
    private readonly DemoArticleGenerator _articles = new(seed);
    private readonly List<PageTruth> _truth = [];
    private string _root = "";

    /// <param name="articlePages">How many article pages (besides duplicates, list pages and captures).</param>
    /// <param name="shadowPath">An address the new site publishes: an old page is put there too, and its redirect
    /// must never answer instead of the published page.</param>
    public IReadOnlyList<PageTruth> Write(string directory, int articlePages, string shadowPath)
    {
        _root = Path.Combine(directory, Host);
        for (var i = 0; i < articlePages; i++) WriteArticle(i, i == 5 ? shadowPath.TrimStart('/') : null);
        foreach (var channel in Channels.Append(Unknown)) WriteListPage(channel);
        WriteCaptures();
        return _truth;
    }

    private void WriteArticle(int i, string? forcedPath)
    {
        var layout = (Layout)(i % 4);
        var channel = i % 19 == 7 ? Unknown : Channels[_random.Next(Channels.Length)];
        var local = new DateTime(2019 + _random.Next(5), 1 + _random.Next(12), 1 + _random.Next(28),
            8 + _random.Next(10), _random.Next(60), 0);
        var generated = _articles.Next(channel.Kind, ChinaTime.ToUtc(local.Year, local.Month, local.Day,
            local.Hour, local.Minute));
        // Titles are made unique, so that every page's fate can be checked by its title too.
        var title = $"{generated.Title}（{i + 1}）";
        var paragraphs = System.Text.RegularExpressions.Regex.Matches(generated.BodyHtml, "<p>(.*?)</p>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var traditional = layout != Layout.Boda && i % 7 == 3;
        // Half the 博达 pages are GBK: half of those say so, the others are only not UTF-8.
        var gbkMode = layout == Layout.Boda && i / 4 % 2 == 0 ? (i / 8 % 2 == 0 ? "declared" : "undeclared") : null;
        var gbk = gbkMode is not null;
        var spamLine = i % 23 == 11;
        var hiddenSpam = i % 29 == 13;
        var noTitle = i % 31 == 17;
        var noBody = i % 37 == 19;
        var truncated = i % 41 == 23;
        var noDate = i % 43 == 29;
        // A body of links to files alone is still a body: the pages without one have none.
        var attachments = i % 5 == 1 && !noBody ? AttachmentNames(i) : [];
        if (layout == Layout.ContentId) local = local.Date; // this layout gives the day only
        var path = forcedPath ?? PathOf(layout, channel, local, i);

        var html = Render(layout, title, local, generated.Source, paragraphs, channel.Crumbs, attachments, path,
            traditional, noTitle, noBody, noDate, truncated, spamLine, hiddenSpam);
        Write(path, html, gbkMode);
        foreach (var name in attachments) WriteAttachment(path, name);

        // A truncated page ends before its body and before the spam that followed it.
        var outcome = (spamLine || hiddenSpam) && !truncated ? ImportOutcome.Flagged
            : noTitle || noDate || noBody || truncated || channel == Unknown ? ImportOutcome.Skipped
            : ImportOutcome.Imported;
        var skip = outcome != ImportOutcome.Skipped ? ImportSkip.None
            : noTitle ? ImportSkip.NoTitle : noDate ? ImportSkip.NoDate : noBody || truncated ? ImportSkip.NoBody
            : ImportSkip.NoChannel;
        var truth = new PageTruth(path, outcome, skip)
        {
            Title = title, PublishedAtUtc = ChinaTime.ToUtc(local.Year, local.Month, local.Day, local.Hour,
                local.Minute),
            ChannelPath = channel.Path, Source = generated.Source, Attachments = attachments, Gbk = gbk,
            Traditional = traditional, BodyProbe = paragraphs[0],
        };
        _truth.Add(truth);

        // Every 17th article is in the mirror twice (the old system listed it in two places): imported once, from
        // the address that comes first.
        if (outcome == ImportOutcome.Imported && i % 17 == 2 && forcedPath is null)
        {
            var copy = layout == Layout.Trs
                ? $"{channel.Path}/{local:yyyyMM}/t{local:yyyyMMdd}_{900000 + i}.html"
                : PathOf(layout, channel, local, 90000 + i);
            Write(copy, html, gbkMode);
            foreach (var name in attachments) WriteAttachment(copy, name);
            _truth.Add(truth with
            {
                OldPath = copy, Outcome = ImportOutcome.Skipped, Skip = ImportSkip.Duplicate, DuplicateOf = path,
            });
        }
    }

    private static string PathOf(Layout layout, ChannelSpec channel, DateTime local, int i) => layout switch
    {
        Layout.Trs => $"{channel.Path}/{local:yyyyMM}/t{local:yyyyMMdd}_{100000 + i}.html",
        Layout.Hanweb => string.Create(CultureInfo.InvariantCulture,
            $"art/{local.Year}/{local.Month}/{local.Day}/art_{channel.ColumnId}_{5000 + i}.html"),
        Layout.ContentId => $"{channel.Path}/content_{7000 + i}.html",
        _ => $"info/{channel.ColumnId}/{9000 + i}.htm",
    };

    private static string[] AttachmentNames(int i) => i % 10 == 1
        ? [$"关于做好{i}号工作的通知.pdf", "报名汇总表.xlsx"]
        : [$"相城区工作要点（第{i}期）.pdf"];

    private string Render(Layout layout, string title, DateTime local, string source, List<string> paragraphs,
        string[] crumbs, string[] attachments, string path, bool traditional, bool noTitle, bool noBody,
        bool noDate, bool truncated, bool spamLine, bool hiddenSpam)
    {
        // The mirror's artefacts: Traditional script and pinyin readings after 区 (區(qū)).
        string Shown(string text) => traditional
            ? converter.ToTraditional(text).Replace("區", "區(qū)").Replace("網", "網(wǎng)")
            : text;
        var e = (Func<string, string>)(t => WebUtility.HtmlEncode(Shown(t)));
        var date = layout switch
        {
            Layout.Trs => $"发布日期：{local:yyyy-MM-dd HH:mm}",
            Layout.Hanweb => $"发布时间：{local:yyyy-MM-dd HH:mm}",
            Layout.ContentId => $"日期：{local.Year}年{local.Month:00}月{local.Day:00}日",
            _ => $"发布时间:{local:yyyy-MM-dd HH:mm}",
        };
        var meta = noDate ? $"{e("来源：" + source)}" : $"{e("来源：" + source)}&nbsp;&nbsp;{e(date)}";
        var crumbText = (layout == Layout.ContentId ? "您现在的位置：" : "当前位置：")
            + "<a href=\"/\">" + e("首页") + "</a>"
            + string.Concat(crumbs.Select(c => " &gt; <a href=\"#\">" + e(c) + "</a>"));
        var body = new StringBuilder();
        if (!noBody)
            foreach (var p in paragraphs) body.Append("<p>").Append(e(p)).Append("</p>\n");
        if (hiddenSpam)
            body.Append("<div style=\"display:none\"><a href=\"http://www.amxpj888.com/\">")
                .Append("澳门新葡京 在线赌场 百家乐 真人荷官</a></div>\n");
        foreach (var name in attachments)
        {
            var href = name.EndsWith(".xlsx") ? Uri.EscapeDataString(FileNameOf(path, name)) : FileNameOf(path, name);
            body.Append("<p>附件：<a href=\"").Append(href).Append("\">").Append(e(name)).Append("</a></p>\n");
        }
        var titleElement = noTitle ? "" : layout switch
        {
            Layout.Trs => "",
            Layout.Hanweb => $"<div class=\"article-title\">{e(title)}</div>",
            Layout.ContentId => $"<h1>{e(title)}</h1>",
            _ => $"<div class=\"bt_title\">{e(title)}</div>",
        };
        var head = new StringBuilder("<!DOCTYPE html>\n<html><head>");
        head.Append("<!--charset-->");
        head.Append(noTitle ? $"<title>{e(SiteName)}</title>" : $"<title>{e(title)}_{e(SiteName)}</title>");
        if (layout == Layout.Trs && !noTitle)
            head.Append($"<meta name=\"ArticleTitle\" content=\"{e(title)}\">");
        head.Append("<script src=\"https://hm.baidu.com/hm.js?0123456789abcdef\"></script></head>\n");
        var container = layout switch
        {
            Layout.Trs => "<div class=\"TRS_Editor\">",
            Layout.Hanweb => "<div id=\"zoom\">",
            Layout.ContentId => "<div class=\"article-content\">",
            _ => "<div id=\"vsb_content\">",
        };
        var page = new StringBuilder(head.ToString());
        page.Append("<body><div class=\"header\"><a href=\"/\">").Append(e(SiteName)).Append("</a></div>\n");
        page.Append("<div class=\"position\">").Append(crumbText).Append("</div>\n");
        page.Append("<div class=\"main\">").Append(titleElement).Append('\n');
        page.Append("<div class=\"info\">").Append(meta).Append("</div>\n");
        var cut = page.Length;
        page.Append(container).Append('\n').Append(body).Append("</div>\n</div>\n");
        page.Append("<div class=\"footer\">").Append(e("主办：苏州市相城区人民政府办公室")).Append("</div>\n");
        if (spamLine) page.Append("<div class=\"links\">").Append(SpamLine).Append("</div>\n");
        page.Append("</body></html>\n");
        // A page the mirror saved only in part: it ends before its body.
        return truncated ? page.ToString()[..cut] : page.ToString();
    }

    private static string FileNameOf(string pagePath, string name) => $"P0{Math.Abs(pagePath.Length * 7919)}_{name}";

    private void Write(string relativePath, string html, string? gbkMode)
    {
        var file = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        if (gbkMode is null)
        {
            File.WriteAllText(file, html.Replace("<!--charset-->", "<meta charset=\"utf-8\">"),
                new UTF8Encoding(false));
            return;
        }
        // Declared (<meta charset="gb2312">), or not at all: then only the invalid UTF-8 gives it away.
        var text = html.Replace("<!--charset-->", gbkMode == "declared"
            ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
            : "");
        File.WriteAllBytes(file, PageDecoding.Gb18030.GetBytes(text));
    }

    private void WriteAttachment(string pagePath, string name)
    {
        var file = Path.Combine(_root, Path.GetDirectoryName(pagePath)!, FileNameOf(pagePath, name));
        byte[] content = name.EndsWith(".pdf") ? TestPdf.Create("附件", name) : Workbook();
        File.WriteAllBytes(file, content);
    }

    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            writer.Write("<workbook/>");
        return stream.ToArray();
    }

    private void WriteListPage(ChannelSpec channel)
    {
        var path = channel.Path + "/index.html";
        var crumbs = string.Concat(channel.Crumbs.Select(c => " &gt; " + c));
        Write(path, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{channel.Crumbs[^1]}_{SiteName}" +
            $"</title></head><body><div class=\"position\">当前位置：首页{crumbs}</div><ul class=\"list\">" +
            "<li><a href=\"t1.html\">一篇文章</a><span>2023-10-12</span></li></ul></body></html>", null);
        _truth.Add(new PageTruth(path, ImportOutcome.Skipped, ImportSkip.NoDate));
    }

    private void WriteCaptures()
    {
        var capture = SeedArticleReader.ReadEmbeddedCapture();
        var seed = SeedArticleReader.Read(capture, converter);
        Write("captures/seed.txt", capture, null);
        _truth.Add(new PageTruth("captures/seed.txt", ImportOutcome.Flagged) { Title = seed.Title });
        // The same page without the injected line: an article like any other.
        var clean = string.Join('\n', capture.Replace("\r", "").Split('\n').Where(l => !l.Contains("国产不卡")));
        Write("captures/seed-clean.txt", clean, null);
        _truth.Add(new PageTruth("captures/seed-clean.txt", ImportOutcome.Imported)
        {
            Title = seed.Title, PublishedAtUtc = seed.PublishedAtUtc, ChannelPath = "xwzx/xcyw",
            Source = seed.Source, Traditional = true, BodyProbe = seed.Paragraphs[1],
        });
    }
}
