using GovPortal.Tests.Support;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>网站无障碍 and the article page's functions, operated as readers do: by keyboard, pointer and ear.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class ToolbarTests(BrowserFixture fixture)
{
    private async Task<string> SeedUrlAsync() => (await fixture.Portal.SeedArticleAsync()).Url!;

    private static Task<double> RootFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");

    [Fact]
    public async Task
        The_keyboard_opens_the_toolbar_zooms_to_double_without_sideways_scrolling_and_the_setting_persists()
    {
        var page = await fixture.OpenAsync(await SeedUrlAsync());
        try
        {
            await page.FocusAsync("a[data-a11y-entry]");
            await page.Keyboard.PressAsync("Enter");
            Assert.True(await page.IsVisibleAsync("#a11y-toolbar"));
            Assert.Equal("true", await page.GetAttributeAsync("a[data-a11y-entry]", "aria-expanded"));

            await page.FocusAsync("button[data-a11y=zoom-in]");
            for (var i = 0; i < 6; i++) await page.Keyboard.PressAsync("Enter");
            Assert.Equal(32, await RootFontSizeAsync(page));
            Assert.Equal("200%", await page.TextContentAsync(".a11y-zoom"));
            var widths =
                await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"at 200% the page is {widths[0]} px wide in a {widths[1]} px window");

            await page.GotoAsync("/xwzx/xcyw/");
            Assert.Equal(32, await RootFontSizeAsync(page));
            Assert.True(await page.IsVisibleAsync("#a11y-toolbar"));

            await page.FocusAsync("button[data-a11y=reset]");
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal(16, await RootFontSizeAsync(page));

            await page.Keyboard.PressAsync("Escape");
            Assert.False(await page.IsVisibleAsync("#a11y-toolbar"));
            Assert.Equal("网站无障碍", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Line_spacing_schemes_cursor_guide_and_captions_switch_on_and_off()
    {
        var page = await fixture.OpenAsync(await SeedUrlAsync());
        try
        {
            await page.ClickAsync("a[data-a11y-entry]");
            await page.ClickAsync("button[data-a11y=spacing]");
            Assert.True(await page.EvaluateAsync<double>("""
                () => {
                  const s = getComputedStyle(document.querySelector('.article-body p'));
                  return parseFloat(s.lineHeight) / parseFloat(s.fontSize);
                }
                """) >= 2.3);

            await page.ClickAsync("button[data-a11y=scheme][data-value=dark]");
            Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>(
                "() => getComputedStyle(document.querySelector('.article-body')).backgroundColor"));
            Assert.Equal("true",
                await page.GetAttributeAsync("button[data-a11y=scheme][data-value=dark]", "aria-pressed"));

            await page.ClickAsync("button[data-a11y=cursor]");
            Assert.Contains("url(", await page.EvaluateAsync<string>(
                "() => getComputedStyle(document.querySelector('.article-body p')).cursor"));

            await page.ClickAsync("button[data-a11y=guide]");
            await page.Mouse.MoveAsync(300, 400);
            Assert.Equal("400px",
                await page.EvaluateAsync<string>("() => document.querySelector('.a11y-guide-x').style.top"));
            Assert.True(await page.IsVisibleAsync(".a11y-guide-y"));

            await page.ClickAsync("button[data-a11y=captions]");
            await page.FocusAsync(".breadcrumb a");
            Assert.Equal("首页", await page.TextContentAsync(".a11y-caption"));

            await page.ClickAsync("button[data-a11y=reset]");
            Assert.False(await page.IsVisibleAsync(".a11y-caption"));
            Assert.False(
                await page.EvaluateAsync<bool>("() => document.documentElement.className.includes('scheme-')"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Speech_reads_the_article_and_in_pointing_mode_what_has_the_focus()
    {
        var page = await fixture.OpenAsync("about:blank");
        try
        {
            // Headless chromium has no voices: record what would be spoken instead of listening to it.
            await page.Context.AddInitScriptAsync("""
                window.__spoken = [];
                window.speechSynthesis.speak = u => window.__spoken.push(u.text + '|' + u.lang);
                """);
            await page.GotoAsync(await SeedUrlAsync());
            Assert.False(await page.IsVisibleAsync("button[data-a11y=read]")); // off by default

            await page.ClickAsync("a[data-a11y-entry]");
            await page.ClickAsync("button[data-a11y=speech]");
            await page.ClickAsync("button[data-a11y=read]");
            var spoken = await page.EvaluateAsync<string[]>("() => window.__spoken");
            Assert.Contains(spoken, s => s.Contains(PortalData.SeedTitle) && s.Contains("沈志栋") && s.EndsWith("|zh-CN"));

            await page.ClickAsync("button[data-a11y=point]");
            await page.FocusAsync(".breadcrumb a");
            spoken = await page.EvaluateAsync<string[]>("() => window.__spoken");
            Assert.Equal("首页|zh-CN", spoken[^1]);

            await page.ClickAsync("button[data-a11y=speech]");
            Assert.False(await page.IsVisibleAsync("button[data-a11y=read]"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_keyboard_reaches_every_link_and_control_of_the_article_page_with_a_visible_focus()
    {
        var page = await fixture.OpenAsync(await SeedUrlAsync());
        try
        {
            await page.ClickAsync("a[data-a11y-entry]");
            await page.ClickAsync("button[data-a11y=speech]"); // its controls are reachable too
            await page.EvaluateAsync("() => { document.activeElement.blur(); window.scrollTo(0, 0); }");
            var expected = await page.EvaluateAsync<int>("""
                () => { let n = 0; document.querySelectorAll('a[href], button, input, select').forEach((e, i) => {
                  // A group of radio buttons is one stop: the arrow keys choose within it.
                  if (e.matches('input[type=radio]:not(:checked)')) return;
                  if (e.offsetParent !== null || e.matches('.skip-link')) { e.dataset.k = i; n++; } }); return n; }
                """);
            var reached = new HashSet<string>();
            var invisible = new List<string>();
            for (var i = 0; i < 400 && reached.Count < expected; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focus = await page.EvaluateAsync<string[]>("""
                    () => { const e = document.activeElement; const s = getComputedStyle(e);
                      const visible = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                      return [e.dataset.k || '', visible ? 'visible' : e.outerHTML.slice(0, 60)]; }
                    """);
                if (focus[0].Length > 0 && reached.Add(focus[0]) && focus[1] != "visible") invisible.Add(focus[1]);
            }
            Assert.Equal(expected, reached.Count);
            Assert.True(invisible.Count == 0, "focus not visible on: " + string.Join(" | ", invisible));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public static TheoryData<string, string> PagesInHighContrast()
    {
        var data = new TheoryData<string, string>();
        foreach (var scheme in new[] { "dark", "light", "yellow", "blue" })
            foreach (var page in new[] { "/", "/xwzx/xcyw/", "{seed}", "/no-such-page.html" })
                data.Add(scheme, page);
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInHighContrast))]
    public async Task Axe_finds_no_violation_in_the_colour_schemes(string scheme, string path)
    {
        var page = await fixture.OpenAsync("about:blank");
        try
        {
            await page.Context.AddInitScriptAsync(
                $"localStorage.setItem('govportal-a11y', JSON.stringify({{ open: true, scheme: '{scheme}' }}))");
            await page.GotoAsync(path == "{seed}" ? await SeedUrlAsync() : path);
            Assert.Contains("scheme-" + scheme, await page.GetAttributeAsync("html", "class") ?? "");
            await Axe.AssertNoViolationsAsync(page);
            // The schemes promise 7:1, the enhanced contrast of WCAG's AAA level.
            await Axe.AssertNoViolationsAsync(page, "color-contrast-enhanced");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Every_toolbar_control_works_from_the_keyboard()
    {
        var page = await fixture.OpenAsync(await SeedUrlAsync());
        try
        {
            await page.FocusAsync("a[data-a11y-entry]");
            await page.Keyboard.PressAsync("Enter");
            await page.FocusAsync("button[data-a11y=speech]");
            await page.Keyboard.PressAsync("Space");
            var toggles = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#a11y-toolbar " +
                "button[aria-pressed]')].map(b => b.dataset.a11y + ':' + (b.dataset.value || ''))");
            // speech stays on: its controls are next
            foreach (var toggle in toggles.Where(t => !t.StartsWith("speech:")))
            {
                var parts = toggle.Split(':');
                var selector = parts[1].Length > 0 ? $"button[data-a11y={parts[0]}][data-value={parts[1]}]"
                    : parts[0] == "scheme" ? "button[data-a11y=scheme][data-value='']"
                    : $"button[data-a11y={parts[0]}]";
                var before = await page.GetAttributeAsync(selector, "aria-pressed");
                await page.FocusAsync(selector);
                await page.Keyboard.PressAsync("Enter");
                var after = await page.GetAttributeAsync(selector, "aria-pressed");
                if (parts[0] == "scheme") Assert.Equal("true", after);
                else Assert.True(before != after, toggle + " did not toggle");
            }
            foreach (var action in new[] { "zoom-in", "zoom-out", "read", "pause", "stop", "reset" })
            {
                if (!await page.IsVisibleAsync($"button[data-a11y={action}]")) continue;
                await page.FocusAsync($"button[data-a11y={action}]");
                await page.Keyboard.PressAsync("Enter");
            }
            Assert.Equal(16, await RootFontSizeAsync(page)); // after 全部重置
            await page.FocusAsync("button[data-a11y=close]");
            await page.Keyboard.PressAsync("Enter");
            Assert.False(await page.IsVisibleAsync("#a11y-toolbar"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Printing_shows_only_the_article_and_its_address_and_the_print_button_prints()
    {
        var seed = await fixture.Portal.SeedArticleAsync();
        var page = await fixture.OpenAsync("about:blank");
        try
        {
            await page.Context.AddInitScriptAsync("window.__printed = 0; window.print = () => window.__printed++;");
            await page.GotoAsync(seed.Url!);
            await page.ClickAsync("button[data-action=print]");
            Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__printed"));

            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            foreach (var hidden in new[] { ".site-header", ".site-footer", ".breadcrumb", ".article-tools",
                ".font-size", ".article-meta .hits" })
                Assert.False(await page.IsVisibleAsync(hidden), hidden);
            foreach (var shown in new[] { "article h1", ".article-meta", ".article-body", ".related-files" })
                Assert.True(await page.IsVisibleAsync(shown), shown);
            var address = await page.EvaluateAsync<string>(
                "() => getComputedStyle(document.querySelector('.article'), '::after').content");
            Assert.Contains("本页地址：", address);
            Assert.Contains(seed.Url!, address);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Wechat_sharing_opens_the_qr_code_in_a_dialog_that_escape_closes()
    {
        var page = await fixture.OpenAsync(await SeedUrlAsync());
        try
        {
            await page.ClickAsync("a[data-share=wechat]");
            Assert.True(await page.IsVisibleAsync("#wechat-dialog"));
            Assert.True(await page.IsVisibleAsync("#wechat-dialog svg"));
            Assert.True(await page.EvaluateAsync<bool>(
                "() => document.getElementById('wechat-dialog').contains(document.activeElement)"));
            await page.Keyboard.PressAsync("Escape");
            Assert.False(await page.IsVisibleAsync("#wechat-dialog"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_chosen_font_size_of_the_article_body_is_remembered()
    {
        var page = await fixture.OpenAsync(await SeedUrlAsync());
        try
        {
            var medium = await page.EvaluateAsync<double>(
                "() => parseFloat(getComputedStyle(document.querySelector('.article-body')).fontSize)");
            await page.ClickAsync("label[for=font-large]");
            await page.ReloadAsync();
            Assert.True(await page.IsCheckedAsync("#font-large"));
            Assert.True(await page.EvaluateAsync<double>(
                "() => parseFloat(getComputedStyle(document.querySelector('.article-body')).fontSize)") > medium);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
