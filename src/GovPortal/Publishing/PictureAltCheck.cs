using AngleSharp.Html.Parser;
using GovPortal.Publishing.Rendering;
using GovPortal.Safety.Scanning;

namespace GovPortal.Publishing;

/// <summary>The check of an article's body pictures and videos: each says what it shows.</summary>
public static class PictureAltCheck
{
    /// <summary>
    /// Images without 替代文字: a screen reader says nothing (or the file name) for them, which the national
    /// accessibility rules (GB/T 37668) fail. Blocking: a picture in an article always says what it shows.
    /// </summary>
    public static IEnumerable<Finding> Check(string html)
    {
        if (!BodyPictures.HasImages(html) && !BodyPictures.HasVideos(html)) yield break;
        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(html);
        foreach (var image in document.QuerySelectorAll("img"))
        {
            if (!string.IsNullOrWhiteSpace(image.GetAttribute("alt"))) continue;
            yield return At(image,
                "正文中的图片缺少替代文字（说明图片内容的文字），视障读者无法得知图片内容。请在插入图片时填写替代文字。");
        }
        foreach (var video in document.QuerySelectorAll("video"))
        {
            // A video says what it shows in the 文字说明 under it (WCAG 1.2.1: an alternative for readers who cannot
            // watch or hear it), and shows a poster until it is played, not a black box.
            var caption = video.ParentElement is { LocalName: "figure" } figure
                ? figure.QuerySelector("figcaption")?.TextContent ?? ""
                : "";
            if (string.IsNullOrWhiteSpace(caption))
                yield return At(video, "正文中的视频缺少文字说明，无法观看或收听视频的读者无法得知视频内容。"
                    + "请选中视频，用工具栏的“图片视频文字”填写文字说明。");
            if (string.IsNullOrWhiteSpace(video.GetAttribute("poster")))
                yield return At(video, "正文中的视频缺少封面图片，读者在播放前只能看到黑框。请删除该视频后，选择封面图片重新插入。");
        }
    }

    private static Finding At(AngleSharp.Dom.IElement element, string message)
    {
        var position = element.SourceReference?.Position;
        var outer = element.OuterHtml;
        return new Finding(Severity.Block, "无障碍", message, position?.Line ?? 0, position?.Column ?? 0,
            outer.Length > 120 ? outer[..120] + "…" : outer);
    }
}
