using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// 意见征集 in a real browser: the list, a consultation's page (open, and closed with its 反馈), the comment form and
/// the lookup pass axe's WCAG 2.2 AA checks, each layout in every form; the comment form is filled and sent by
/// keyboard alone; the back-office pages pass axe too.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class ConsultationBrowserTests(BrowserFixture fixture)
{
    /// <summary>
    /// The list, an open and a closed consultation and the comment form in every form (<see cref="PageForms"/>);
    /// the look-up page in the standard form.
    /// </summary>
    public static TheoryData<string, string> PagesInEveryForm() =>
        PageForms.Of(["/hdjl/yjzj/", "{open}", "{closed}", "{form}"], ["/hdjl/yjzj/yj/cx"]);

    // The demo's consultations: 城市公园管理办法 is open, 养老服务设施布局规划 closed with its 反馈.
    private async Task<(int Open, int Closed)> DemoAsync()
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        return (db.Consultations.Single(c => c.Title.Contains("城市公园管理办法")).Id,
            db.Consultations.Single(c => c.Title.Contains("养老服务设施布局规划")).Id);
    }

    private async Task<string> PathOf(string form, string page)
    {
        var (open, closed) = await DemoAsync();
        return form + page switch
        {
            "{open}" => $"/hdjl/yjzj/{open}.html",
            "{closed}" => $"/hdjl/yjzj/{closed}.html",
            "{form}" => $"/hdjl/yjzj/yj/{open}",
            _ => page,
        };
    }

    [Theory]
    [MemberData(nameof(PagesInEveryForm))]
    public async Task Axe_finds_no_wcag_violation(string form, string page)
    {
        var browserPage = await fixture.OpenAsync(await PathOf(form, page));
        try
        {
            Assert.DoesNotContain("未找到", await browserPage.Locator("h1").First.InnerTextAsync());
            await Axe.AssertNoViolationsAsync(browserPage);
        }
        finally
        {
            await browserPage.Context.CloseAsync();
        }
    }

    private static async Task NextIsAsync(IPage page, string id)
    {
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(id, await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task The_comment_form_is_filled_and_sent_by_keyboard_alone_and_its_errors_and_receipt_pass_axe()
    {
        var (open, _) = await DemoAsync();
        var page = await fixture.OpenAsync($"/hdjl/yjzj/{open}.html");
        try
        {
            // From the consultation's page to the form by keyboard.
            await KeyboardUse.TabToAsync(page, "#comment-link");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#f-name");
            Assert.EndsWith($"/hdjl/yjzj/yj/{open}", page.Url);

            // Sent empty first: the errors are listed, linked and announced, and pass axe.
            await KeyboardUse.TabToAsync(page, "#f-name");
            await NextIsAsync(page, "f-contact");
            await NextIsAsync(page, "f-comment");
            await NextIsAsync(page, "c-notice");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("提交意见", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#error-summary");
            await Axe.AssertNoViolationsAsync(page);

            await KeyboardUse.TabToAsync(page, "#f-name");
            await page.Keyboard.TypeAsync("键盘用户");
            await NextIsAsync(page, "f-contact");
            await page.Keyboard.TypeAsync("keyboard@example.cn");
            await NextIsAsync(page, "f-comment");
            await page.Keyboard.TypeAsync("建议公园夜间开放到二十二点。");
            await NextIsAsync(page, "c-notice");
            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#receipt-number");
            Assert.Matches(@"^YJ\d{8}-\d{4}$", (await page.InnerTextAsync("#receipt-number")).Trim());
            await Axe.AssertNoViolationsAsync(page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_back_office_pages_of_consultations_have_no_axe_violations()
    {
        var portal = fixture.Portal;
        await TestAccounts.CreateAsync(portal, "a11y-yjzj", [StaffRoles.Mailbox]);
        var (open, closed) = await DemoAsync();
        var page = await fixture.OpenAsync("/admin/login");
        try
        {
            await page.FillAsync("#userName", "a11y-yjzj");
            await page.FillAsync("#password", TestAccounts.Password);
            await page.ClickAsync("button[type=submit]");
            await PageAddress.ReachedAsync(page, "**/admin/");
            foreach (var path in new[]
                     {
                         "/admin/consultations", "/admin/consultations/new", $"/admin/consultations/{open}",
                         $"/admin/consultations/{closed}", $"/admin/consultations/{open}/comments",
                         $"/admin/consultations/{open}?find=%E6%94%BF%E7%AD%96",
                     })
            {
                await page.GotoAsync(path);
                try
                {
                    await Axe.AssertNoViolationsAsync(page);
                }
                catch (Xunit.Sdk.TrueException e)
                {
                    throw new Xunit.Sdk.XunitException($"{path}: {e.Message}");
                }
            }
            // A refused save: the messages beside the fields.
            await page.GotoAsync("/admin/consultations/new");
            await page.ClickAsync("button:has-text('创建并发布')");
            await page.WaitForSelectorAsync("#e-title");
            await Axe.AssertNoViolationsAsync(page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
