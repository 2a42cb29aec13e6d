using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// 网站声明: every site publishes 隐私声明, 版权声明, 无障碍声明 and 联系我们, linked from every footer, first in a
/// default wording made from its facts; the system administrator rewrites one (sanitized, checked like an article,
/// audited, its page republished at once) or returns it to the default; nobody else can.
/// </summary>
public sealed class SiteStatementTests : IAsyncLifetime
{
    private RunningPortal _portal = null!;
    private StaffClient _admin = null!;

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    public async Task InitializeAsync()
    {
        _portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(_portal, "sysadmin", [StaffRoles.Administrator]);
        _admin = await StaffClient.SignInAsync(_portal, "sysadmin");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task Every_statement_is_published_from_the_start_and_linked_from_every_footer()
    {
        var home = await _portal.Client.GetStringAsync("/");
        var article = await _portal.Client.GetStringAsync((await _portal.SeedArticleAsync()).Url);
        foreach (var statement in SiteStatements.All)
        {
            Assert.Contains($"<a href=\"/{statement.Path}\">{statement.Title}</a>", home);
            Assert.Contains($"<a href=\"/{statement.Path}\">{statement.Title}</a>", article);
            var page = await _portal.Client.GetStringAsync("/" + statement.Path);
            Assert.Contains($"<h1>{statement.Title}</h1>", page);
        }
        Assert.Contains("苏州市相城区人民政府（以下简称本网站）尊重并保护访问者的个人信息",
            await _portal.Client.GetStringAsync("/privacy.html"));
        Assert.Contains("GB/T 37668", await _portal.Client.GetStringAsync("/accessibility.html"));
    }

    [Fact]
    public async Task The_administrator_rewrites_a_statement_and_its_page_changes_at_once_and_can_go_back()
    {
        var form = await _admin.GetPageAsync("settings/statements/privacy");
        Assert.Contains("尊重并保护访问者的个人信息", form); // the editor starts from what is published

        var saved = await _admin.PostAsync("settings/statements/privacy",
            [F("bodyHtml", "<p>本网站不使用跟踪访问者的 Cookie。</p><script>alert(1)</script>")]);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var page = await _portal.Client.GetStringAsync("/privacy.html");
        Assert.Contains("<p>本网站不使用跟踪访问者的 Cookie。</p>", page);
        Assert.DoesNotContain("alert(1)", page);
        Assert.Contains("更新日期：", page);
        await using (var db = _portal.Settings.Database.CreateContext())
            Assert.Contains(await db.AuditEntries.Where(e => e.Action == AuditActions.SettingsChanged)
                .Select(e => e.Details).ToListAsync(), d => d.StartsWith("隐私声明：修改内容", StringComparison.Ordinal));

        var settings = await _admin.GetPageAsync("settings");
        Assert.Contains("由 sysadmin 修改", settings);

        var restored = await _admin.PostAsync("settings/statements/privacy", [F("restore", "1")]);
        Assert.Equal(HttpStatusCode.SeeOther, restored.StatusCode);
        page = await _portal.Client.GetStringAsync("/privacy.html");
        Assert.Contains("尊重并保护访问者的个人信息", page);
        Assert.DoesNotContain("更新日期：", page);
    }

    [Fact]
    public async Task Spam_an_empty_text_and_an_unknown_statement_are_refused_and_nothing_typed_is_lost()
    {
        const string spam = "<p>联系我们：国产不卡久久综合</p>";
        var refused = await _admin.PostAsync("settings/statements/contact", [F("bodyHtml", spam)]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("联系我们未保存：发布前检查发现", text);
        Assert.Contains("国产不卡久久综合", text); // still in the form
        Assert.DoesNotContain("国产不卡", await _portal.Client.GetStringAsync("/contact.html"));

        var pictureWithoutText = await _admin.PostAsync("settings/statements/contact",
            [F("bodyHtml", "<p>办公地点：</p><p><img src=\"https://www.szxc.gov.cn/map.png\"></p>")]);
        Assert.Equal(HttpStatusCode.BadRequest, pictureWithoutText.StatusCode);
        Assert.Contains("替代文字", await pictureWithoutText.Content.ReadAsStringAsync());

        var empty = await _admin.PostAsync("settings/statements/contact", [F("bodyHtml", "<p><br></p>")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写联系我们的内容。", await empty.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("settings/statements/terms")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await _admin.PostAsync("settings/statements/terms", [F("bodyHtml", "<p>x</p>")])).StatusCode);
    }
}
