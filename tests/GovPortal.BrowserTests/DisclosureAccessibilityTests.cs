namespace GovPortal.Tests.Browser;

/// <summary>
/// The 政府信息公开 section's home and its catalogue (the whole 目录, a 主题分类 and a 发布机构 page) pass axe's WCAG
/// 2.2 AA checks and fit a 360 px phone, each layout in every form (<see cref="PageForms"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class DisclosureAccessibilityTests(BrowserFixture fixture)
{
    /// <summary>
    /// The section's home and 目录 in every form (<see cref="PageForms"/>); its filtered 目录 pages in the standard
    /// form.
    /// </summary>
    public static TheoryData<string, string> PagesInEveryForm() =>
        PageForms.Of(["/zfxxgk/", "/zfxxgk/ml/"], ["{topic}", "{organisation}"]);

    // The demo's 综合政务 topic holds three documents, one of them repealed; its 司法局 two.
    private async Task<string> PathOf(string form, string page)
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        return form + page switch
        {
            "{topic}" => $"/zfxxgk/ml/zt/{db.Classifications.Single(c => c.Name == "综合政务").Id}/",
            "{organisation}" => $"/zfxxgk/ml/jg/{db.Organisations.Single(o => o.Name == "苏州市相城区司法局").Id}/",
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
            // The page itself, not the 404 page.
            Assert.DoesNotContain("未找到", await browserPage.Locator("h1").First.InnerTextAsync());
            await Axe.AssertNoViolationsAsync(browserPage);
        }
        finally
        {
            await browserPage.Context.CloseAsync();
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
            Assert.True(widths[0] <= widths[1], $"page is {widths[0]} px wide in a {widths[1]} px window");
        }
        finally
        {
            await browserPage.Context.CloseAsync();
        }
    }
}
