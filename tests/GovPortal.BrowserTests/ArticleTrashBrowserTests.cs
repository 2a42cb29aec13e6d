using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Browser;

/// <summary>An editor deletes a draft into the 回收站 and restores it, in a real browser; both pages pass axe.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class ArticleTrashBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_editor_deletes_a_draft_finds_it_in_the_trash_and_restores_it()
    {
        var portal = fixture.Portal;
        var seed = await portal.SeedArticleAsync();
        var channel = await portal.SeedChannelSlugAsync();
        await TestAccounts.CreateAsync(portal, "trash-editor", [StaffRoles.Editor], channel);
        const string title = "误建的草稿：区图书馆元旦开放时间";
        int id;
        using (var staff = await StaffClient.SignInAsync(portal, "trash-editor"))
        {
            var created = await staff.PostMultipartAsync("articles/new",
                Newsroom.Fields(seed.ChannelId, title, "<p>元旦期间正常开放。</p>"), []);
            Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
            id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        }

        var page = await fixture.SignInAsync("trash-editor");
        await page.GotoAsync($"/admin/articles/{id}");
        await page.ClickAsync($"form[action$='/articles/{id}/delete'] button[type=submit]");
        await PageAddress.ReachedAsync(page, "**/admin/articles/trash");
        Assert.Contains("已移入回收站", await page.InnerTextAsync("body"));
        Assert.Contains(title, await page.InnerTextAsync("table"));
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync($"form[action$='/articles/trash/{id}/restore'] button[type=submit]");
        await PageAddress.ReachedAsync(page, $"**/admin/articles/{id}");
        Assert.Contains("已从回收站恢复", await page.InnerTextAsync("body"));
        Assert.Contains(title, await page.InnerTextAsync("h1"));
        await page.Context.CloseAsync();
    }
}
