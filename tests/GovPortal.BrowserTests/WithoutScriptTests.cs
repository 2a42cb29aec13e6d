using System.Text.RegularExpressions;
using GovPortal.Tests.Support;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>A reader whose browser runs no script still reads, navigates, searches and changes form.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class WithoutScriptTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Content_navigation_lists_search_and_the_links_to_other_forms_work_without_script()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Portal.Address.ToString().TrimEnd('/'),
            JavaScriptEnabled = false,
        });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await page.ClickAsync(".main-nav a >> text=新闻中心");
            await PageAddress.PathReachedAsync(page, "/xwzx/");
            await page.ClickAsync(".child-blocks a[aria-label=更多相城要闻]");
            await PageAddress.PathReachedAsync(page, "/xwzx/xcyw/");
            await page.ClickAsync(".pagination a[rel=next]");
            await PageAddress.PathReachedAsync(page, "/xwzx/xcyw/index_2.html");

            await page.FillAsync("#site-search-q", "沈志栋");
            await page.PressAsync("#site-search-q", "Enter");
            await PageAddress.PathReachedAsync(page, "/search");
            await page.ClickAsync(".search-hit h3 a");
            // Polled: the heading read before the next document arrives would be the last page's.
            await Assertions.Expect(page.Locator("article h1")).ToHaveTextAsync(PortalData.SeedTitle);

            await page.ClickAsync("a[data-variant-link=traditional]");
            await Assertions.Expect(page.Locator("article h1")).ToHaveTextAsync("相城區召開生態環境保護大會");
            await page.ClickAsync("a[data-variant-link=elder]");
            await PageAddress.ReachedAsync(page, new Regex("/elder/"));
            Assert.Contains("elder", await page.GetAttributeAsync("body", "class") ?? "");
            await page.Locator("#main-nav-list a").First.WaitForAsync();
            Assert.True(await page.Locator("#main-nav-list a").First.IsVisibleAsync());
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Close_window_closes_a_window_the_site_opened_and_otherwise_goes_home()
    {
        var seed = await fixture.Portal.SeedArticleAsync();
        var page = await fixture.OpenAsync("/");
        try
        {
            var popupTask = page.WaitForPopupAsync();
            await page.EvaluateAsync($"() => window.open('{seed.Url}')");
            var popup = await popupTask;
            // Polls the document itself: a popup's lifecycle events can be missed when the machine is busy.
            await popup.WaitForFunctionAsync(
                "path => location.pathname === path && document.readyState !== 'loading'", seed.Url);
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            popup.Close += (_, _) => closed.TrySetResult();
            try
            {
                await popup.ClickAsync("button[data-action=close]");
            }
            catch (PlaywrightException)
            {
                // The window may close while the click is still being reported: that is the outcome wanted.
            }
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // Arrived directly: nothing to close, no page of this site to go back to.
            var direct = await fixture.OpenAsync(seed.Url!);
            try
            {
                await direct.ClickAsync("button[data-action=close]");
                await PageAddress.PathReachedAsync(direct, "/");
            }
            finally
            {
                await direct.Context.CloseAsync();
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
