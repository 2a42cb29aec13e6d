using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Browser;

/// <summary>
/// A refused article action in a real browser: the browser sends the form instead of refusing it on its own, and the
/// portal's answer — the rule, beside the form, with the text kept — passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class ActionRefusalBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_too_short_withdrawal_reason_is_told_beside_the_form_and_kept()
    {
        var portal = fixture.Portal;
        var seed = await portal.SeedArticleAsync();
        string channel;
        await using (var db = portal.Settings.Database.CreateContext())
            channel = (await db.Channels.SingleAsync(c => c.Id == seed.ChannelId)).Slug;
        await TestAccounts.CreateAsync(portal, "refusal-publisher", [StaffRoles.Publisher], channel);

        var page = await fixture.SignInAsync("refusal-publisher");
        await page.GotoAsync($"/admin/articles/{seed.Id}");
        await page.FillAsync("#withdrawReason", "太短");
        await page.ClickAsync($"form[action$='/articles/{seed.Id}/withdraw'] button[type=submit]");
        await page.WaitForSelectorAsync("#withdraw-problem");
        Assert.Contains("至少 5 个字", await page.InnerTextAsync("#withdraw-problem"));
        Assert.Equal("太短", await page.InputValueAsync("#withdrawReason"));
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        Assert.Equal(ArticleStatus.Published, (await portal.SeedArticleAsync()).Status);
    }
}
