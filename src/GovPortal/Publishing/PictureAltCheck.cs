using AngleSharp.Html.Parser;
using GovPortal.Publishing.Rendering;
using GovPortal.Safety.Scanning;

namespace GovPortal.Publishing;

/// <summary>The check of an article's body pictures: each says what it shows.</summary>
public static class PictureAltCheck
{
    /// <summary>
    /// Images without 替代文字: a screen reader says nothing (or the file name) for them, which the national
    /// accessibility rules (GB/T 37668) fail. Blocking: a picture in an article always says what it shows.
    /// </summary>
    public static IEnumerable<Finding> Check(string html)
    {
        if (!BodyPictures.HasImages(html)) yield break;
        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(html);
        foreach (var image in document.QuerySelectorAll("img"))
        {
            if (!string.IsNullOrWhiteSpace(image.GetAttribute("alt"))) continue;
            var position = image.SourceReference?.Position;
            var outer = image.OuterHtml;
            yield return new Finding(Severity.Block, "无障碍",
                "正文中的图片缺少替代文字（说明图片内容的文字），视障读者无法得知图片内容。请在插入图片时填写替代文字。",
                position?.Line ?? 0, position?.Column ?? 0, outer.Length > 120 ? outer[..120] + "…" : outer);
        }
    }
}
