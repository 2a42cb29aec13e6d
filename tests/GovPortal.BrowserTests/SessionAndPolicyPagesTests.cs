using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// 登录会话 and 安全策略 with the keyboard only, and with no axe violations on any page on the way: a person ends one of
/// their own sessions and then all the others; the 系统管理员 (the one role that may) ends another account's; the
/// 安全管理员 sets two-step sign-in and the password rules, correcting a mistyped number.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class SessionAndPolicyPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_person_ends_a_session_of_their_own_and_then_all_the_others_and_those_browsers_are_signed_out()
    {
        await TestAccounts.CreateAsync(fixture.Portal, "kb-sessions", [StaffRoles.Editor]);
        var desk = await SignInAsync("kb-sessions");
        var phone = await SignInAsync("kb-sessions");
        var laptop = await SignInAsync("kb-sessions");
        var phoneSession = await OwnSessionIdAsync(phone);

        // From the 账号安全 page to the sessions by keyboard.
        await desk.GotoAsync("/admin/security");
        await KeyboardUse.TabToAsync(desk, "main a[href$='/admin/sessions']");
        await desk.Keyboard.PressAsync("Enter");
        await PageAddress.ReachedAsync(desk, "**/admin/sessions");
        Assert.Equal(3, await desk.Locator("main table tbody tr").CountAsync());
        Assert.Equal(1, await desk.Locator("main tbody tr:has-text('当前会话')").CountAsync());
        await Axe.AssertNoViolationsAsync(desk);
        await AssertLabelsInNamesAsync(desk);
        Assert.Contains("当前会话", await AccessibleNameAsync(desk, "main tbody tr:has-text('当前会话') button"));
        Assert.DoesNotContain("当前会话",
            await AccessibleNameAsync(desk, $"form[action$='/{phoneSession}/end'] button"));
        // On a 320 px phone the long browser names wrap: the page never scrolls sideways.
        await desk.SetViewportSizeAsync(320, 640);
        Assert.True(await desk.EvaluateAsync<bool>(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await desk.SetViewportSizeAsync(1280, 800);

        await KeyboardUse.TabToAsync(desk, $"form[action$='/{phoneSession}/end'] button");
        await desk.Keyboard.PressAsync("Enter");
        await desk.WaitForSelectorAsync("main .notice[role=status]:has-text('已结束该会话。')");
        Assert.Equal(2, await desk.Locator("main table:has(caption) tbody tr").CountAsync());
        Assert.Contains("本人结束", await desk.InnerTextAsync("main table:not(:has(caption))"));
        await Axe.AssertNoViolationsAsync(desk); // with the notice and the ended session

        // The phone's next request finds its session ended, and the sign-in page says why.
        await phone.GotoAsync("/admin/");
        Assert.Contains("/admin/login", phone.Url);
        Assert.Contains("这次登录已由您本人在其他地方结束", await phone.InnerTextAsync("main"));
        await Axe.AssertNoViolationsAsync(phone);
        await phone.Context.CloseAsync();

        // The laptop still works until the desk ends every other session.
        await laptop.GotoAsync("/admin/");
        Assert.EndsWith("/admin/", laptop.Url);
        await KeyboardUse.TabToAsync(desk, "form[action$='/sessions/end-others'] button");
        await desk.Keyboard.PressAsync("Enter");
        await desk.WaitForSelectorAsync("main .notice[role=status]:has-text('已结束其他 1 个会话。')");
        Assert.Equal(1, await desk.Locator("main table:has(caption) tbody tr").CountAsync());
        Assert.Equal(0, await desk.Locator("form[action$='/sessions/end-others']").CountAsync());
        await Axe.AssertNoViolationsAsync(desk);
        await laptop.GotoAsync("/admin/");
        Assert.Contains("/admin/login", laptop.Url);
        await laptop.Context.CloseAsync();

        // Ending the session in use is signing out.
        var deskSession = await desk.GetAttributeAsync("main tbody tr:has-text('当前会话') form", "action");
        await KeyboardUse.TabToAsync(desk, $"form[action='{deskSession}'] button");
        await desk.Keyboard.PressAsync("Enter");
        await PageAddress.ReachedAsync(desk, "**/admin/login");
        await desk.GotoAsync("/admin/sessions");
        Assert.Contains("/admin/login", desk.Url);
        await desk.Context.CloseAsync();
    }

    [Fact]
    public async Task The_system_administrator_ends_one_session_of_another_account_and_then_all_of_them()
    {
        var portal = fixture.Portal;
        await TestAccounts.CreateAsync(portal, "kb-sessions-admin", [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(portal, "kb-sessions-staff", [StaffRoles.Editor]);
        string accountId;
        await using (var db = portal.Settings.Database.CreateContext())
            accountId = db.Users.Single(u => u.UserName == "kb-sessions-staff").Id;
        var office = await SignInAsync("kb-sessions-staff");
        var home = await SignInAsync("kb-sessions-staff");
        var homeSession = await OwnSessionIdAsync(home);

        // From the account's page to its sessions by keyboard.
        var admin = await SignInAsync("kb-sessions-admin");
        await Axe.AssertPageAsync(admin, $"/admin/accounts/{accountId}");
        await KeyboardUse.TabToAsync(admin, $"main a[href$='/admin/accounts/{accountId}/sessions']");
        await admin.Keyboard.PressAsync("Enter");
        await PageAddress.ReachedAsync(admin, $"**/admin/accounts/{accountId}/sessions");
        Assert.Equal("账号 kb-sessions-staff 的登录会话", await admin.InnerTextAsync("h1"));
        Assert.Equal(2, await admin.Locator("main table tbody tr").CountAsync());
        Assert.Equal(0, await admin.Locator("main tbody tr:has-text('当前会话')").CountAsync());
        await Axe.AssertNoViolationsAsync(admin);
        await AssertLabelsInNamesAsync(admin);

        await KeyboardUse.TabToAsync(admin, $"form[action$='/sessions/{homeSession}/end'] button");
        await admin.Keyboard.PressAsync("Enter");
        await admin.WaitForSelectorAsync("main .notice[role=status]:has-text('已结束该会话。')");
        Assert.Equal(1, await admin.Locator("main table:has(caption) tbody tr").CountAsync());
        Assert.Contains("kb-sessions-admin", await admin.InnerTextAsync("main table:not(:has(caption))"));
        await Axe.AssertNoViolationsAsync(admin);

        await home.GotoAsync("/admin/");
        Assert.Contains("/admin/login", home.Url);
        Assert.Contains("系统管理员结束了您的这次登录", await home.InnerTextAsync("main"));
        await home.Context.CloseAsync();
        await office.GotoAsync("/admin/");
        Assert.EndsWith("/admin/", office.Url);

        await KeyboardUse.TabToAsync(admin, $"form[action$='/accounts/{accountId}/sessions/end-all'] button");
        await admin.Keyboard.PressAsync("Enter");
        await admin.WaitForSelectorAsync(
            "main .notice[role=status]:has-text('已结束账号 kb-sessions-staff 的 1 个会话。')");
        Assert.Contains("没有正在使用的会话", await admin.InnerTextAsync("main"));
        await Axe.AssertNoViolationsAsync(admin);
        await office.GotoAsync("/admin/");
        Assert.Contains("/admin/login", office.Url);
        await office.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task The_security_administrator_sets_two_step_sign_in_and_the_password_rules_with_the_keyboard()
    {
        var portal = fixture.Portal;
        await TestAccounts.CreateAsync(portal, "kb-policy-security", [StaffRoles.SecurityAdministrator]);
        await TestAccounts.CreateAsync(portal, "kb-policy-editor", [StaffRoles.Editor]);
        var page = await SignInAsync("kb-policy-security");
        try
        {
            await KeyboardUse.TabToAsync(page, "nav a[href$='/admin/security-policy']");
            await page.Keyboard.PressAsync("Enter");
            await PageAddress.PathReachedAsync(page, "/admin/security-policy");
            await page.WaitForSelectorAsync("input[name=twoFactorForEveryone]");
            await Axe.AssertNoViolationsAsync(page);

            // A mistyped number: refused with the reason, and everything typed is still there.
            await KeyboardUse.TabToAsync(page, "input[name=twoFactorForEveryone]");
            await page.Keyboard.PressAsync("Space");
            await NextIsAsync(page, "expiryDays");
            await page.Keyboard.TypeAsync("90天");
            await NextIsAsync(page, "history");
            await page.Keyboard.TypeAsync("5");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("保存安全策略", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("main .notice.error[role=alert]");
            Assert.Contains("密码有效期应为 0（不限）到 3650 之间的整数天数", await page.InnerTextAsync("main"));
            Assert.True(await page.IsCheckedAsync("input[name=twoFactorForEveryone]"));
            Assert.Equal("90天", await page.InputValueAsync("#expiryDays"));
            Assert.Equal("5", await page.InputValueAsync("#history"));
            await Axe.AssertNoViolationsAsync(page);

            // Corrected in the field and sent with Enter from it.
            await KeyboardUse.TabToAsync(page, "#expiryDays");
            await page.Keyboard.PressAsync("End");
            await page.Keyboard.PressAsync("Backspace");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("main .notice[role=status]:has-text('安全策略已保存')");
            Assert.True(await page.IsCheckedAsync("input[name=twoFactorForEveryone]"));
            Assert.Equal("90", await page.InputValueAsync("#expiryDays"));
            Assert.Equal("5", await page.InputValueAsync("#history"));
            await Axe.AssertNoViolationsAsync(page);

            // It applies at once: an editor without two-step sign-in must enrol before anything else.
            var editor = Patient(await fixture.OpenAsync("/admin/login"));
            await editor.FillAsync("#userName", "kb-policy-editor");
            await editor.FillAsync("#password", TestAccounts.Password);
            await editor.Keyboard.PressAsync("Enter");
            await PageAddress.ReachedAsync(editor, "**/admin/security");
            Assert.Contains("必须使用两步验证", await editor.InnerTextAsync("main"));
            await editor.Context.CloseAsync();
        }
        finally
        {
            // The portal is shared with the other browser tests, whose editors sign in with a password alone.
            await portal.Service<SecurityPolicyStore>().SaveAsync(new SecurityPolicy());
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> SignInAsync(string userName) => Patient(await fixture.SignInAsync(userName));

    // Generous, as the sign-in's own wait: these run beside other tests on a two-core machine, where Playwright's
    // default of 30 seconds for a page to come has run out.
    private static IPage Patient(IPage page)
    {
        page.Context.SetDefaultTimeout(90_000);
        return page;
    }

    // The id of the session a page is signed in with, as its own 登录会话 page names it.
    private static async Task<string> OwnSessionIdAsync(IPage page)
    {
        await page.GotoAsync("/admin/sessions");
        var action = await page.GetAttributeAsync("main tbody tr:has-text('当前会话') form", "action");
        Assert.NotNull(action);
        return action.Split('/')[^2];
    }

    // What a screen reader announces for the element: its aria-label, or else its text.
    private static async Task<string> AccessibleNameAsync(IPage page, string selector)
    {
        var element = page.Locator(selector);
        return await element.GetAttributeAsync("aria-label") ?? await element.InnerTextAsync();
    }

    // A button's visible text is part of its spoken name, or someone who speaks to the computer cannot press it by
    // what they see (WCAG 2.5.3). axe's rule for this leaves Chinese text undecided, so it is checked here.
    private static async Task AssertLabelsInNamesAsync(IPage page)
    {
        var mismatches = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main button[aria-label]')]
                .filter(b => !b.getAttribute('aria-label').replace(/\s/g, '')
                    .includes(b.textContent.replace(/\s/g, '')))
                .map(b => `${b.textContent.trim()} / ${b.getAttribute('aria-label')}`)
            """);
        Assert.True(mismatches.Length == 0, string.Join("\n", mismatches));
    }

    private static async Task NextIsAsync(IPage page, string id)
    {
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(id, await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
