namespace GovPortal.Tests.Browser;

/// <summary>
/// 适老版 as an elderly reader meets it on a phone: large text, generous spacing, large targets, remembered.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class ElderFormTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/elder/")]
    [InlineData("/elder/xwzx/xcyw/")]
    [InlineData("{seed}")]
    public async Task Text_is_at_least_18_points_with_line_spacing_of_1_5_and_targets_of_60_pixels(string path)
    {
        if (path == "{seed}") path = "/elder" + (await Support.PortalData.SeedArticleAsync(fixture.Portal)).Url;
        var page = await fixture.OpenAsync(path, width: 390, height: 844);
        try
        {
            // 18 pt is 24 CSS pixels.
            var text = await page.EvaluateAsync<double[]>("""
                () => [...document.querySelectorAll('main p, main li, main a')]
                  .filter(e => e.offsetParent !== null && e.textContent.trim())
                  .map(e => {
                    const s = getComputedStyle(e);
                    return [parseFloat(s.fontSize), parseFloat(s.lineHeight) / parseFloat(s.fontSize)];
                  })
                  .reduce((m, [size, spacing]) => [Math.min(m[0], size), Math.min(m[1], spacing)], [1000, 1000])
                """);
            Assert.True(text[0] >= 24, $"smallest text in main is {text[0]} px");
            Assert.True(text[1] >= 1.5, $"tightest line spacing in main is {text[1]:0.00}");

            var small = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('a, button, input, select, label')]
                  .filter(e => e.offsetParent !== null && !e.matches('.visually-hidden'))
                  .filter(e => {
                    const r = e.getBoundingClientRect();
                    return r.width > 0 && (r.width < 60 || r.height < 60);
                  })
                  .map(e => e.outerHTML.slice(0, 80))
                """);
            Assert.True(small.Length == 0, "targets smaller than 60×60: " + string.Join(" | ", small.Take(5)));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Choosing_the_elder_form_is_remembered_until_the_standard_form_is_chosen()
    {
        var page = await fixture.OpenAsync("/xwzx/xcyw/");
        try
        {
            await page.ClickAsync("a[data-variant-link=elder]");
            await PageAddress.ReachedAsync(page, "**/elder/xwzx/xcyw/");

            await page.GotoAsync("/xwzx/bmdt/");
            await PageAddress.ReachedAsync(page, "**/elder/xwzx/bmdt/");
            Assert.Contains("elder", await page.GetAttributeAsync("body", "class") ?? "");

            await page.ClickAsync("[data-show=elder] a");
            await PageAddress.PathReachedAsync(page, "/xwzx/bmdt/");
            await page.GotoAsync("/");
            Assert.Equal("/", new Uri(page.Url).AbsolutePath);
            Assert.Equal("variant-standard", await page.GetAttributeAsync("body", "class"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}

/// <summary>The main navigation on a phone: folded behind one button, opened and closed by keyboard or touch.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class PhoneNavigationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task On_a_phone_the_navigation_folds_behind_a_button_that_opens_it()
    {
        var page = await fixture.OpenAsync("/", width: 360, height: 740);
        try
        {
            Assert.True(await page.IsVisibleAsync(".nav-toggle"));
            Assert.False(await page.IsVisibleAsync("#main-nav-list"));
            Assert.Equal("false", await page.GetAttributeAsync(".nav-toggle", "aria-expanded"));

            await page.FocusAsync(".nav-toggle");
            await page.Keyboard.PressAsync("Enter");
            Assert.True(await page.IsVisibleAsync("#main-nav-list"));
            Assert.Equal("true", await page.GetAttributeAsync(".nav-toggle", "aria-expanded"));
            await page.ClickAsync("#main-nav-list a >> text=新闻中心");
            await PageAddress.ReachedAsync(page, "**/xwzx/");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task On_a_wide_screen_the_navigation_is_always_shown()
    {
        var page = await fixture.OpenAsync("/");
        try
        {
            Assert.False(await page.IsVisibleAsync(".nav-toggle"));
            Assert.True(await page.IsVisibleAsync("#main-nav-list"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
