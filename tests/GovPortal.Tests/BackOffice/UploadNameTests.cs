using System.Text;
using GovPortal.BackOffice.Files;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// A file name from a user never keeps invisible format characters: "report\u202Efdp.zip" would show as
/// "reportpiz.pdf" and pass for a PDF. Every kept name goes through <see cref="UploadRules.CleanName"/> — article
/// files, the 答复书 of 依申请公开 (through <see cref="UploadRules.Check"/>) and letter attachments.
/// </summary>
public sealed class UploadNameTests
{
    [Theory]
    [InlineData("report\u202Efdp.zip", "reportfdp.zip")]
    [InlineData("\u202Atext\u202B\u202C\u202D.pdf", "text.pdf")]
    [InlineData("a\u2066b\u2067c\u2068d\u2069.pdf", "abcd.pdf")]
    [InlineData("左\u200E右\u200F标\u061C记.pdf", "左右标记.pdf")]
    [InlineData("零\u200B宽\u200C字\u200D符\u2060\uFEFF.pdf", "零宽字符.pdf")]
    [InlineData("软\u00AD连字符\u2028行\u2029段.pdf", "软连字符行段.pdf")]
    [InlineData("\u3164\u115F\u180E通知.pdf", "通知.pdf")]
    [InlineData("\u202E\u200B", "未命名")]
    [InlineData("相城区2026年工作要点（征求意见稿）.pdf", "相城区2026年工作要点（征求意见稿）.pdf")]
    [InlineData("𠀀生僻字.pdf", "𠀀生僻字.pdf")]
    public void Invisible_format_characters_are_taken_out_of_file_names(string given, string kept)
    {
        Assert.Equal(kept, UploadRules.CleanName(given));
    }

    [Fact]
    public void A_file_disguised_by_a_right_to_left_override_is_named_and_checked_by_its_real_extension()
    {
        // The reader would see "reportpiz.pdf"; the file is a zip, and is kept and shown as one.
        var zip = Encoding.ASCII.GetBytes("PK\x05\x06" + new string('\0', 18));
        var (name, extension, error) = UploadRules.Check("report\u202Efdp.zip", zip);
        Assert.Null(error);
        Assert.Equal("reportfdp.zip", name);
        Assert.Equal("zip", extension);
        // A PNG named to look like a PDF behind the override is refused with a name that shows what it is.
        var (_, _, refused) = UploadRules.Check("photo\u202Efdp.png", Encoding.ASCII.GetBytes("%PDF-1.4"));
        Assert.NotNull(refused);
        Assert.Contains("photofdp.png", refused);
        Assert.DoesNotContain("\u202E", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letter_attachments_keep_no_bidi_or_zero_width_characters()
    {
        var pdf = TestPdf.Create("来信附件");
        using var stream = new MemoryStream(pdf);
        var file = new FormFile(stream, 0, pdf.Length, "files", "现场\u202Egnp\u200B.pdf");
        var (accepted, error) = await LetterAttachmentRules.CheckAsync([file], CancellationToken.None);
        Assert.Null(error);
        Assert.Equal("现场gnp.pdf", Assert.Single(accepted).FileName);
    }
}
