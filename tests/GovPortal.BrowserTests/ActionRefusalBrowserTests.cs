using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Tests.Support;

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
        var channel = await portal.SeedChannelSlugAsync();
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

    [Fact]
    public async Task A_publisher_sets_a_withdrawal_time_after_a_past_one_is_refused_and_then_cancels_it()
    {
        var portal = fixture.Portal;
        var seed = await portal.SeedArticleAsync();
        var channel = await portal.SeedChannelSlugAsync();
        await TestAccounts.CreateAsync(portal, "expiry-publisher", [StaffRoles.Publisher], channel);
        string China(DateTime utc) => ChinaTime.ToChina(utc)
            .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var page = await fixture.SignInAsync("expiry-publisher");
        await page.GotoAsync($"/admin/articles/{seed.Id}");
        var form = $"form[action$='/articles/{seed.Id}/schedule-withdrawal']";
        await page.FillAsync("#withdrawAt", China(DateTime.UtcNow.AddDays(-1)));
        await page.FillAsync("#withdrawalReason", "专项活动结束后下线。");
        await page.ClickAsync(form + " button[type=submit]");
        await page.WaitForSelectorAsync("#schedule-withdrawal-problem");
        Assert.Contains("已经过去", await page.InnerTextAsync("#schedule-withdrawal-problem"));
        Assert.Equal("专项活动结束后下线。", await page.InputValueAsync("#withdrawalReason"));
        await Axe.AssertNoViolationsAsync(page);

        var at = China(DateTime.UtcNow.AddDays(30));
        await page.FillAsync("#withdrawAt", at);
        await page.ClickAsync(form + " button[type=submit]");
        await page.WaitForSelectorAsync("#withdrawal-scheduled");
        Assert.Contains($"定于 {at} 下线", await page.InnerTextAsync("#withdrawal-scheduled"));
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync($"form[action$='/articles/{seed.Id}/cancel-withdrawal'] button[type=submit]");
        await page.WaitForSelectorAsync(form);
        Assert.Null((await portal.SeedArticleAsync()).WithdrawAtUtc);
        await page.Context.CloseAsync();
    }
}
