using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GovPortal.BackOffice.Files;
using GovPortal.Citizens.Forms;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// The letter form through HTTP without script: the page in each form, a letter with attachments committed and
/// sealed before the receipt, each mistake named, and the form's protections (antiforgery, honeypot, size, hostile
/// input, disguised files).
/// </summary>
public sealed class LetterFormTests(LetterPortalFixture fixture) : IClassFixture<LetterPortalFixture>
{
    private RunningPortal Portal => fixture.Portal;

    [Fact]
    public async Task The_demo_site_has_the_default_mailboxes_and_the_form_offers_the_active_ones_in_each_form()
    {
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var mailboxes = await db.Mailboxes.OrderBy(m => m.SortOrder).ToListAsync();
            Assert.Equal(["qzxx", "zx12345", "ts", "jy"], mailboxes.Select(m => m.Code));
            Assert.Equal("区长信箱", mailboxes[0].Name);
            Assert.All(mailboxes, m => Assert.Equal((5, 10), (m.ConsultReplyDays, m.ReplyDays)));
        }
        using var writer = new LetterWriter(Portal);
        foreach (var path in new[] { "/hdjl/xx", "/hdjl/xx/", "/elder/hdjl/xx", "/zh-hant/hdjl/xx?mailbox=jy" })
        {
            using var response = await writer.Http.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, path + " " + html);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
            var page = Html.Parse(html);
            Assert.Equal("multipart/form-data", page.QuerySelector("form.citizen-form")!.GetAttribute("enctype"));
            Assert.NotNull(page.QuerySelector("input[name=__form]"));
            Assert.NotNull(page.QuerySelector(".visually-hidden input[name=website][tabindex='-1']"));
            Assert.NotNull(page.QuerySelector("input[type=file][name=files][multiple]"));
            Assert.Equal(5, page.QuerySelectorAll("#f-mailbox option").Length);
            Assert.Equal(5, page.QuerySelectorAll("input[name=kind]").Length);
            Assert.NotNull(page.QuerySelector("label[for=f-subject]"));
            Assert.NotNull(page.QuerySelector("#c-notice"));
        }
        var elder = await writer.Http.GetStringAsync("/elder/hdjl/xx");
        Assert.Contains("action=\"/elder/hdjl/xx\"", elder);
        // ?mailbox=code preselects the mailbox; an unknown code preselects nothing.
        var chosen = Html.Parse(await writer.Http.GetStringAsync("/hdjl/xx?mailbox=jy"));
        Assert.Equal("jy", chosen.QuerySelector("#f-mailbox option[selected]")!.GetAttribute("value"));
        var unknown = Html.Parse(await writer.Http.GetStringAsync("/hdjl/xx?mailbox=<script>"));
        Assert.Null(unknown.QuerySelector("#f-mailbox option[selected]"));
    }

    [Fact]
    public async Task An_inactive_mailbox_is_not_offered_and_a_letter_to_it_is_refused()
    {
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            db.Mailboxes.Add(new Mailbox { SiteId = db.Sites.First().Id, Code = "closed", Name = "已关闭信箱",
                Active = false, SortOrder = 9 });
            await db.SaveChangesAsync();
        }
        using var writer = new LetterWriter(Portal);
        var page = Html.Parse(await writer.Http.GetStringAsync("/hdjl/xx?mailbox=closed"));
        Assert.Null(page.QuerySelector("#f-mailbox option[value=closed]"));
        var fields = LetterWriter.ValidFields();
        fields["mailbox"] = "closed";
        var before = await fixture.CountAsync();
        var (status, result, _) = await writer.WriteAsync(fields);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("请选择要写信的信箱。", result.QuerySelector("#e-mailbox").Text());
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task A_letter_with_attachments_is_committed_sealed_before_the_receipt_with_its_deadline()
    {
        using var writer = new LetterWriter(Portal);
        var fields = LetterWriter.ValidFields();
        fields["kind"] = "consult";
        var png = Upload.Png();
        var pdf = Upload.Pdf();
        var (status, page, html) = await writer.WriteAsync(fields, [png, pdf]);
        Assert.True(status == HttpStatusCode.OK, html);
        var number = page.QuerySelector("#receipt-number").Text();
        var code = page.QuerySelector("#receipt-code").Text();
        Assert.Matches(@"^XJ\d{8}-\d{4}$", number);
        Assert.Matches(@"^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", code);
        Assert.Contains("5 个工作日", page.QuerySelector("#receipt-due").Text());

        var letter = await fixture.LetterAsync(number);
        Assert.Equal((LetterStatus.New, "", "consult", 5, true), (letter.Status, letter.ScreeningReason, letter.Kind,
            letter.ReplyDays, letter.MayPublish));
        var calendar = await Portal.CalendarAsync();
        Assert.Equal(calendar.Deadline(letter.ReceivedOn, 5).Date!.Value.ToString("yyyy-MM-dd"),
            page.QuerySelector("#receipt-due").Text()[..10]);
        var content = Portal.Service<LetterSeal>().Open(letter);
        Assert.Equal(new LetterContent(LetterWriter.Subject, LetterWriter.Text, LetterWriter.Name,
            LetterWriter.Mobile, "writer@example.cn"), content);
        Assert.Equal(32, letter.QueryCodeHash.Length);

        await using var db = Portal.Settings.Database.CreateContext();
        var attachments = await db.LetterAttachments.Where(a => a.LetterId == letter.Id).OrderBy(a => a.Id)
            .ToListAsync();
        Assert.Equal([("现场照片.png", "image/png"), ("材料.pdf", "application/pdf")],
            attachments.Select(a => (a.FileName, a.ContentType)));
        var files = Portal.Service<LetterFiles>();
        foreach (var (attachment, upload) in attachments.Zip([png, pdf]))
        {
            var onDisk = await File.ReadAllBytesAsync(files.PathOf(attachment.StoredName));
            Assert.StartsWith(Portal.Settings.Paths.LetterFilesDirectory, files.PathOf(attachment.StoredName));
            Assert.True(onDisk.AsSpan().IndexOf(upload.Content.AsSpan(0, 8)) < 0, "the file is on disk in clear");
            // A picture is kept as the upload checks re-encoded it (no EXIF); a PDF as it came.
            Assert.Equal(upload.ContentType.StartsWith("image/", StringComparison.Ordinal)
                ? UploadRules.Accept(upload.Name, upload.Content).File!.Content
                : upload.Content, files.Open(attachment, number));
            // Bound to its letter: under another number it does not open.
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
                () => files.Open(attachment, "XJ19990101-0001"));
        }
        // Nothing of the letter is in the published output.
        var output = Portal.Output.PublicDirectory;
        Assert.DoesNotContain(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories),
            f => f.Contains(attachments[0].StoredName, StringComparison.Ordinal));
        var audit = await db.AuditEntries.Where(e => e.Target == number).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal("互动交流.来信", entry.Action);
        Assert.Contains("附件：2 个", entry.Details);
        Assert.DoesNotContain(LetterWriter.Name, entry.Details + entry.Actor + entry.IpAddress);
        Assert.DoesNotContain(LetterWriter.Mobile, entry.Details + entry.Actor + entry.IpAddress);

        // The next letter of the day gets the next number.
        var (next, _) = await writer.SendAsync();
        Assert.Equal(int.Parse(number[^4..]) + 1, int.Parse(next[^4..]));
        Assert.Equal(10, (await fixture.LetterAsync(next)).ReplyDays);
    }

    [Fact]
    public async Task The_same_post_again_is_recognised_and_not_taken_twice()
    {
        using var writer = new LetterWriter(Portal);
        var fields = LetterWriter.ValidFields().Append(new("__form", await writer.TokenAsync(LetterWriter.FormPath)))
            .ToList();
        using var first = await writer.Http.PostAsync(LetterWriter.FormPath, LetterWriter.Multipart(fields));
        var number = Html.Parse(await first.Content.ReadAsStringAsync()).QuerySelector("#receipt-number").Text();
        Assert.Matches(@"^XJ\d{8}-\d{4}$", number);
        var before = await fixture.CountAsync();
        using var again = await writer.Http.PostAsync(LetterWriter.FormPath, LetterWriter.Multipart(fields));
        var html = await again.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"这封信已经提交，信件编号为 {number}", html);
        Assert.Null(Html.Parse(html).QuerySelector("#receipt-code"));
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task The_seed_spam_line_is_held_for_screening_with_the_same_receipt()
    {
        var capture = await File.ReadAllLinesAsync(
            Path.Combine(Repository.Root, "src", "GovPortal", "Data", "Demo", "seed-capture.txt"));
        var spam = capture.Last(line => line.Trim().Length > 0).Trim();
        using var writer = new LetterWriter(Portal);
        var plain = await writer.WriteAsync(LetterWriter.ValidFields());
        var fields = LetterWriter.ValidFields();
        fields["text"] = spam;
        var held = await writer.WriteAsync(fields);
        Assert.Equal(HttpStatusCode.OK, held.Status);
        // The same page but for the number and code: nothing tells the writer the letter is held.
        string Shape(string html, AngleSharp.Dom.IDocument page) => html
            .Replace(page.QuerySelector("#receipt-number").Text(), "N", StringComparison.Ordinal)
            .Replace(page.QuerySelector("#receipt-code").Text(), "C", StringComparison.Ordinal)
            .Replace(TokenOf(html) is { Length: > 0 } token ? token : "\u0000", "T", StringComparison.Ordinal);
        Assert.Equal(Shape(plain.Html, plain.Page), Shape(held.Html, held.Page));
        var letter = await fixture.LetterAsync(held.Page.QuerySelector("#receipt-number").Text());
        Assert.Equal(LetterStatus.Screening, letter.Status);
        Assert.StartsWith("触发内容检查：", letter.ScreeningReason);
        Assert.DoesNotContain("一区二区", letter.ScreeningReason);
        // Kept whole, as written.
        Assert.Equal(spam, Portal.Service<LetterSeal>().Open(letter).Text);
        Assert.Equal(LetterStatus.New,
            (await fixture.LetterAsync(plain.Page.QuerySelector("#receipt-number").Text())).Status);
    }

    private static string TokenOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__form\" value=\"([^\"]*)\"").Groups[1].Value;

    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "mailbox", "", "请选择要写信的信箱。" },
        { "mailbox", "nosuch", "请选择要写信的信箱。" },
        { "kind", "", "请选择信件类型：咨询、投诉、建议、求助或其他。" },
        { "kind", "praise", "请选择信件类型：咨询、投诉、建议、求助或其他。" },
        { "subject", "", "请填写信件标题。" },
        { "subject", new string('题', 101), "信件标题最多 100 字，现有 101 字。" },
        { "subject", "标题\u0007响铃", "信件标题含有无法识别的字符，请删除后再提交。" },
        { "text", "", "请填写信件内容。" },
        { "text", new string('文', 2001), "信件内容最多 2000 字，现有 2001 字，请删减。" },
        { "text", "内容\u202E反转", "信件内容含有无法识别的字符，请删除后再提交。" },
        { "name", "", "请填写姓名。" },
        { "name", new string('名', 31), "姓名最多 30 个字。" },
        { "mobile", "", "请填写手机号码。" },
        { "mobile", "12345678901", "手机号码应为 11 位数字，以 13 至 19 开头，如 13812345678。" },
        { "mobile", "1391234567", "手机号码应为 11 位数字，以 13 至 19 开头，如 13812345678。" },
        { "mobile", "0512-65240000", "手机号码应为 11 位数字，以 13 至 19 开头，如 13812345678。" },
        { "mobile", "１３９１２３４５６７８", "手机号码应为 11 位数字，以 13 至 19 开头，如 13812345678。" },
        { "email", "not-an-address", "电子邮箱格式不正确，如 name@example.cn；不填也可以。" },
        { "notice", "", "请阅读个人信息保护告知，并勾选同意后再提交。" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Each_mistake_is_named_in_Chinese_and_everything_typed_comes_back(string field, string value,
        string message)
    {
        using var writer = new LetterWriter(Portal);
        var fields = LetterWriter.ValidFields();
        fields[field] = value;
        var before = await fixture.CountAsync();
        var (status, page, html) = await writer.WriteAsync(fields, [Upload.Png()]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(message, page.QuerySelector("#e-" + field).Text());
        var summaryLink = page.QuerySelector($".form-errors a[href='#f-{field}']");
        Assert.Equal(message, summaryLink.Text());
        var input = page.QuerySelector(field == "notice" ? "#c-notice" : "#f-" + field);
        Assert.Contains("e-" + field, input!.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector("#f-" + field));
        foreach (var name in new[] { "subject", "name", "mobile", "email" }.Where(n => n != field))
            Assert.Equal(fields[name], page.QuerySelector($"input[name={name}]")!.GetAttribute("value"));
        if (field != "text") Assert.Equal(fields["text"], page.QuerySelector("#f-text")!.TextContent);
        if (field != "kind") Assert.NotNull(page.QuerySelector("#k-complaint[checked]"));
        if (field != "mailbox")
            Assert.Equal("qzxx", page.QuerySelector("#f-mailbox option[selected]")!.GetAttribute("value"));
        if (field != "notice") Assert.NotNull(page.QuerySelector("#c-notice[checked]"));
        Assert.NotNull(page.QuerySelector("#c-publish[checked]"));
        // The file is not kept, and the page says to choose it again.
        Assert.Contains("请重新选择", page.QuerySelector("#d-files").Text());
        Assert.DoesNotContain("Exception", html);
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task A_mobile_number_typed_in_groups_is_taken_and_stored_as_digits()
    {
        using var writer = new LetterWriter(Portal);
        var fields = LetterWriter.ValidFields();
        (fields["mobile"], fields["email"], fields["publish"]) = ("139 1234-5678", "", "");
        var (number, _) = await writer.SendAsync(fields);
        var letter = await fixture.LetterAsync(number);
        Assert.Equal(("13912345678", "", false),
            (Portal.Service<LetterSeal>().Open(letter).Mobile, Portal.Service<LetterSeal>().Open(letter).Email,
                letter.MayPublish));
    }

    public static TheoryData<string, string, string, string> RefusedFiles => new()
    {
        // A page renamed to look like an image, a program renamed to a PDF: contents are sniffed.
        { "照片.jpg", "image/jpeg", "<html><script>alert(1)</script></html>", "内容与扩展名 .jpg 不符" },
        { "材料.pdf", "application/pdf", "MZ\u0090\u0000program", "内容与扩展名 .pdf 不符" },
        { "页面.html", "text/html", "<script>alert(1)</script>", "只接受图片（jpg、png、gif）或 PDF 文件" },
        { "文档.docx", "application/octet-stream", "PK\u0003\u0004", "只接受图片（jpg、png、gif）或 PDF 文件" },
        { "无扩展名", "image/png", "\u0089PNG", "只接受图片（jpg、png、gif）或 PDF 文件" },
        { "空.png", "image/png", "", "是空文件" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_that_is_not_an_image_or_a_PDF_is_refused_with_everything_else_kept(string name,
        string type, string content, string message)
    {
        using var writer = new LetterWriter(Portal);
        var before = await fixture.CountAsync();
        var (status, page, html) = await writer.WriteAsync(LetterWriter.ValidFields(),
            [new Upload(name, type, Encoding.Latin1.GetBytes(content))]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, page.QuerySelector("#e-files").Text());
        Assert.Equal(LetterWriter.Name, page.QuerySelector("input[name=name]")!.GetAttribute("value"));
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task Too_many_or_too_large_files_are_refused_and_a_body_beyond_the_limit_is_not_read()
    {
        using var writer = new LetterWriter(Portal);
        var before = await fixture.CountAsync();
        var four = Enumerable.Range(1, 4).Select(i => Upload.Png($"图{i}.png"));
        var (status, page, _) = await writer.WriteAsync(LetterWriter.ValidFields(), four);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("最多上传 3 个附件，您选择了 4 个。", page.QuerySelector("#e-files").Text());

        var big = Upload.Png("大图.png") with
        {
            Content = [.. Upload.Png().Content, .. new byte[LetterAttachmentRules.MaxFileBytes]],
        };
        (status, page, _) = await writer.WriteAsync(LetterWriter.ValidFields(), [big]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("附件“大图.png”超过了 5 MB。", page.QuerySelector("#e-files").Text());
        Assert.Equal(LetterWriter.Subject, page.QuerySelector("input[name=subject]")!.GetAttribute("value"));

        // Refused from its length before a byte of it is read (the client waits for "100 Continue", which never
        // comes).
        var huge = Upload.Pdf() with { Content = new byte[LetterAttachmentRules.MaxBodyBytes + 1] };
        using var request = new HttpRequestMessage(HttpMethod.Post, LetterWriter.FormPath)
        {
            Content = LetterWriter.Multipart(LetterWriter.ValidFields()
                .Append(new("__form", await writer.TokenAsync(LetterWriter.FormPath))), [huge]),
        };
        request.Headers.ExpectContinue = true;
        using var response = await writer.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("超过了允许的大小（12 MB）", page.QuerySelector(".form-errors").Text());
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task The_larger_limit_is_only_the_letter_forms_every_other_form_keeps_the_small_one()
    {
        Assert.Equal(32 * 1024, new PublicFormLimits().MaxBodyBytes);
        using var writer = new LetterWriter(Portal);
        var fields = new Dictionary<string, string> { ["number"] = "XJ20260101-0001", ["code"] = "AAAA",
            ["comment"] = new string('x', 40 * 1024) };
        var (status, _, _) = await writer.PostAsync(LetterWriter.RatePath, fields);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        (status, _, _) = await writer.PostAsync(LetterWriter.LookupPath, fields);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task A_post_without_its_token_or_with_another_browsers_is_refused_with_the_input_kept()
    {
        using var writer = new LetterWriter(Portal);
        var before = await fixture.CountAsync();
        var (status, page, _) = await writer.WriteAsync(LetterWriter.ValidFields(), [Upload.Png()],
            withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("不是从本网站的页面提交的", page.QuerySelector(".form-errors").Text());
        Assert.Equal(LetterWriter.Name, page.QuerySelector("input[name=name]")!.GetAttribute("value"));
        Assert.Contains("请重新选择", page.QuerySelector("#d-files").Text());

        // A token taken by another browser (a forged page elsewhere) does not match this browser's cookie…
        using var other = new LetterWriter(Portal);
        var stolen = await other.TokenAsync(LetterWriter.FormPath);
        using var forged = await writer.Http.PostAsync(LetterWriter.FormPath,
            LetterWriter.Multipart(LetterWriter.ValidFields().Append(new("__form", stolen))));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        // …nor does the lookup form's token fit the letter form, nor a made-up one.
        var lookupToken = await writer.TokenAsync(LetterWriter.LookupPath);
        foreach (var token in new[] { lookupToken, "AAAA", "" })
        {
            using var wrong = await writer.Http.PostAsync(LetterWriter.FormPath,
                LetterWriter.Multipart(LetterWriter.ValidFields().Append(new("__form", token))));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_quietly_and_nothing_is_kept()
    {
        using var writer = new LetterWriter(Portal);
        var before = await fixture.CountAsync();
        var fields = LetterWriter.ValidFields();
        fields["website"] = "http://spam.example/";
        var (status, page, html) = await writer.WriteAsync(fields, [Upload.Png()]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector("#receipt-number"));
        Assert.DoesNotContain("XJ", html);
        Assert.Equal(before, await fixture.CountAsync());
    }

    public static TheoryData<string, string> HostileInputs()
    {
        var data = new TheoryData<string, string>();
        string[] values =
        [
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
            "' OR 1=1; DROP TABLE Letters; --", "../../etc/passwd", "\u0000\u0001\u001F\u007F", "%E4%B8",
            "{{7*7}}${7*7}", "\r\nX-Injected: 1", new string('长', 10_000),
        ];
        foreach (var field in new[] { "mailbox", "kind", "subject", "text", "name", "mobile", "email", "publish",
                     "notice" })
            foreach (var value in values)
                data.Add(field, value);
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Hostile_input_in_any_field_never_gets_a_server_error_and_comes_back_encoded(string field,
        string value)
    {
        using var writer = new LetterWriter(Portal);
        var fields = LetterWriter.ValidFields();
        fields[field] = value;
        var (status, _, html) = await writer.WriteAsync(fields);
        Assert.True((int)status < 500, $"{field}: {(int)status} {html}");
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<svg onload", html);
    }

    [Fact]
    public async Task Raw_hostile_bodies_and_bad_utf8_never_get_a_server_error()
    {
        using var writer = new LetterWriter(Portal);
        await writer.TokenAsync(LetterWriter.FormPath);
        string[] bodies = ["%", "name=%zz%", "a=1&a=2&a=3", "\u0000\u0000", "__form=&name[]=x",
            string.Join("&", Enumerable.Range(0, 200).Select(i => $"f{i}=x"))];
        foreach (var body in bodies)
            foreach (var path in new[] { LetterWriter.FormPath, LetterWriter.LookupPath, LetterWriter.RatePath })
            {
                using var response = await writer.Http.PostAsync(path,
                    new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
                Assert.True((int)response.StatusCode < 500, $"{path} {body}: {(int)response.StatusCode}");
            }
        using var json = await writer.Http.PostAsync(LetterWriter.FormPath,
            new StringContent("{\"name\":1}", Encoding.UTF8, "application/json"));
        Assert.True((int)json.StatusCode < 500);
        // A multipart body whose boundary never closes, and one without a boundary.
        using var broken = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb");
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        using var brokenResponse = await writer.Http.PostAsync(LetterWriter.FormPath, broken);
        Assert.True((int)brokenResponse.StatusCode < 500, ((int)brokenResponse.StatusCode).ToString());
        using var noBoundary = new StringContent("x");
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        using var noBoundaryResponse = await writer.Http.PostAsync(LetterWriter.FormPath, noBoundary);
        Assert.True((int)noBoundaryResponse.StatusCode < 500);

        // Bytes that are not UTF-8 in every text field of a real multipart post, with a valid token.
        var before = await fixture.CountAsync();
        foreach (var field in new[] { "subject", "text", "name", "mobile", "email", "kind", "mailbox" })
        {
            using var content = new MultipartFormDataContent();
            foreach (var (name, value) in LetterWriter.ValidFields().Where(f => f.Key != field))
                content.Add(new StringContent(value), name);
            content.Add(new ByteArrayContent([0xE4, 0xB8, 0xC0, 0xAF, 0xFF, 0xFE, 0x3C, 0x73]), field);
            content.Add(new StringContent(await writer.TokenAsync(LetterWriter.FormPath)), "__form");
            using var response = await writer.Http.PostAsync(LetterWriter.FormPath, content);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {response.StatusCode} {html}");
        }
        Assert.Equal(before, await fixture.CountAsync());
        using var badUrlEncoded = new ByteArrayContent([0xC0, 0xAF, 0xFF, 0xFE, 0x3D]);
        badUrlEncoded.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var badUtf8 = await writer.Http.PostAsync(LetterWriter.FormPath, badUrlEncoded);
        Assert.True((int)badUtf8.StatusCode < 500);
    }

    [Fact]
    public async Task The_database_file_holds_no_writers_name_mobile_or_text_in_clear()
    {
        using var writer = new LetterWriter(Portal);
        const string name = "明文检查人丙", mobile = "13698765432", text = "明文检查来信内容：请修复青龙港路的破损井盖。";
        var fields = LetterWriter.ValidFields();
        (fields["name"], fields["mobile"], fields["text"], fields["subject"]) = (name, mobile, text, "明文检查标题");
        fields["email"] = "plain-check@example.cn";
        var (number, code) = await writer.SendAsync(fields, [Upload.Pdf()]);
        await fixture.ReplyAsync(number, "已转交维修。");
        Assert.Equal(HttpStatusCode.OK, (await writer.RateAsync(number, code, "fair", "明文检查评价意见")).Status);
        await using (var db = Portal.Settings.Database.CreateContext())
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);");
        var file = Portal.Settings.Paths.DatabaseFile;
        var bytes = File.ReadAllBytes(file).Concat(File.Exists(file + "-wal") ? File.ReadAllBytes(file + "-wal") : [])
            .ToArray();
        foreach (var secret in new[] { name, mobile, "青龙港路", "明文检查标题", "plain-check@example.cn", "明文检查评价意见",
                     code.Replace("-", "", StringComparison.Ordinal) })
        {
            Assert.True(Find(bytes, Encoding.UTF8.GetBytes(secret)) < 0, secret + " is in the database file");
            Assert.True(Find(bytes, Encoding.Unicode.GetBytes(secret)) < 0, secret + " (UTF-16) is in the file");
            foreach (var log in Directory.Exists(Portal.Settings.Paths.LogsDirectory)
                         ? Directory.EnumerateFiles(Portal.Settings.Paths.LogsDirectory) : [])
                Assert.DoesNotContain(secret, await ReadSharedAsync(log));
        }
        // …while what statistics count is there to count.
        Assert.True(Find(bytes, Encoding.UTF8.GetBytes(number)) >= 0);
    }

    private static async Task<string> ReadSharedAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Simultaneous_letters_each_get_their_own_number()
    {
        var writers = Enumerable.Range(0, 6).Select(_ => new LetterWriter(Portal)).ToList();
        try
        {
            var receipts = await Task.WhenAll(writers.Select(w => w.SendAsync()));
            Assert.Equal(receipts.Length, receipts.Select(r => r.Number).Distinct().Count());
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
    }

    private static int Find(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
