using GovPortal.BackOffice.Accounts;
using GovPortal.PublicSite;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// The demo platform in a browser: 平台管理 used with the keyboard alone, a refused site with what was typed kept,
/// and 站群搜索 in every form of the page, all under axe.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class PlatformBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_platform_administrator_makes_a_site_with_the_keyboard_and_readers_search_every_site()
    {
        await using var portal = await RunningPortal.StartAsync(adjustSettings: s => s with { DemoPlatform = true },
            configureServices: s => s.AddSingleton(new SearchLimits(PermitLimit: 100_000)));
        await TestAccounts.CreateAsync(portal, "pingtai-ui", [StaffRoles.PlatformAdministrator]);
        var page = await fixture.SignInAsync("pingtai-ui", portal: portal);
        await page.GotoAsync("/admin/platform");
        await Axe.AssertNoViolationsAsync(page);

        // A hostile name is refused with everything typed kept, and shown as text.
        async Task TypeAsync(string selector, string text)
        {
            await KeyboardUse.TabToAsync(page, selector, most: 200);
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(text);
        }
        await TypeAsync("#code", "bad code");
        await TypeAsync("#name", "<script>alert(1)</script>镇");
        await TypeAsync("#baseUrl", "https://xs.szxc.gov.cn");
        await TypeAsync("#administrator", "xsadmin");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".notice.error");
        Assert.Contains("网站代码应为", await page.InnerTextAsync(".notice.error"));
        Assert.Equal("<script>alert(1)</script>镇", await page.InputValueAsync("#name"));
        Assert.Equal("https://xs.szxc.gov.cn", await page.InputValueAsync("#baseUrl"));
        await Axe.AssertNoViolationsAsync(page);

        await TypeAsync("#code", "xs");
        await TypeAsync("#name", "苏州市相城区新设街道办事处");
        await page.Keyboard.PressAsync("Enter");
        // The page's introduction also names the initial password: wait for the one-time notice itself.
        await page.WaitForSelectorAsync(".notice[role=status] code");
        Assert.Contains("账号：xsadmin", await page.InnerTextAsync(".notice[role=status]"));
        Assert.Contains("苏州市相城区新设街道办事处", await page.InnerTextAsync("table"));
        await Axe.AssertNoViolationsAsync(page);

        // 站群搜索 on the first site, chosen with the keyboard, in the standard, 适老版 and 繁體 forms.
        var reader = await fixture.OpenAsync("/search?q=" + Uri.EscapeDataString("安全生产工作推进会"), portal: portal);
        // A radio group is one Tab stop; the arrow keys choose within it.
        await KeyboardUse.TabToAsync(reader, "#scope-site", most: 200);
        await reader.Keyboard.PressAsync("ArrowRight");
        Assert.True(await reader.IsCheckedAsync("#scope-all"));
        await KeyboardUse.TabToAsync(reader, ".search-submit button", most: 40);
        await reader.Keyboard.PressAsync("Enter");
        await PageAddress.ReachedAsync(reader, "**scope=all**");
        Assert.Contains("网站：苏州市相城区黄埭镇人民政府", await reader.InnerTextAsync("main"));
        foreach (var form in new[] { "", "/elder", "/zh-hant" })
            await Axe.AssertPageAsync(reader,
                $"{form}/search?scope=all&q=" + Uri.EscapeDataString("安全生产工作推进会"));
    }
}
