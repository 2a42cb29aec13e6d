namespace GovPortal.Tests.Browser;

/// <summary>
/// WCAG 2.2 AA as axe checks it, on the pages a reader meets, each layout in every form (<see cref="PageForms"/>);
/// and the 360 px phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    /// <summary>
    /// The home, list (with and without summaries), article and 单页 pages in every form (<see cref="PageForms"/>);
    /// the notice, the site map and a statement, built from the same parts, in the standard form.
    /// </summary>
    public static TheoryData<string, string> PagesInEveryForm() =>
        PageForms.Of(["/", "/xwzx/xcyw/", "/xwzx/tzgg/", "{seed}", "/zjxc/"],
            ["/no-such-page.html", "/sitemap.html", "/accessibility.html"]);

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
