using GovPortal.Publishing;
using GovPortal.Publishing.Rendering;
using GovPortal.Safety.Scanning;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// The body's pictures as the public page and the staff preview show them, and the check that refuses a picture
/// without 替代文字.
/// </summary>
public sealed class BodyPicturesTests
{
    private const string Name = "0123456789abcdef0123456789abcdef.jpg";

    [Fact]
    public void The_articles_own_picture_gets_its_size_its_copies_and_lazy_loading_and_another_only_lazy_loading()
    {
        var body = $"<p>会议现场：</p><p><img src=\"/files/{Name}\" alt=\"会议现场\"></p>"
            + "<p><img src=\"https://www.jiangsu.gov.cn/a.png\" alt=\"省政府图片\"></p>";

        var published = BodyPictures.Published(body,
            new Dictionary<string, PictureSize> { [Name] = new(1920, 1080) });

        Assert.Contains($"<img src=\"/files/{Name}\" alt=\"会议现场\" loading=\"lazy\" decoding=\"async\" "
            + "width=\"1920\" height=\"1080\" srcset=\"/files/0123456789abcdef0123456789abcdef-480.jpg 480w, "
            + "/files/0123456789abcdef0123456789abcdef-960.jpg 960w, "
            + $"/files/{Name} 1920w\" sizes=\"{BodyPictures.Sizes}\">", published);
        Assert.Contains("<img src=\"https://www.jiangsu.gov.cn/a.png\" alt=\"省政府图片\" loading=\"lazy\" "
            + "decoding=\"async\">", published);
        Assert.Equal([Name], BodyPictures.NamesIn(body));
        // A body without pictures is not parsed at all: the very same string comes back.
        const string plain = "<p>没有图片的正文。</p>";
        Assert.Same(plain, BodyPictures.Published(plain, new Dictionary<string, PictureSize>()));
    }

    [Fact]
    public void The_preview_shows_the_articles_pictures_from_the_back_office()
    {
        var previewed = BodyPictures.Previewed($"<p><img src=\"/files/{Name}\" alt=\"现场\"></p>",
            name => "/admin/pictures/" + name);
        Assert.Equal($"<p><img src=\"/admin/pictures/{Name}\" alt=\"现场\"></p>", previewed);
    }

    [Fact]
    public void A_picture_without_alternative_text_is_a_blocking_finding_with_its_place()
    {
        var findings = PictureAltCheck.Check(
            "<p>一</p>\n<p><img src=\"/files/a.jpg\"></p>\n<p><img src=\"/files/b.jpg\" alt=\"  \"></p>"
            + "<p><img src=\"/files/c.jpg\" alt=\"现场\"></p>").ToList();

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal((Severity.Block, "无障碍"), (f.Severity, f.Category)));
        Assert.Equal((2, 4), (findings[0].Line, findings[0].Column));
        Assert.Contains("/files/b.jpg", findings[1].Excerpt);
    }
}
