using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// The letter form, receipt and lookup in a real browser: axe finds no WCAG 2.2 AA violation in any state (empty,
/// with errors, receipt, found, replied with the rating form, rated) in the standard, 适老版 and 繁體 forms, and a
/// citizen can write, look up and rate with the keyboard alone.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class LetterPageTests(BrowserFixture fixture)
{
    /// <summary>Stands in for the office's approved reply, written straight into the database.</summary>
    private async Task ReplyAsync(string number)
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        var letter = await db.Letters.SingleAsync(l => l.Number == number);
        letter.OrganisationId = (await db.Organisations.OrderBy(o => o.Id).FirstAsync()).Id;
        (letter.Reply, letter.RepliedOn, letter.RepliedAtUtc) =
            ("您好！您反映的路灯问题已修复。\n感谢您的来信。", letter.ReceivedOn, DateTime.UtcNow);
        letter.Status = LetterStatus.Replied;
        letter.Version++;
        await db.SaveChangesAsync();
    }

    private static async Task LookUpAsync(IPage page, string form, string number, string code)
    {
        await page.GotoAsync(form + "/hdjl/cx");
        await page.FillAsync("#f-number", number);
        await page.FillAsync("#f-code", code);
        await page.ClickAsync("form.citizen-form button[type=submit]");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/elder")]
    [InlineData("/zh-hant")]
    public async Task Axe_finds_no_violation_in_any_state_of_the_form_and_the_lookup(string form)
    {
        var page = await fixture.OpenAsync(form + "/hdjl/xx?mailbox=qzxx");
        try
        {
            Assert.Equal(form == "/zh-hant" ? "我要寫信" : "我要写信", (await page.InnerTextAsync("h1")).Trim());
            await Axe.AssertNoViolationsAsync(page);

            // With mistakes: the summary, the messages beside the fields, the note about files.
            await page.FillAsync("#f-subject", "路灯不亮");
            await page.SetInputFilesAsync("#f-files", new FilePayload
            {
                Name = "照片.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1],
            });
            await page.ClickAsync("form.citizen-form button[type=submit]");
            await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            Assert.Equal("路灯不亮", await page.InputValueAsync("#f-subject"));
            await Assertions.Expect(page.Locator("#d-files")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.CheckAsync("#k-suggestion");
            await page.FillAsync("#f-text", "建议在阳澄湖路增设路灯。");
            await page.FillAsync("#f-name", "浏览器写信人");
            await page.FillAsync("#f-mobile", "13912345678");
            await page.CheckAsync("#c-notice");
            await page.SetInputFilesAsync("#f-files", new FilePayload
            {
                Name = "材料.pdf", MimeType = "application/pdf", Buffer = TestPdf.Create("附件"),
            });
            await page.ClickAsync("form.citizen-form button[type=submit]");
            var number = (await page.InnerTextAsync("#receipt-number")).Trim();
            var code = (await page.InnerTextAsync("#receipt-code")).Trim();
            Assert.Matches(@"^XJ\d{8}-\d{4}$", number);
            await Axe.AssertNoViolationsAsync(page);

            await LookUpAsync(page, form, number, "2222-2222-2222");
            await Assertions.Expect(page.Locator("#lookup-message")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
            await LookUpAsync(page, form, number, code);
            Assert.Equal(number, (await page.InnerTextAsync("#found-number")).Trim());
            Assert.Contains("材料.pdf", await page.InnerTextAsync("#found-attachments"));
            await Axe.AssertNoViolationsAsync(page);

            await ReplyAsync(number);
            await LookUpAsync(page, form, number, code);
            await Assertions.Expect(page.Locator("#found-reply")).ToBeVisibleAsync();
            await page.ClickAsync("form.citizen-form button[type=submit]"); // no rating chosen
            await Assertions.Expect(page.Locator("#e-rating")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
            await page.CheckAsync("#r-fair");
            await page.ClickAsync("form.citizen-form button[type=submit]");
            await Assertions.Expect(page.Locator("#found-rating")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_citizen_writes_looks_up_and_rates_with_the_keyboard_alone()
    {
        var page = await fixture.OpenAsync("/hdjl/xx?mailbox=zx12345");
        try
        {
            await KeyboardUse.TabToAsync(page, "#f-mailbox");
            await KeyboardUse.TabToAsync(page, "input[name=kind]");
            await page.Keyboard.PressAsync("Space");
            await KeyboardUse.TabToAsync(page, "#f-subject");
            await page.Keyboard.TypeAsync("键盘写信");
            await KeyboardUse.TabToAsync(page, "#f-text");
            await page.Keyboard.TypeAsync("只用键盘填写的来信。");
            await KeyboardUse.TabToAsync(page, "#f-files");
            await KeyboardUse.TabToAsync(page, "#f-name");
            await page.Keyboard.TypeAsync("键盘写信人");
            await KeyboardUse.TabToAsync(page, "#f-mobile");
            await page.Keyboard.TypeAsync("13812345678");
            await KeyboardUse.TabToAsync(page, "#c-publish");
            await page.Keyboard.PressAsync("Space");
            // Submitted without accepting the notice: the summary's link takes the focus to the checkbox's group.
            await KeyboardUse.TabToAsync(page, "form.citizen-form button[type=submit]");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            Assert.Equal("键盘写信", await page.InputValueAsync("#f-subject"));
            Assert.True(await page.IsCheckedAsync("#k-consult"));
            Assert.True(await page.IsCheckedAsync("#c-publish"));
            await KeyboardUse.TabToAsync(page, ".form-errors a[href='#f-notice']");
            await page.Keyboard.PressAsync("Enter");
            await KeyboardUse.TabToAsync(page, "#c-notice");
            await page.Keyboard.PressAsync("Space");
            await KeyboardUse.TabToAsync(page, "form.citizen-form button[type=submit]");
            await page.Keyboard.PressAsync("Enter");

            var number = (await page.Locator("#receipt-number").InnerTextAsync()).Trim();
            var code = (await page.InnerTextAsync("#receipt-code")).Trim();
            var letter = await LetterAsync(number);
            Assert.Equal((LetterKinds.Consult, true, 5), (letter.Kind, letter.MayPublish, letter.ReplyDays));

            await ReplyAsync(number);
            await page.GotoAsync("/hdjl/cx");
            await KeyboardUse.TabToAsync(page, "#f-number");
            await page.Keyboard.TypeAsync(number);
            await KeyboardUse.TabToAsync(page, "#f-code");
            await page.Keyboard.TypeAsync(code);
            await KeyboardUse.TabToAsync(page, "form.citizen-form button[type=submit]");
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(page.Locator("#found-reply")).ToContainTextAsync("路灯问题已修复");
            await KeyboardUse.TabToAsync(page, "input[name=rating]");
            await page.Keyboard.PressAsync("Space");
            await KeyboardUse.TabToAsync(page, "#f-comment");
            await page.Keyboard.TypeAsync("答复及时。");
            await KeyboardUse.TabToAsync(page, "form.citizen-form button[type=submit]");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#found-rating")).ToHaveTextAsync("满意");
            Assert.Equal(LetterRatings.Satisfied, (await LetterAsync(number)).Rating);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<Letter> LetterAsync(string number)
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        return await db.Letters.AsNoTracking().SingleAsync(l => l.Number == number);
    }
}
