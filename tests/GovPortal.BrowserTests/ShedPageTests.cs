using GovPortal.Interaction.Letters;
using GovPortal.PublicSite.Shedding;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// The page a citizen meets when the portal sheds dynamic work in a flood: accessible, readable on a phone, and, for
/// a refused letter, a way to send what was typed again once the flood is over.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class ShedPageTests(BrowserFixture fixture)
{
    // The browser portal measures no scheduling delay of its own (its probe is off): what a test observes stays.
    private void Overloaded(bool overloaded)
    {
        var delay = fixture.Portal.Service<SchedulingDelay>();
        var wait = overloaded ? TimeSpan.FromSeconds(1) : TimeSpan.Zero;
        delay.Observe(wait);
        delay.Observe(wait);
    }

    [Fact]
    public async Task A_shed_search_page_passes_axe_and_fits_a_phone()
    {
        var page = await fixture.OpenAsync("/", width: 360, height: 740);
        Overloaded(true);
        try
        {
            var response = await page.GotoAsync("/search?q=%E5%AE%89%E5%85%A8");
            Assert.Equal(503, response!.Status);
            Assert.Equal(ShedAnswer.Title, await page.InnerTextAsync("h1"));
            await Axe.AssertNoViolationsAsync(page);
            var widths = await page.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"page is {widths[0]} px wide in a {widths[1]} px window");
        }
        finally
        {
            Overloaded(false);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_letter_refused_in_a_flood_is_sent_again_with_one_press_once_it_is_over()
    {
        var page = await fixture.OpenAsync("/hdjl/xx?mailbox=qzxx");
        try
        {
            await page.CheckAsync("#k-" + LetterKinds.Suggestion);
            await page.FillAsync("#f-subject", "繁忙时写的建议");
            await page.FillAsync("#f-text", "建议在阳澄湖西路增设一处公交候车亭，方便附近老人出行。");
            await page.FillAsync("#f-name", "李华");
            await page.FillAsync("#f-mobile", "13912345678");
            await page.CheckAsync("#c-notice");
            Overloaded(true);
            var refused = await page.RunAndWaitForResponseAsync(
                () => page.ClickAsync("form.citizen-form button[type=submit]"), r => r.Request.Method == "POST");
            Assert.Equal(503, refused.Status);
            Assert.Contains("已保留在本页", await page.InnerTextAsync("main"));
            await Axe.AssertNoViolationsAsync(page);

            Overloaded(false);
            await page.GetByRole(AriaRole.Button, new() { Name = "重新提交" }).ClickAsync();
            Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("#receipt-number")));
        }
        finally
        {
            Overloaded(false);
            await page.Context.CloseAsync();
        }
    }
}
