using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using GovPortal.BackOffice.Files;
using GovPortal.Data.Demo;
using GovPortal.Search;
using GovPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovPortal.Tests.Search;

/// <summary>
/// Small Office files that unpack to huge XML: refused at upload, and read with a cap on characters, time and memory
/// when one is already stored.
/// </summary>
public sealed class DecompressionBombTests
{
    private const long BombXmlBytes = 60L * 1024 * 1024;

    /// <summary>
    /// A real Word document whose main part is 60 MB of XML: many paragraphs, or one paragraph with a single text
    /// of that size. It compresses to well under a megabyte.
    /// </summary>
    private static byte[] Bomb(bool oneGiantText)
    {
        var plain = SimpleDocx.Create("正常文件", ["正文"]);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(plain), ZipArchiveMode.Read))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => e.FullName != "word/document.xml"))
            {
                using var from = entry.Open();
                using var to = zip.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open(),
                new UTF8Encoding(false));
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w="
                + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            var piece = oneGiantText ? "炸弹内容炸弹内容" : "<w:p><w:r><w:t>炸弹内容</w:t></w:r></w:p>";
            var pieceBytes = Encoding.UTF8.GetByteCount(piece);
            if (oneGiantText) writer.Write("<w:p><w:r><w:t>");
            for (long written = 0; written < BombXmlBytes; written += pieceBytes) writer.Write(piece);
            if (oneGiantText) writer.Write("</w:t></w:r></w:p>");
            writer.Write("</w:body></w:document>");
        }
        return output.ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_small_document_that_unpacks_to_huge_xml_is_refused_at_upload(bool oneGiantText)
    {
        var bomb = Bomb(oneGiantText);
        Assert.True(bomb.Length < 1024 * 1024, $"{bomb.Length} bytes");

        var (displayName, _, error) = UploadRules.Check("通知.docx", bomb);

        Assert.Null(displayName);
        Assert.Contains("“通知.docx”解压后的内容异常庞大", error);
        // The same document at its true size is accepted, and so is an ordinary zip of text.
        Assert.Null(UploadRules.Check("通知.docx", SimpleDocx.Create("通知", ["正文"])).Error);
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("说明.txt").Open()))
            for (var line = 0; line < 20_000; line++)
                writer.WriteLine($"第 {line} 行：材料清单与办理说明，编号 {line * 7919 % 10007}");
        Assert.Null(UploadRules.Check("材料.zip", memory.ToArray()).Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_stored_bomb_is_read_partially_within_bounded_memory_and_time(bool oneGiantText)
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "bomb.docx");
        File.WriteAllBytes(path, Bomb(oneGiantText));
        var reader = new AttachmentText(NullLogger<AttachmentText>.Instance);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var text = reader.Extract(path, "docx", "bomb.docx");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Contains("炸弹内容", text);
        Assert.InRange(text.Length, AttachmentText.MaxCharacters / 2, AttachmentText.MaxCharacters);
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated");
        Assert.True(watch.Elapsed < AttachmentText.TimeLimit + TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    [Fact]
    public void Reading_stops_at_the_time_limit_and_keeps_what_was_read()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "bomb.docx");
        File.WriteAllBytes(path, Bomb(oneGiantText: false));
        var reader = new AttachmentText(NullLogger<AttachmentText>.Instance, TimeSpan.Zero);

        var text = reader.Extract(path, "docx", "bomb.docx");

        Assert.True(text.Length < AttachmentText.MaxCharacters, text.Length.ToString());
    }
}
