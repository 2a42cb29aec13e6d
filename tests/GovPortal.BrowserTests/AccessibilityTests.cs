namespace GovPortal.Tests.Browser;

/// <summary>
/// WCAG 2.2 AA as axe checks it, on the pages a reader meets, in every form; and the 360 px phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    public static TheoryData<string, string> PagesInEveryForm()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in new[] { "", "/elder", "/zh-hant" })
            foreach (var page in new[] { "/", "/xwzx/xcyw/", "{seed}", "/no-such-page.html", "/sitemap.html",
                         "/accessibility.html" })
                data.Add(form, page);
        return data;
    }

    private async Task<string> PathOf(string form, string page) =>
        form + (page == "{seed}" ? (await Support.PortalData.SeedArticleAsync(fixture.Portal)).Url : page);

    [Theory]
    [MemberData(nameof(PagesInEveryForm))]
    public async Task Axe_finds_no_wcag_violation(string form, string page)
    {
        var browserPage = await fixture.OpenAsync(await PathOf(form, page));
        try
        {
            await Axe.AssertNoViolationsAsync(browserPage);
        }
        finally
        {
            await browserPage.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Axe_reports_a_violation_when_there_is_one()
    {
        // Guards the check itself: with a wrong tag list or a broken injection, every page would "pass".
        var page = await fixture.OpenAsync("/");
        try
        {
            await page.EvaluateAsync(
                "() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')");
            var results = await Axe.RunWcagAsync(page);
            Assert.Contains(results.Violations, v => v.Id == "image-alt");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(PagesInEveryForm))]
    public async Task Nothing_scrolls_sideways_on_a_360_pixel_phone(string form, string page)
    {
        var browserPage = await fixture.OpenAsync(await PathOf(form, page), width: 360, height: 740);
        try
        {
            var widths = await browserPage.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scrollWidth, viewport) = (widths[0], widths[1]);
            Assert.True(scrollWidth <= viewport, $"page is {scrollWidth} px wide in a {viewport} px window");
        }
        finally
        {
            await browserPage.Context.CloseAsync();
        }
    }
}
