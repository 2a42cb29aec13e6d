using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// The whole editorial path in a real browser: write with the rich-text editor and an attachment, review, publish,
/// read.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class EditorialPathTests(BrowserFixture fixture)
{
    // Script errors and content-security-policy violations of the pages opened, by page.
    private readonly Dictionary<IPage, List<string>> _problems = [];

    private Task<IPage> SignInAsync(string userName) => fixture.SignInAsync(userName, page =>
    {
        var problems = _problems[page] = [];
        page.Console += (_, message) =>
            { if (message.Type == "error") problems.Add(message.Text + " " + message.Location); };
        page.PageError += (_, error) => problems.Add(error);
    });

    [Fact]
    public async Task
        An_editor_writes_with_an_attachment_a_reviewer_approves_a_publisher_publishes_and_the_public_page_shows_it()
    {
        var portal = fixture.Portal;
        await TestAccounts.CreateAsync(portal, "e2e-editor", [StaffRoles.Editor], "bmdt");
        await TestAccounts.CreateAsync(portal, "e2e-reviewer", [StaffRoles.Reviewer], "bmdt");
        await TestAccounts.CreateAsync(portal, "e2e-publisher", [StaffRoles.Publisher], "bmdt");
        const string title = "太平街道召开冬季消防安全工作会议";

        // The editor writes in the rich-text editor (self-hosted, Chinese interface) and attaches a file.
        var editor = await SignInAsync("e2e-editor");
        await editor.ClickAsync("text=写文章");
        await editor.WaitForSelectorAsync(".editor-toolbar");
        Assert.Contains("正文", await editor.InnerTextAsync(".editor-toolbar")); // the editor speaks Chinese
        await editor.SelectOptionAsync("#channelId", TestAccounts.ChannelId(portal, "bmdt").ToString());
        await editor.FillAsync("#title", title);
        await editor.FillAsync("#source", "太平街道");
        await editor.ClickAsync(".editor-area");
        await editor.Keyboard.TypeAsync("会议部署了冬季消防安全重点工作。");
        await editor.SetInputFilesAsync("#files", new FilePayload { Name = "消防安全检查方案.pdf", MimeType = "application/pdf",
            Buffer = TestPdf.Create("消防安全检查方案") });
        await editor.ClickAsync("form[enctype] button[type=submit]");
        await PageAddress.ReachedAsync(editor, "**/admin/articles/*");
        Assert.Contains("已保存草稿", await editor.InnerTextAsync("main"));
        Assert.Contains("消防安全检查方案.pdf", await editor.InnerTextAsync("main"));
        await editor.ClickAsync("button:has-text('提交审核')");
        Assert.Contains("已提交审核", await editor.InnerTextAsync("main"));
        // no script errors and no content-security-policy violations
        Assert.True(_problems[editor].Count == 0, string.Join("\n", _problems[editor]));

        // The reviewer finds it on the dashboard and approves it.
        var reviewer = await SignInAsync("e2e-reviewer");
        await reviewer.ClickAsync($"section:has(h2:text('等待我审核')) a:text('{title}')");
        await reviewer.ClickAsync("button:has-text('一审通过')");
        Assert.Contains("等待发布", await reviewer.InnerTextAsync("main"));

        // The publisher publishes it.
        var publisher = await SignInAsync("e2e-publisher");
        await publisher.ClickAsync($"section:has(h2:text('等待发布')) a:text('{title}')");
        await publisher.ClickAsync("button:has-text('立即发布')");
        Assert.Contains("已发布", await publisher.InnerTextAsync("main"));

        // A reader sees the article with its 相关文件.
        string url;
        await using (var db = portal.Settings.Database.CreateContext())
            url = (await db.Articles.SingleAsync(a => a.Title == title)).Url!;
        var reader = await fixture.OpenAsync(url);
        Assert.Equal(title, await reader.InnerTextAsync("h1"));
        Assert.Contains("会议部署了冬季消防安全重点工作。", await reader.InnerTextAsync("article"));
        var file = reader.Locator("a:has-text('消防安全检查方案.pdf')");
        Assert.Equal(1, await file.CountAsync());
        var download = await reader.APIRequest.GetAsync((await file.GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        foreach (var page in new[] { editor, reviewer, publisher, reader }) await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Text_pasted_from_word_keeps_its_structure_and_loses_office_markup()
    {
        await TestAccounts.CreateAsync(fixture.Portal, "paste-editor", [StaffRoles.Editor], "bmdt");
        var page = await SignInAsync("paste-editor");
        await page.GotoAsync("/admin/articles/new");
        await page.ClickAsync(".editor-area");
        await page.EvaluateAsync("""
            () => {
              const html = '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>' +
                '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->' +
                '<p class="MsoNormal" style="mso-line-height-rule:exactly;font-family:仿宋_GB2312">' +
                '<span lang="EN-US" style="font-size:16pt">各镇（街道）、区各部门：<o:p></o:p></span></p>' +
                '<p class="MsoNormal"><b><span style="font-family:黑体">一、工作目标</span></b></p></body></html>';
              const data = new DataTransfer();
              data.setData('text/html', html);
              data.setData('text/plain', '各镇（街道）、区各部门：\n一、工作目标');
              const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
              document.querySelector('.editor-area').dispatchEvent(paste);
            }
            """);
        await page.WaitForFunctionAsync("() => document.querySelector('#bodyHtml').value.includes('工作目标')");
        var body = await page.EvaluateAsync<string>("() => document.querySelector('#bodyHtml').value");
        Assert.Contains("各镇（街道）、区各部门：", body);
        Assert.Contains("<strong>一、工作目标</strong>", body);
        foreach (var office in new[] { "Mso", "mso-", "o:p", "font-family", "仿宋", "w:WordDocument", "lang=" })
            Assert.DoesNotContain(office, body);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_editor_inserts_an_uploaded_picture_with_alternative_text_using_only_the_keyboard()
    {
        var portal = fixture.Portal;
        await TestAccounts.CreateAsync(portal, "picture-editor", [StaffRoles.Editor], "bmdt");
        var page = await SignInAsync("picture-editor");
        await page.GotoAsync("/admin/articles/new");
        await page.SelectOptionAsync("#channelId", TestAccounts.ChannelId(portal, "bmdt").ToString());
        await page.FillAsync("#title", "我区举行消防演练");
        await page.SetInputFilesAsync("#files", new FilePayload
            { Name = "演练.jpg", MimeType = "image/jpeg", Buffer = SolidPicture.Jpeg(1200, 800) });
        await page.ClickAsync("form[enctype] button[type=submit]");
        await PageAddress.ReachedAsync(page, "**/admin/articles/*");
        var id = int.Parse(page.Url.Split('/')[^1].Split('?')[0]);

        await page.GotoAsync($"/admin/articles/{id}/edit");
        await page.WaitForSelectorAsync(".picture-insert:not([hidden])");
        // Without 替代文字 nothing is inserted: the page says why and puts the cursor where it is needed.
        await page.FocusAsync("[data-insert-picture]");
        await page.Keyboard.PressAsync("Enter");
        Assert.Contains("请先填写替代文字", await page.InnerTextAsync("[data-picture-status]"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.hasAttribute('data-picture-alt')"));
        await page.Keyboard.TypeAsync("消防演练现场");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("图为演练现场。");
        await page.Keyboard.PressAsync("Enter"); // Enter in the row inserts, it does not submit the article
        Assert.Contains("已插入图片", await page.InnerTextAsync("[data-picture-status]"));
        Assert.EndsWith($"/admin/articles/{id}/edit", page.Url);

        // The editor shows the unpublished picture from the back office; the body names its public address.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.editor-area img')].some(i => i.naturalWidth > 0)");
        var body = await page.EvaluateAsync<string>("() => document.querySelector('#bodyHtml').value");
        Assert.Matches("src=\"/files/[0-9a-f]{32}\\.jpg\" alt=\"消防演练现场\"", body);

        // The picture is chosen in the editor and put on the right with the toolbar, reached by Alt+F10.
        await page.ClickAsync(".editor-area figure img");
        await page.Keyboard.PressAsync("Alt+F10");
        Assert.Equal("正文", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        while (await page.EvaluateAsync<string>("() => document.activeElement.textContent") != "图片居右")
            await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await page.GetAttributeAsync("button:text-is('图片居右')", "aria-pressed"));
        body = await page.EvaluateAsync<string>("() => document.querySelector('#bodyHtml').value");
        Assert.Contains("<figure class=\"align-right\">", body);
        await page.ClickAsync("form[enctype] button[type=submit]");
        await PageAddress.ReachedAsync(page, $"**/admin/articles/{id}");
        Assert.DoesNotContain("缺少替代文字", await page.InnerTextAsync("main"));
        await using var db = portal.Settings.Database.CreateContext();
        var stored = await db.Revisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Number)
            .Select(r => r.BodyHtml).FirstAsync();
        Assert.Matches("<figure class=\"align-right\"><img src=\"/files/[0-9a-f]{32}\\.jpg\" alt=\"消防演练现场\">"
            + "<figcaption>图为演练现场。</figcaption></figure>", stored);
        Assert.True(_problems[page].Count == 0, string.Join("\n", _problems[page]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Opening_and_saving_a_body_in_the_editor_keeps_what_the_sanitizer_keeps()
    {
        var portal = fixture.Portal;
        await TestAccounts.CreateAsync(portal, "roundtrip-editor", [StaffRoles.Editor], "bmdt");
        const string body = "<p>绿地面积 12 m<sup>2</sup>，水质 H<sub>2</sub>O 检测合格。</p>"
            + "<table><tbody><tr><th scope=\"col\">项目</th><th scope=\"col\">结果</th></tr>"
            + "<tr><td><p>水质</p></td><td><p>合格</p></td></tr></tbody></table>";
        int id;
        using (var client = await StaffClient.SignInAsync(portal, "roundtrip-editor"))
        {
            var created = await client.PostMultipartAsync("articles/new",
                Newsroom.Fields(TestAccounts.ChannelId(portal, "bmdt"), "水质检测结果公示", body), []);
            id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0]);
        }
        var page = await SignInAsync("roundtrip-editor");
        await page.GotoAsync($"/admin/articles/{id}/edit");
        await page.WaitForSelectorAsync(".editor-area sup");
        // A link typed with nothing chosen goes in as its own text; an unsafe address keeps the dialog open.
        await page.ClickAsync(".editor-area p");
        await page.Keyboard.PressAsync("End");
        await page.ClickAsync(".editor-toolbar button:text-is('链接')");
        await page.FillAsync("dialog.editor-dialog input", "javascript:alert(1)");
        await page.Keyboard.PressAsync("Enter");
        Assert.Contains("网址须以", await page.InnerTextAsync("dialog.editor-dialog [role=alert]"));
        Assert.Equal("javascript:alert(1)", await page.InputValueAsync("dialog.editor-dialog input"));
        await page.FillAsync("dialog.editor-dialog input", "https://www.szxc.gov.cn/");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".editor-area a[href='https://www.szxc.gov.cn/']");
        await page.ClickAsync("form[enctype] button[type=submit]");
        await PageAddress.ReachedAsync(page, $"**/admin/articles/{id}");
        await using var db = portal.Settings.Database.CreateContext();
        var stored = await db.Revisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Number)
            .Select(r => r.BodyHtml).FirstAsync();
        Assert.Contains("m<sup>2</sup>", stored);
        Assert.Contains("H<sub>2</sub>O", stored);
        Assert.Contains("<th scope=\"col\"", stored);
        Assert.Contains("<a href=\"https://www.szxc.gov.cn/\">https://www.szxc.gov.cn/</a>", stored);
        Assert.True(_problems[page].Count == 0, string.Join("\n", _problems[page]));
        await page.Context.CloseAsync();
    }
}
