using GovPortal.Tests.Support;

namespace GovPortal.Tests.Browser;

/// <summary>
/// An editor puts a video into an article with the keyboard alone, in a real browser: the 文字说明 and the poster are
/// asked for before it goes in, the 文字说明 is changed later in the editor's dialog (which passes axe while open),
/// and the published page shows the video with its poster and the browser's controls, passing axe too.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class BodyVideoBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_editor_inserts_a_video_with_its_caption_and_poster_and_the_published_page_plays_it()
    {
        var portal = fixture.Portal;
        var channel = await portal.SeedChannelSlugAsync();
        await using var room = await Newsroom.StartAsync(portal, channel);
        var id = await room.WriteAsync("防汛抢险演练视频", channel: channel,
            files: [("演练封面.jpg", SolidPicture.Jpeg(800, 450)), ("演练.mp4", TinyVideo.Mp4())]);
        var page = await fixture.SignInAsync("lihua");
        var published = false;
        try
        {
            await page.GotoAsync($"/admin/articles/{id}/edit");
            await page.WaitForSelectorAsync(".editor-toolbar");
            // Nothing goes in without a 文字说明; the page says so and puts the cursor there.
            await page.FocusAsync("[data-insert-video]");
            await page.Keyboard.PressAsync("Enter");
            Assert.Contains("请先填写视频的文字说明", await page.InnerTextAsync("[data-picture-status]"));
            Assert.True(await page.EvaluateAsync<bool>(
                "() => document.activeElement.hasAttribute('data-video-caption')"));
            await page.Keyboard.TypeAsync("抢险队伍演练");
            await page.Keyboard.PressAsync("Enter");
            Assert.Contains("请先选择视频封面图片", await page.InnerTextAsync("[data-picture-status]"));
            Assert.True(await page.EvaluateAsync<bool>(
                "() => document.activeElement.hasAttribute('data-video-poster')"));
            await page.Keyboard.PressAsync("ArrowDown"); // the first picture of the article
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            Assert.Contains("已插入视频", await page.InnerTextAsync("[data-picture-status]"));
            await page.WaitForSelectorAsync(".editor-area figure.video video[poster]");

            // The 文字说明 is changed in the editor's dialog: chosen in the body, the toolbar's button opens it.
            await page.ClickAsync(".editor-area figure.video figcaption");
            await page.ClickAsync(".editor-toolbar button:text-is('图片视频文字')");
            await page.WaitForSelectorAsync("dialog.editor-dialog[open]");
            await Axe.AssertNoViolationsAsync(page);
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.PressAsync("Delete");
            await page.Keyboard.PressAsync("Enter");
            Assert.Contains("请填写文字说明", await page.InnerTextAsync("dialog.editor-dialog [role=alert]"));
            await page.Keyboard.TypeAsync("区防汛指挥部组织抢险队伍开展汛前演练。");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("dialog.editor-dialog",
                new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
            // Back in the body where the editor was, to go on writing.
            Assert.True(await page.EvaluateAsync<bool>(
                "() => document.activeElement.classList.contains('editor-area')"));
            var body = await page.EvaluateAsync<string>("() => document.querySelector('#bodyHtml').value");
            Assert.Matches("<figure class=\"video\"><video src=\"/files/[0-9a-f]{32}\\.mp4\" "
                + "poster=\"/files/[0-9a-f]{32}\\.jpg\"[^>]*></video><figcaption>区防汛指挥部组织抢险队伍开展汛前演练。", body);
            await Axe.AssertNoViolationsAsync(page);
            await page.ClickAsync("form[enctype] button[type=submit]");
            await PageAddress.ReachedAsync(page, $"**/admin/articles/{id}");
            Assert.DoesNotContain("缺少文字说明", await page.InnerTextAsync("main"));

            await room.DoAsync(room.Editor, id, "submit");
            await room.DoAsync(room.Reviewer, id, "approve");
            await room.DoAsync(room.Publisher, id, "publish");
            published = true;
            await page.GotoAsync((await room.ArticleAsync(id)).Url!);
            var video = page.Locator(".article-body figure.video video");
            Assert.NotNull(await video.GetAttributeAsync("controls"));
            Assert.Equal("none", await video.GetAttributeAsync("preload"));
            // The poster is published with the page and loads under the public site's content security policy.
            Assert.True(await page.EvaluateAsync<bool>("""
                async () => { const poster = document.querySelector('.article-body video').poster;
                  return (await fetch(poster)).ok; }
                """));
            await Axe.AssertNoViolationsAsync(page);
        }
        finally
        {
            await page.Context.CloseAsync();
            if (published)
                await room.DoAsync(room.Publisher, id, "withdraw",
                    new KeyValuePair<string, string>("reason", "浏览器测试结束，撤下测试文章。"));
        }
    }
}
