using System.IO.Compression;
using System.Net;
using GovPortal.BackOffice.Files;
using GovPortal.Data.Demo;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

public sealed class UploadTests(NewsroomFixture shared) : IClassFixture<NewsroomFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static byte[] Zip(string entry)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            using (var writer = new StreamWriter(zip.CreateEntry(entry).Open())) writer.Write("<x/>");
        return memory.ToArray();
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "setup.exe", [0x4D, 0x5A, 0x90, 0x00], "类型不允许" },
        { "shell.aspx", "<%@ Page %>"u8.ToArray(), "类型不允许" },
        { "报告.pdf", Png, "内容与扩展名 .pdf 不符" },
        { "图片.png", "%PDF-1.4"u8.ToArray(), "内容与扩展名 .png 不符" },
        { "表格.xlsx", Zip("word/document.xml"), "内容与扩展名 .xlsx 不符" },
        { "文件.doc", "<html><script>alert(1)</script></html>"u8.ToArray(), "内容与扩展名 .doc 不符" },
        { "空文件.pdf", [], "是空文件" },
        { "没有扩展名", "%PDF-1.4"u8.ToArray(), "类型不允许" },
        { "视频.mp4", "<html><script>alert(1)</script></html>"u8.ToArray(), "内容与扩展名 .mp4 不符" },
        { "短视频.mp4", "\0\0\0\bftyp"u8.ToArray(), "内容与扩展名 .mp4 不符" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Files_whose_type_is_not_allowed_or_whose_content_is_not_what_the_extension_says_are_refused(string name,
        byte[] content, string message)
    {
        var (displayName, _, error) = UploadRules.Check(name, content);
        Assert.Null(displayName);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Every_allowed_type_with_true_content_is_accepted_and_names_are_cleaned()
    {
        var ole = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        var accepted = new (string, byte[])[]
        {
            ("通知.pdf", TestPdf.Create("通知")), ("材料.docx", SimpleDocx.Create("材料", ["正文"])),
                ("数据.xlsx", Zip("xl/workbook.xml")),
            ("汇报.pptx", Zip("ppt/presentation.xml")), ("公文.ofd", Zip("OFD.xml")), ("旧文件.doc", ole), ("旧表格.xls", ole),
                ("旧演示.ppt", ole),
            ("金山.wps", ole), ("打包.zip", Zip("a.txt")), ("照片.JPG", [0xFF, 0xD8, 0xFF, 0xE0]), ("截图.png", Png),
                ("动图.gif", "GIF89a"u8.ToArray()),
            ("演练视频.mp4", TinyVideo.Mp4()),
        };
        foreach (var (name, content) in accepted)
        {
            var (displayName, extension, error) = UploadRules.Check(name, content);
            Assert.True(error is null, $"{name}: {error}");
            Assert.Equal(name, displayName);
            Assert.Equal(name[(name.LastIndexOf('.') + 1)..].ToLowerInvariant(), extension);
        }
        Assert.Equal("passwd.pdf", UploadRules.Check("../../etc/passwd.pdf", TestPdf.Create("x")).DisplayName);
        Assert.Equal("a.pdf", UploadRules.Check("C:\\Users\\x\\a.pdf", TestPdf.Create("x")).DisplayName);
        Assert.Equal("ab.pdf", UploadRules.Check("a\u0000<b>.pdf", TestPdf.Create("x")).DisplayName);
    }

    [Fact]
    public async Task An_uploaded_name_with_a_bidi_override_is_kept_and_published_without_it()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var response = await room.Editor.PostMultipartAsync("articles/new",
            Newsroom.Fields(TestAccounts.ChannelId(portal, "bmdt"), "附件名称测试", "<p>正文内容</p>"),
            [("会议纪要\u202Excod\u200F.pdf", TestPdf.Create("纪要"))]);
        Assert.True((int)response.StatusCode is 302 or 303, await response.Content.ReadAsStringAsync());
        await using var db = portal.Settings.Database.CreateContext();
        var names = db.RevisionFiles.Select(f => f.DisplayName).ToList();
        Assert.Contains("会议纪要xcod.pdf", names);
        Assert.DoesNotContain(names, n => n.Any(c => char.GetUnicodeCategory(c)
            == System.Globalization.UnicodeCategory.Format));
    }

    [Fact]
    public async Task A_refused_upload_gets_a_message_keeps_the_form_and_stores_nothing()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        int articlesBefore;
        await using (var db = portal.Settings.Database.CreateContext()) articlesBefore = db.Articles.Count();
        var uploadsBefore = Directory.GetFiles(portal.Settings.Paths.UploadsDirectory).Length;

        var response = await room.Editor.PostMultipartAsync("articles/new",
            Newsroom.Fields(TestAccounts.ChannelId(portal, "bmdt"), "带附件的文章", "<p>正文内容</p>"),
            [("好文件.pdf", TestPdf.Create("好")), ("伪装.pdf", Png)]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("“伪装.pdf”的内容与扩展名 .pdf 不符", html);
        Assert.Contains("带附件的文章", html); // the form keeps what was typed
        Assert.Contains("正文内容", html);
        await using (var db = portal.Settings.Database.CreateContext())
            Assert.Equal(articlesBefore, db.Articles.Count());
        // not even the good file
        Assert.Equal(uploadsBefore, Directory.GetFiles(portal.Settings.Paths.UploadsDirectory).Length);

        var large = new byte[UploadRules.MaxBytes + 1];
        "%PDF-"u8.CopyTo(large);
        var tooLarge = await room.Editor.PostMultipartAsync("articles/new",
            Newsroom.Fields(TestAccounts.ChannelId(portal, "bmdt"), "大文件", "<p>x</p>"), [("大文件.pdf", large)]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("超过了 50 MB 的大小限制", await tooLarge.Content.ReadAsStringAsync());
        Assert.Equal(uploadsBefore, Directory.GetFiles(portal.Settings.Paths.UploadsDirectory).Length);
    }

    [Fact]
    public async Task
        Files_are_stored_outside_the_output_under_random_names_and_downloaded_as_attachments_with_their_names()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var pdf = TestPdf.Create("会议纪要");
        var id = await room.WriteAsync("附件测试", files: [("2026年第3次会议纪要.pdf", pdf)]);
        var file = (await room.RevisionAsync(id)).Files.Single();
        Assert.Equal("2026年第3次会议纪要.pdf", file.DisplayName);
        Assert.Matches("^[0-9a-f]{32}$", file.StoredName);
        Assert.True(File.Exists(Path.Combine(portal.Settings.Paths.UploadsDirectory, file.StoredName)));
        // not public before publishing
        Assert.Empty(Directory.GetFiles(portal.Output.PublicDirectory, file.StoredName + "*",
            SearchOption.AllDirectories));

        var download = await room.Editor.GetAsync($"files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("2026年第3次会议纪要.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        using var anonymous = StaffClient.Anonymous(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"files/{file.Id}")).StatusCode);

        // Removing a file in a later save drops it from the revision, and adding one keeps the others.
        var revision = await room.RevisionAsync(id);
        var fields = Newsroom.Fields(revision.ChannelId, "附件测试", "<p>x</p>", baseRevisionId: revision.Id,
            baseVersion: revision.Version);
        fields.Add(new("removeFile", file.Id.ToString()));
        var saved = await room.Editor.PostMultipartAsync($"articles/{id}/edit", fields,
            [("新附件.docx", SimpleDocx.Create("新附件", ["内容"]))]);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal(["新附件.docx"], (await room.RevisionAsync(id)).Files.Select(f => f.DisplayName).ToList());
    }
}
