using GovPortal.Data.Demo;
using GovPortal.Search;
using GovPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovPortal.Tests.Search;

public sealed class AttachmentTextTests
{
    private readonly AttachmentText _text = new(NullLogger<AttachmentText>.Instance);

    [Fact]
    public void Reads_the_chinese_text_of_a_pdf()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "a.pdf");
        File.WriteAllBytes(path, TestPdf.Create("相城区秸秆综合利用实施方案", "二〇二三年度"));

        var text = _text.Extract(path, "pdf", "实施方案.pdf");

        Assert.Contains("相城区秸秆综合利用实施方案", text);
        Assert.Contains("二〇二三年度", text);
    }

    [Fact]
    public void Reads_the_paragraphs_of_a_word_document()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "a.docx");
        File.WriteAllBytes(path, SimpleDocx.Create("会议材料", ["第一段：河长制工作要点。", "第二段：水环境治理。"]));

        var text = _text.Extract(path, "docx", "会议材料.docx");

        Assert.Contains("会议材料", text);
        Assert.Contains("河长制工作要点", text);
        Assert.Contains("水环境治理", text);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public void A_damaged_file_gives_no_text_and_no_error(string extension)
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "broken." + extension);
        File.WriteAllBytes(path, "%PDF-1.4 PK\u0003\u0004 this is not a document"u8.ToArray());

        Assert.Equal("", _text.Extract(path, extension, "broken." + extension));
    }

    [Fact]
    public void Formats_without_a_reader_contribute_no_text()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "a.xls");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0]);
        Assert.Equal("", _text.Extract(path, "xls", "表格.xls"));
    }
}
