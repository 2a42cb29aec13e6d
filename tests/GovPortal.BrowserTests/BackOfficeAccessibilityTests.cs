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
        // A system administrator always has the second step.
        await PageAddress.ReachedAsync(page, "**/admin/login/2fa**");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#code", await TestAccounts.CodeAsync(portal, "a11y-all"));
        await page.ClickAsync("button[type=submit]");
        await PageAddress.ReachedAsync(page, "**/admin/");

        await page.GotoAsync("/admin/articles/new");
        await page.WaitForSelectorAsync(".editor-toolbar");
        await page.FillAsync("#title", "无障碍检查文章");
        await page.ClickAsync("form[enctype] button[type=submit]");
        await PageAddress.ReachedAsync(page, "**/admin/articles/*");
        var article = page.Url;
        await page.GotoAsync("/admin/health");
        await page.ClickAsync("button:has-text('立即检查')"); // so the dashboard shows a report and its chart
        await PageAddress.ReachedAsync(page, "**/admin/health");
        foreach (var path in new[]
                 {
                     article, article + "/edit", article + "/diff", "/admin/", "/admin/articles", "/admin/forced",
                     "/admin/channels", "/admin/accounts", "/admin/settings", "/admin/security",
                     "/admin/password", "/admin/safety", "/admin/health", "/admin/disclosure",
                     "/admin/articles/new?kind=document", "/admin/articles/new?kind=interpretation",
                     "/admin/articles/trash", "/admin/settings/statements/privacy",
                 })
        {
            await page.GotoAsync(path);
            if (path.EndsWith("/edit", StringComparison.Ordinal) || path.Contains("?kind=")
                || path.Contains("/statements/", StringComparison.Ordinal))
                await page.WaitForSelectorAsync(".editor-toolbar");
            try
            {
                await Axe.AssertNoViolationsAsync(page);
            }
            catch (Xunit.Sdk.TrueException e)
            {
                throw new Xunit.Sdk.XunitException($"{path}: {e.Message}");
            }
        }
        // 稿件统计 with a figure in its tables and chart: the article submitted.
        await page.GotoAsync(article);
        await page.ClickAsync("form[action$='/submit'] button[type=submit]");
        await PageAddress.ReachedAsync(page, article);
        await Axe.AssertPageAsync(page, "/admin/statistics");
        // Other tests of the shared portal submit in this channel too: at least this one is counted.
        Assert.DoesNotContain("投稿 0 次", await page.InnerTextAsync("main"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_pages_of_the_security_and_audit_administrators_and_enrolment_have_no_axe_violations()
    {
        var portal = fixture.Portal;
        await TestAccounts.CreateAsync(portal, "a11y-security", [StaffRoles.SecurityAdministrator]);
        await TestAccounts.CreateAsync(portal, "a11y-audit", [StaffRoles.AuditAdministrator]);
        await TestAccounts.CreateAsync(portal, "a11y-newadmin", [StaffRoles.Administrator], enrolTwoFactor: false);
        string accountId;
        await using (var db = portal.Settings.Database.CreateContext())
            accountId = db.Users.Single(u => u.UserName == "a11y-newadmin").Id;
        var visits = new (string User, string[] Paths)[]
        {
            ("a11y-security", ["/admin/", "/admin/accounts", $"/admin/accounts/{accountId}", "/admin/security-policy"]),
            ("a11y-audit", ["/admin/", "/admin/audit"]),
        };
        foreach (var (user, paths) in visits)
        {
            var page = await fixture.SignInAsync(user);
            foreach (var path in paths) await Axe.AssertPageAsync(page, path);
            await page.Context.CloseAsync();
        }

        // An administrator without the second step is sent to enrol, and the page says why.
        var enrol = await fixture.OpenAsync("/admin/login");
        await enrol.FillAsync("#userName", "a11y-newadmin");
        await enrol.FillAsync("#password", TestAccounts.Password);
        await enrol.ClickAsync("button[type=submit]");
        await PageAddress.ReachedAsync(enrol, "**/admin/security");
        Assert.Contains("必须使用两步验证", await enrol.InnerTextAsync("main"));
        await Axe.AssertPageAsync(enrol, "/admin/security");
        await enrol.Context.CloseAsync();
    }
}
