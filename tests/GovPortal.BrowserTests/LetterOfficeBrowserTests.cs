using GovPortal.BackOffice.Accounts;
using GovPortal.Citizens.Receipts;
using GovPortal.Content;
using GovPortal.Content.Organisations;
using GovPortal.Data.Demo;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// The letters' office in a real browser: every new back-office page (the trays, a letter as each person sees it,
/// the mailboxes, the duties, the 工作台) without WCAG 2.2 AA violations, and a letter assigned, drafted, submitted
/// and approved with the keyboard alone.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class LetterOfficeBrowserTests(BrowserFixture fixture)
{
    private async Task<(int Id, string Number, int Justice, int Mailbox)> WriteLetterAsync()
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        var site = await db.Sites.Select(s => s.Id).FirstAsync();
        var mailbox = await db.Mailboxes.SingleAsync(m => m.Code == DemoLetterSeeder.MailboxCode);
        var justice = await db.Organisations.Where(o => o.CreditCode == DemoDisclosureSeeder.JusticeBureauCode)
            .Select(o => o.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var day = DateOnly.FromDateTime(ChinaTime.ToChina(now));
        var number = await ReceiptNumbers.NextAsync(db, site, "XJ", day, default);
        var code = QueryCode.Hash(QueryCode.NewCode());
        var letter = new Letter
        {
            SiteId = site, MailboxId = mailbox.Id, Number = number, QueryCodeSalt = code.Salt,
            QueryCodeHash = code.Hash, Kind = LetterKinds.Consult, MayPublish = true, ReceivedOn = day,
            ReceivedAtUtc = now, ReplyDays = mailbox.ReplyDaysFor(LetterKinds.Consult), Status = LetterStatus.New,
        };
        letter.SealedContent = fixture.Portal.Service<LetterSeal>().Seal(new LetterContent("键盘办理测试来信",
            "请问社区法律顾问每周几在村里值班？<b>", "浏览器来信人", "13900001111", ""), number);
        db.Letters.Add(letter);
        await db.SaveChangesAsync();
        return (letter.Id, number, justice, mailbox.Id);
    }

    private async Task AddDutyAsync(string userName, int organisationId, string duty)
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        db.OrganisationMembers.Add(new OrganisationMember
        {
            OrganisationId = organisationId, UserId = userId, Duty = duty,
        });
        await db.SaveChangesAsync();
    }

    private static string Js(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    [Fact]
    public async Task Staff_assign_draft_and_approve_a_letter_by_keyboard_on_pages_without_axe_violations()
    {
        var (id, number, justice, mailbox) = await WriteLetterAsync();
        await TestAccounts.CreateAsync(fixture.Portal, "e2e-xxgl", [StaffRoles.Mailbox]);
        await TestAccounts.CreateAsync(fixture.Portal, "e2e-letters-admin", [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(fixture.Portal, "e2e-cbr", []);
        await TestAccounts.CreateAsync(fixture.Portal, "e2e-shr", []);
        await AddDutyAsync("e2e-cbr", justice, OrganisationDuties.Handler);
        await AddDutyAsync("e2e-shr", justice, OrganisationDuties.Reviewer);

        // The 信箱管理员: the trays, the mailboxes, the letter; assigns it to the 司法局 with the keyboard.
        var dispatcher = await fixture.SignInAsync("e2e-xxgl");
        foreach (var path in new[] { "/admin/", "/admin/letters", "/admin/letters?tray=screening",
                     "/admin/letters?tray=overdue", "/admin/mailboxes", $"/admin/mailboxes/{mailbox}",
                     $"/admin/letters/{id}" })
            await Axe.AssertPageAsync(dispatcher, path);
        Assert.Contains("请问社区法律顾问每周几在村里值班？<b>", await dispatcher.InnerTextAsync("#letter-text"));
        await dispatcher.FocusAsync("#organisationId");
        var choice = await dispatcher.EvalOnSelectorAsync<int>("#organisationId",
            $"s => [...s.options].findIndex(o => o.value === {Js(justice.ToString())})");
        for (var i = 0; i < choice; i++) await dispatcher.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(justice.ToString(), await dispatcher.InputValueAsync("#organisationId"));
        await KeyboardUse.TabToAsync(dispatcher, "form[action$='/assign'] button[type=submit]");
        await dispatcher.Keyboard.PressAsync("Enter");
        await dispatcher.WaitForSelectorAsync("#letter-status:has-text('办理中')");
        await Axe.AssertNoViolationsAsync(dispatcher); // with the notice after the step

        // The 承办人: from the 工作台 to the letter; drafts and submits with the keyboard.
        var handler = await fixture.SignInAsync("e2e-cbr");
        await Axe.AssertPageAsync(handler, "/admin/letters?tray=handling");
        await Axe.AssertPageAsync(handler, $"/admin/letters/{id}");
        await handler.FocusAsync("#reply");
        await handler.Keyboard.TypeAsync("您好！社区法律顾问每周三上午在村便民服务中心值班。");
        await KeyboardUse.TabToAsync(handler, "#submit-reply");
        await handler.Keyboard.PressAsync("Enter");
        await handler.WaitForSelectorAsync("#letter-status:has-text('答复待审核')");
        await Axe.AssertNoViolationsAsync(handler);

        // The 审核人 approves with the keyboard; the reply is the letter's answer.
        var reviewer = await fixture.SignInAsync("e2e-shr");
        await Axe.AssertPageAsync(reviewer, "/admin/");
        await Axe.AssertPageAsync(reviewer, $"/admin/letters/{id}");
        await reviewer.FocusAsync("a[href$='/admin/letters']");
        await KeyboardUse.TabToAsync(reviewer, "#approve-reply");
        await reviewer.Keyboard.PressAsync("Enter");
        await reviewer.WaitForSelectorAsync("#letter-status:has-text('已答复')");
        Assert.Contains("每周三上午", await reviewer.InnerTextAsync("#letter-reply"));
        await Axe.AssertNoViolationsAsync(reviewer);

        // The system administrator: the duties page, and the letter masked.
        var admin = await fixture.SignInAsync("e2e-letters-admin");
        await Axe.AssertPageAsync(admin, "/admin/organisation-members");
        await Axe.AssertPageAsync(admin, "/admin/letters?tray=replied");
        await Axe.AssertPageAsync(admin, $"/admin/letters/{id}");
        Assert.Equal("浏*****", (await admin.InnerTextAsync("#letter-name")).Trim());

        await using var db = fixture.Portal.Settings.Database.CreateContext();
        var replied = await db.Letters.AsNoTracking().SingleAsync(l => l.Number == number);
        Assert.Equal(LetterStatus.Replied, replied.Status);
        Assert.Equal("e2e-shr", replied.ApprovedBy);
        Assert.Equal("e2e-cbr", replied.DraftedBy);
        foreach (var page in new[] { dispatcher, handler, reviewer, admin }) await page.Context.CloseAsync();
    }
}
