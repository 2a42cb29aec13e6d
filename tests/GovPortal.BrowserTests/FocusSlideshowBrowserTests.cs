using GovPortal.Content.Uploads;
using GovPortal.Tests.Support;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// The home page's 焦点图 in a real browser, used as a reader would: it turns by itself only when nothing says not to,
/// stops for the keyboard, is paused and moved with buttons reached by Tab, never turns under reduced motion, and
/// passes axe in every form. The articles are featured through the back office and withdrawn again at the end, so
/// the home page other tests see is the demo's.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class FocusSlideshowBrowserTests(BrowserFixture fixture)
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task A_reader_pauses_and_turns_the_slides_with_the_keyboard_and_reduced_motion_keeps_them_still()
    {
        var portal = fixture.Portal;
        var channel = await portal.SeedChannelSlugAsync();
        await using var room = await Newsroom.StartAsync(portal, channel);
        var ids = new List<int>();
        foreach (var (title, colour) in new[] { ("区图书馆新馆开放", SkiaSharp.SKColors.SteelBlue),
                     ("阳澄湖大闸蟹开捕", SkiaSharp.SKColors.DarkOliveGreen) })
            ids.Add(await FeatureAsync(room, channel, title, colour));
        try
        {
            var page = await fixture.OpenAsync("/");
            var focus = page.Locator("[data-focus]");
            await Assertions.Expect(focus).ToHaveAttributeAsync("data-playing", "true");
            await Assertions.Expect(page.Locator(".focus-slide:not([hidden])")).ToHaveCountAsync(1);
            var first = await page.Locator(".focus-slide:not([hidden]) img").GetAttributeAsync("alt");

            // Keyboard focus entering it stops it (the button says 播放); it turns again only when 播放 is pressed.
            var play = page.Locator("[data-focus-play]");
            await play.FocusAsync();
            await Assertions.Expect(focus).ToHaveAttributeAsync("data-playing", "false");
            await Assertions.Expect(play).ToHaveTextAsync("播放");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(focus).ToHaveAttributeAsync("data-playing", "true");
            await Assertions.Expect(play).ToHaveTextAsync("暂停");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(play).ToHaveTextAsync("播放");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("下一张焦点图", await page.EvaluateAsync<string>(
                "() => document.activeElement.getAttribute('aria-label')"));
            await page.Keyboard.PressAsync("Enter");
            var second = await page.Locator(".focus-slide:not([hidden]) img").GetAttributeAsync("alt");
            Assert.NotEqual(first, second);
            // Leaving it does not start it again: the reader paused it.
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(focus).ToHaveAttributeAsync("data-playing", "false");
            await Axe.AssertNoViolationsAsync(page);
            await page.Context.CloseAsync();

            var still = await fixture.OpenAsync("about:blank");
            await still.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
            await still.GotoAsync("/");
            await Assertions.Expect(still.Locator("[data-focus]")).ToHaveAttributeAsync("data-playing", "false");
            await Assertions.Expect(still.Locator("[data-focus-play]")).ToHaveTextAsync("播放");
            await still.Context.CloseAsync();

            // The 适老版 and 繁體 forms show the same slides, and pass axe too.
            foreach (var form in new[] { "/elder/", "/zh-hant/" })
            {
                var other = await fixture.OpenAsync(form);
                await Assertions.Expect(other.Locator(".focus-slide img")).ToHaveCountAsync(2);
                await Axe.AssertNoViolationsAsync(other);
                await other.Context.CloseAsync();
            }
        }
        finally
        {
            foreach (var id in ids)
                await room.DoAsync(room.Publisher, id, "withdraw", F("reason", "浏览器测试结束，撤下测试文章。"));
        }
    }

    private static async Task<int> FeatureAsync(Newsroom room, string channel, string title, SkiaSharp.SKColor colour)
    {
        var id = await room.WriteAsync(title, channel: channel,
            files: [("题图.jpg", SolidPicture.Jpeg(1280, 720, colour))]);
        var revision = await room.RevisionAsync(id);
        var file = revision.Files.Single();
        var picture = ArticlePictures.NameOf(file.StoredName, file.Extension);
        var saved = await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            [
                .. Newsroom.Fields(TestAccounts.ChannelId(room.Portal, channel), title, "<p>图片新闻。</p>",
                    baseRevisionId: revision.Id, baseVersion: revision.Version),
                F("leadImage", picture),
            ], []);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, saved.StatusCode);
        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        await room.DoAsync(room.Publisher, id, "publish");
        await room.DoAsync(room.Publisher, id, "rank", F("weight", "0"), F("featured", "1"));
        return id;
    }
}
