using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// Back-office forms used with the keyboard alone, as a web editor who does not use a mouse would: the 网站声明 editor
/// (into the rich-text editor and out of it again, then saved and restored) and the 题图 choice of an article.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class BackOfficeKeyboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_statement_is_edited_saved_and_restored_with_the_keyboard_alone()
    {
        var portal = fixture.Portal;
        await TestAccounts.CreateAsync(portal, "kb-admin", [StaffRoles.Administrator]);
        var page = await fixture.SignInAsync("kb-admin");
        try
        {
            await page.GotoAsync("/admin/settings/statements/contact");
            await KeyboardUse.TabToAsync(page, ".editor-area");
            await page.Keyboard.PressAsync("Control+End");
            await page.Keyboard.TypeAsync("工作时间：周一至周五上午九时至下午五时。");
            // Tab leaves the editor for the next control: the editor is no keyboard trap.
            await KeyboardUse.TabToAsync(page, "form:not(:has(input[name=restore])) button[type=submit]", most: 40);
            await page.Keyboard.PressAsync("Enter");
            await PageAddress.ReachedAsync(page, "**/admin/settings#statements");
            Assert.Contains("工作时间：周一至周五上午九时至下午五时。", await portal.Client.GetStringAsync("/contact.html"));

            await page.GotoAsync("/admin/settings/statements/contact");
            await KeyboardUse.TabToAsync(page, "form:has(input[name=restore]) button[type=submit]");
            await page.Keyboard.PressAsync("Enter");
            await PageAddress.ReachedAsync(page, "**/admin/settings#statements");
            Assert.DoesNotContain("工作时间", await portal.Client.GetStringAsync("/contact.html"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_editor_chooses_the_lead_image_with_the_keyboard_alone()
    {
        var portal = fixture.Portal;
        await TestAccounts.CreateAsync(portal, "kb-editor", [StaffRoles.Editor], "bmdt");
        int id;
        using (var client = await StaffClient.SignInAsync(portal, "kb-editor"))
        {
            var created = await client.PostMultipartAsync("articles/new",
                Newsroom.Fields(TestAccounts.ChannelId(portal, "bmdt"), "区图书馆开展少儿阅读周活动",
                    "<p>活动吸引了众多家庭参加。</p>"),
                [("阅读周.jpg", SolidPicture.Jpeg(1200, 800, SkiaSharp.SKColors.SteelBlue))]);
            Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
            id = int.Parse(System.Text.RegularExpressions.Regex
                .Match(created.Headers.Location!.OriginalString, "/articles/(\\d+)").Groups[1].Value);
        }
        var page = await fixture.SignInAsync("kb-editor");
        try
        {
            await page.GotoAsync($"/admin/articles/{id}/edit");
            await KeyboardUse.TabToAsync(page, "#leadImage", most: 120);
            await page.Keyboard.PressAsync("ArrowDown"); // the first picture after 不用题图
            await KeyboardUse.TabToAsync(page, "form[enctype] button[type=submit]", most: 120);
            await page.Keyboard.PressAsync("Enter");
            await PageAddress.ReachedAsync(page, $"**/admin/articles/{id}");
            await using var db = portal.Settings.Database.CreateContext();
            var revision = await db.Revisions.Include(r => r.Files).Where(r => r.ArticleId == id)
                .OrderByDescending(r => r.Number).FirstAsync();
            var picture = revision.Files.Single();
            Assert.Equal($"{picture.StoredName}.{picture.Extension}", revision.LeadImage);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
