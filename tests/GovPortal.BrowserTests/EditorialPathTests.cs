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
        await editor.WaitForSelectorAsync(".w-e-toolbar");
        Assert.Contains("正文", await editor.InnerTextAsync(".w-e-toolbar")); // the editor speaks Chinese
        await editor.SelectOptionAsync("#channelId", TestAccounts.ChannelId(portal, "bmdt").ToString());
        await editor.FillAsync("#title", title);
        await editor.FillAsync("#source", "太平街道");
        await editor.ClickAsync("[data-slate-editor]");
        await editor.Keyboard.TypeAsync("会议部署了冬季消防安全重点工作。");
        await editor.SetInputFilesAsync("#files", new FilePayload { Name = "消防安全检查方案.pdf", MimeType = "application/pdf",
            Buffer = TestPdf.Create("消防安全检查方案") });
        await editor.ClickAsync("form[enctype] button[type=submit]");
        await editor.WaitForURLAsync("**/admin/articles/*");
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
        await page.ClickAsync("[data-slate-editor]");
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
              document.querySelector('[data-slate-editor]').dispatchEvent(paste);
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
}
