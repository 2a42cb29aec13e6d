using System.Net;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// Reads an article out of a page captured as text (the page as a browser shows it, line by line, like the seed
/// capture): the breadcrumb line, the title after it, the line with 发布日期 and 来源, then the body up to the page
/// furniture that follows it (相关文件, 扫一扫, 分享到, 打印).
/// </summary>
public sealed class TextCaptureReader(MirrorTextRepair repair)
{
    private static readonly string[] FurnitureAfterBody =
        ["相关文件", "相关附件", "附件：", "扫一扫", "分享到", "打印页面", "【打印", "关闭页面", "【关闭", "上一篇", "下一篇"];

    public OldPage Read(string capture)
    {
        var repairText = repair.For(capture);
        var cleaned = repairText(capture.Replace("\r", ""));
        var lines = cleaned.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var crumbAt = lines.FindIndex(PageFields.IsBreadcrumb);
        var metaAt = lines.FindIndex(Math.Max(crumbAt, 0), l => PageFields.DateIn(l) is not null);
        var page = new OldPage { Scanned = cleaned, ScannedIsHtml = false };
        if (crumbAt >= 0) page = page with { Crumbs = PageFields.CrumbsOf(lines[crumbAt]) };
        if (metaAt < 0) return page with { Title = TitleBetween(lines, crumbAt, lines.Count) };

        var title = TitleBetween(lines, crumbAt, metaAt);
        var end = lines.FindIndex(metaAt + 1,
            l => FurnitureAfterBody.Any(f => l.StartsWith(f, StringComparison.Ordinal)));
        var paragraphs = lines.GetRange(metaAt + 1, (end < 0 ? lines.Count : end) - metaAt - 1);
        return page with
        {
            Title = title,
            PublishedAtUtc = PageFields.DateIn(lines[metaAt]),
            Source = PageFields.SourceIn(lines[metaAt]),
            BodyHtml = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>")),
            BodyText = PageFields.Compact(string.Concat(paragraphs)),
        };
    }

    // The title is the line after the breadcrumb (the last one before the date line, if the capture kept others).
    private static string? TitleBetween(List<string> lines, int crumbAt, int metaAt) =>
        crumbAt >= 0 && crumbAt + 1 < metaAt ? lines[metaAt - 1] is var t && t.Length <= 120 ? t : null : null;
}
