using System.Text;
using GovPortal.BackOffice.Files;
using GovPortal.Content.Uploads;
using SkiaSharp;

namespace GovPortal.Tests.Content;

/// <summary>
/// Every uploaded picture is decoded and encoded anew: what the camera hid (EXIF, GPS), what was appended after the
/// picture, and the camera's rotation note are gone, the rotation applied to the pixels; wide pictures are scaled to
/// 1,920 pixels; a picture that declares a huge size is refused before it is decoded.
/// </summary>
public sealed class ImageReencoderTests
{
    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    [Fact]
    public void A_photo_keeps_its_pixels_and_loses_its_exif_and_gps_block()
    {
        var photo = TestPictures.JpegWithExif(64, 32);
        Assert.True(Contains(photo, TestPictures.HiddenDescription));
        Assert.True(Contains(photo, "Exif"));

        var (kept, error) = UploadRules.Accept("现场.jpg", photo);

        Assert.Null(error);
        Assert.Equal(("现场.jpg", "jpg", "image/jpeg"), (kept!.DisplayName, kept.Extension, kept.ContentType));
        Assert.False(Contains(kept.Content, TestPictures.HiddenDescription));
        Assert.False(Contains(kept.Content, "Exif"));
        Assert.Equal((64, 32), (kept.Width, kept.Height));
        Assert.Equal((64, 32), TestPictures.SizeOf(kept.Content));
    }

    [Fact]
    public void A_rotated_phone_photo_is_turned_upright_since_the_note_that_says_so_is_dropped()
    {
        // Stored 64 × 32 with its left half red; EXIF 6 says "turn 90° clockwise to show".
        var photo = TestPictures.JpegWithExif(64, 32, orientation: 6);
        Assert.Equal(SKEncodedOrigin.RightTop, TestPictures.OriginOf(photo));

        var (kept, _) = UploadRules.Accept("竖拍.jpg", photo);

        Assert.Equal((32, 64), (kept!.Width, kept.Height));
        Assert.Equal(SKEncodedOrigin.TopLeft, TestPictures.OriginOf(kept.Content));
        // Turned clockwise, the left (red) half is on top.
        var top = TestPictures.ColourAt(kept.Content, 16, 8);
        var bottom = TestPictures.ColourAt(kept.Content, 16, 56);
        Assert.True(top.Red > 200 && top.Blue < 60, $"top {top}");
        Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"bottom {bottom}");
    }

    [Fact]
    public void A_wide_picture_is_scaled_to_1920_pixels_and_gets_smaller_copies_and_a_thumbnail()
    {
        using var wide = TestPictures.Halves(3000, 1000);
        var (kept, _) = UploadRules.Accept("全景.png", TestPictures.Encode(wide, SKEncodedImageFormat.Png));

        Assert.Equal((1920, 640), (kept!.Width, kept.Height));
        var copies = ImageReencoder.SmallerCopies(kept.Content, kept.Extension);
        Assert.Equal([480, 960], copies.Select(c => c.Width));
        Assert.Equal((480, 160), TestPictures.SizeOf(copies[0].Bytes));
        Assert.Equal((960, 320), TestPictures.SizeOf(copies[1].Bytes));

        // A small picture has no srcset copies, but still a thumbnail: the picture itself.
        using var small = TestPictures.Halves(300, 200);
        var (smallKept, _) = UploadRules.Accept("小图.png", TestPictures.Encode(small, SKEncodedImageFormat.Png));
        var smallCopies = ImageReencoder.SmallerCopies(smallKept!.Content, "png");
        Assert.Equal([480], smallCopies.Select(c => c.Width));
        Assert.Equal(smallKept.Content, smallCopies[0].Bytes);
    }

    [Fact]
    public void Bytes_appended_after_a_picture_are_not_kept()
    {
        using var bitmap = TestPictures.Halves(40, 40);
        var png = TestPictures.Encode(bitmap, SKEncodedImageFormat.Png);
        // A "polyglot": a valid PNG with a page (or an archive) after its end.
        var polyglot = png.Concat(Encoding.ASCII.GetBytes("<script>alert(document.cookie)</script>PK\x03\x04"))
            .ToArray();

        var (kept, error) = UploadRules.Accept("图表.png", polyglot);

        Assert.Null(error);
        Assert.False(Contains(kept!.Content, "<script>"));
        Assert.Equal((40, 40), TestPictures.SizeOf(kept.Content));
    }

    [Fact]
    public void A_gif_is_kept_as_a_png_named_so()
    {
        // Skia writes no GIF: this one is made by hand (1 × 1, one colour).
        byte[] gif =
        [
            .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0, 0, 0, 0, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44,
            1, 0, 0x3B,
        ];
        var (kept, error) = UploadRules.Accept("动图.gif", gif);

        Assert.Null(error);
        Assert.Equal(("动图.png", "png", "image/png"), (kept!.DisplayName, kept.Extension, kept.ContentType));
        Assert.Equal((1, 1), (kept.Width, kept.Height));
    }

    [Fact]
    public void A_picture_declaring_a_huge_size_is_refused_before_it_is_decoded_and_a_broken_one_is_refused()
    {
        var bomb = TestPictures.PngDeclaring(20_000, 20_000);
        var (kept, error) = UploadRules.Accept("炸弹.png", bomb);
        Assert.Null(kept);
        Assert.Equal("图片“炸弹.png”的尺寸为 20000×20000 像素，超过了 5000 万像素的限制，请缩小后再上传。", error);

        byte[] broken = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8, 0, 1, 2, 3];
        var (none, brokenError) = UploadRules.Accept("损坏.jpg", broken);
        Assert.Null(none);
        Assert.StartsWith("图片“损坏.jpg”无法", brokenError);
    }

    [Fact]
    public void A_document_is_kept_as_it_is()
    {
        var pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var (kept, error) = UploadRules.Accept("通知.pdf", pdf);
        Assert.Null(error);
        Assert.Equal(pdf, kept!.Content);
        Assert.Equal((0, 0), (kept.Width, kept.Height));
    }
}
