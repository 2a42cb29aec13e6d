using GovPortal.BackOffice.Accounts;
using GovPortal.Content.Organisations;
using GovPortal.Data.Demo;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// A letter's whole way in a real browser, as the people who take it: a citizen writes to the 区长信箱 with an
/// attachment, the 信箱管理员 opens the attachment and assigns the letter to the 司法局, the bureau's 承办人 drafts
/// the reply, its 审核人 approves it, the citizen reads the reply and rates it, and the letter is published with the
/// writer's name masked and no contact detail on the public page.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class LetterPathTests(BrowserFixture fixture)
{
    private const string Reply = "您好！阳澄湖西路的路灯已于本周修复，感谢您的监督。";

    private async Task<int> JusticeBureauAsync()
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        return await db.Organisations.Where(o => o.CreditCode == DemoDisclosureSeeder.JusticeBureauCode)
            .Select(o => o.Id).SingleAsync();
    }

    private async Task AddDutyAsync(string userName, int organisationId, string duty)
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        db.OrganisationMembers.Add(
            new OrganisationMember { OrganisationId = organisationId, UserId = userId, Duty = duty });
        await db.SaveChangesAsync();
    }

    private async Task<Letter> LetterAsync(string number)
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        return await db.Letters.AsNoTracking().SingleAsync(l => l.Number == number);
    }

    [Fact]
    public async Task A_letter_goes_from_the_citizen_through_the_office_to_a_published_reply()
    {
        var justice = await JusticeBureauAsync();
        await TestAccounts.CreateAsync(fixture.Portal, "path-xxgl", [StaffRoles.Mailbox]);
        await TestAccounts.CreateAsync(fixture.Portal, "path-cbr", []);
        await TestAccounts.CreateAsync(fixture.Portal, "path-shr", []);
        await AddDutyAsync("path-cbr", justice, OrganisationDuties.Handler);
        await AddDutyAsync("path-shr", justice, OrganisationDuties.Reviewer);
        var pdf = TestPdf.Create("路灯照片说明", "阳澄湖西路 12 号门前路灯不亮。");

        // The citizen writes, with an attachment, and keeps the receipt.
        var citizen = await fixture.OpenAsync("/hdjl/xx?mailbox=qzxx");
        await citizen.CheckAsync("#k-" + LetterKinds.Complaint);
        await citizen.FillAsync("#f-subject", "阳澄湖西路路灯不亮");
        await citizen.FillAsync("#f-text", "阳澄湖西路 12 号门前的路灯已经一周不亮，夜里行人不便，请尽快修复。");
        await citizen.FillAsync("#f-name", "王明");
        await citizen.FillAsync("#f-mobile", "13912340000");
        await citizen.CheckAsync("#c-publish");
        await citizen.CheckAsync("#c-notice");
        await citizen.SetInputFilesAsync("#f-files",
            new FilePayload { Name = "说明.pdf", MimeType = "application/pdf", Buffer = pdf });
        await citizen.ClickAsync("form.citizen-form button[type=submit]");
        var number = (await citizen.InnerTextAsync("#receipt-number")).Trim();
        var code = (await citizen.InnerTextAsync("#receipt-code")).Trim();
        var id = (await LetterAsync(number)).Id;

        // The 信箱管理员 reads it, opens the attachment and assigns it to the 司法局.
        var dispatcher = await fixture.SignInAsync("path-xxgl");
        await dispatcher.GotoAsync($"/admin/letters/{id}");
        Assert.Contains("夜里行人不便", await dispatcher.InnerTextAsync("#letter-text"));
        var download = await dispatcher.RunAndWaitForDownloadAsync(
            () => dispatcher.ClickAsync("a[href*='/attachments/']"));
        Assert.Equal(pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
        await dispatcher.SelectOptionAsync("#organisationId", justice.ToString());
        await dispatcher.ClickAsync("form[action$='/assign'] button[type=submit]");
        await dispatcher.WaitForSelectorAsync("#letter-status:has-text('办理中')");

        // The bureau's 承办人 drafts the reply; its 审核人 approves it.
        var handler = await fixture.SignInAsync("path-cbr");
        await handler.GotoAsync($"/admin/letters/{id}");
        await handler.FillAsync("#reply", Reply);
        await handler.ClickAsync("#submit-reply");
        await handler.WaitForSelectorAsync("#letter-status:has-text('答复待审核')");
        var reviewer = await fixture.SignInAsync("path-shr");
        await reviewer.GotoAsync($"/admin/letters/{id}");
        await reviewer.ClickAsync("#approve-reply");
        await reviewer.WaitForSelectorAsync("#letter-status:has-text('已答复')");

        // The citizen reads the reply and rates it.
        await citizen.GotoAsync("/hdjl/cx");
        await citizen.FillAsync("#f-number", number);
        await citizen.FillAsync("#f-code", code);
        await citizen.ClickAsync("form.citizen-form button[type=submit]");
        await Assertions.Expect(citizen.Locator("#found-reply")).ToContainTextAsync("路灯已于本周修复");
        await citizen.CheckAsync("#r-" + LetterRatings.Satisfied);
        await citizen.ClickAsync("form.citizen-form button[type=submit]");
        await Assertions.Expect(citizen.Locator("#found-rating")).ToHaveTextAsync("满意");

        // The 信箱管理员 publishes it (选登): the public page names the writer 王* and shows no contact.
        await dispatcher.GotoAsync($"/admin/letters/{id}");
        await dispatcher.ClickAsync("#letter-publish");
        Assert.Equal("王*", (await dispatcher.InnerTextAsync("#masked-name")).Trim());
        await dispatcher.ClickAsync("#publish-form button[type=submit]");
        // The page comes back with the state 已于 … 公开 (no refusal, no content finding).
        await Assertions.Expect(dispatcher.Locator("#publish-state")).ToContainTextAsync("已于");
        Assert.Null(await dispatcher.QuerySelectorAsync("#publish-error"));
        var published = await citizen.GotoAsync($"/hdjl/xjxd/{number}.html");
        Assert.Equal(200, published!.Status);
        var html = await published.TextAsync();
        Assert.Contains("王*", html);
        Assert.Contains("路灯已于本周修复", html);
        foreach (var secret in new[] { "王明", "13912340000", "说明.pdf" })
            Assert.DoesNotContain(secret, html);
        await citizen.GotoAsync("/hdjl/xjxd/");
        Assert.Contains("阳澄湖西路路灯不亮", await citizen.InnerTextAsync("main"));

        var letter = await LetterAsync(number);
        Assert.Equal((LetterStatus.Replied, LetterRatings.Satisfied, "path-shr"),
            (letter.Status, letter.Rating, letter.ApprovedBy));
        foreach (var page in new[] { citizen, dispatcher, handler, reviewer }) await page.Context.CloseAsync();
    }
}
