using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Browser;

/// <summary>The back office is used all day by the web team: its pages meet WCAG 2.2 AA too.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class BackOfficeAccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Every_kind_of_back_office_page_has_no_axe_violations()
    {
        var portal = fixture.Portal;
        await TestAccounts.CreateAsync(portal, "a11y-all",
            [StaffRoles.Administrator, StaffRoles.Editor, StaffRoles.Reviewer, StaffRoles.Publisher], "bmdt");
        var page = await fixture.OpenAsync("/admin/login");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#userName", "a11y-all");
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/admin/");

        await page.GotoAsync("/admin/articles/new");
        await page.WaitForSelectorAsync(".w-e-toolbar");
        await page.FillAsync("#title", "无障碍检查文章");
        await page.ClickAsync("form[enctype] button[type=submit]");
        await page.WaitForURLAsync("**/admin/articles/*");
        var article = page.Url;
        await page.GotoAsync("/admin/health");
        await page.ClickAsync("button:has-text('立即检查')"); // so the dashboard shows a report and its chart
        await page.WaitForURLAsync("**/admin/health");
        foreach (var path in new[]
                 {
                     article, article + "/edit", article + "/diff", "/admin/", "/admin/articles", "/admin/forced",
                     "/admin/channels", "/admin/accounts", "/admin/audit", "/admin/settings", "/admin/security",
                     "/admin/password", "/admin/safety", "/admin/health", "/admin/disclosure",
                     "/admin/articles/new?kind=document", "/admin/articles/new?kind=interpretation",
                 })
        {
            await page.GotoAsync(path);
            if (path.EndsWith("/edit", StringComparison.Ordinal) || path.Contains("?kind="))
                await page.WaitForSelectorAsync(".w-e-toolbar");
            try
            {
                await Axe.AssertNoViolationsAsync(page);
            }
            catch (Xunit.Sdk.TrueException e)
            {
                throw new Xunit.Sdk.XunitException($"{path}: {e.Message}");
            }
        }
        await page.Context.CloseAsync();
    }
}
