using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// 依申请公开 end to end in a real browser: a citizen applies and keeps the receipt, the 信息公开 officer asks for a
/// 补正, the citizen supplies it, the officer extends and answers with a file, the citizen reads the answer and
/// downloads it; a wrong 查询码 finds nothing; the public pages have no WCAG 2.2 AA violations.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class DisclosurePathTests(BrowserFixture fixture)
{
    private static async Task LookUpAsync(IPage page, string number, string code)
    {
        await page.GotoAsync("/zfxxgk/ysqgk/cx");
        await page.FillAsync("#f-number", number);
        await page.FillAsync("#f-code", code);
        await page.ClickAsync("button:has-text('查询')");
    }

    [Fact]
    public async Task A_citizen_applies_staff_ask_for_a_correction_extend_and_answer_and_the_citizen_downloads_it()
    {
        await TestAccounts.CreateAsync(fixture.Portal, "e2e-xxgk", [StaffRoles.Disclosure]);
        // The citizen: the form first with a mistake (kept input, messages), then right.
        var citizen = await fixture.OpenAsync("/zfxxgk/ysqgk/");
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.CheckAsync("#t-citizen");
        await citizen.FillAsync("#f-name", "浏览器申请人");
        await citizen.FillAsync("#f-idNumber", "320507198001011232");
        await citizen.FillAsync("#f-phone", "13912345678");
        await citizen.FillAsync("#f-address", "江苏省苏州市相城区浏览器路8号");
        await citizen.FillAsync("#f-postCode", "215131");
        await citizen.FillAsync("#f-description", "申请公开相城区2025年度道路养护计划。");
        await citizen.CheckAsync("#d-post");
        await citizen.CheckAsync("#m-paper");
        await citizen.ClickAsync("button:has-text('提交申请')");
        Assert.Contains("校验位", await citizen.InnerTextAsync("#e-idNumber"));
        Assert.Contains("请阅读个人信息保护告知", await citizen.InnerTextAsync(".form-errors"));
        Assert.Equal("浏览器申请人", await citizen.InputValueAsync("#f-name"));
        Assert.True(await citizen.IsCheckedAsync("#d-post"));
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.FillAsync("#f-idNumber", "320507198001011231");
        await citizen.CheckAsync("#c-notice");
        await citizen.ClickAsync("button:has-text('提交申请')");
        var number = (await citizen.InnerTextAsync("#receipt-number")).Trim();
        var code = (await citizen.InnerTextAsync("#receipt-code")).Trim();
        Assert.Matches(@"^YSQ\d{8}-\d{4}$", number);
        await Axe.AssertNoViolationsAsync(citizen);

        // A wrong 查询码 finds nothing.
        await LookUpAsync(citizen, number, "2222-2222-2222");
        Assert.StartsWith("未找到", (await citizen.InnerTextAsync("#lookup-message")).Trim());
        Assert.Equal(0, await citizen.Locator("#found-number").CountAsync());
        await Axe.AssertNoViolationsAsync(citizen);

        // The officer registers it and asks for a 补正.
        var officer = await fixture.SignInAsync("e2e-xxgk");
        await officer.ClickAsync("text=依申请公开：即将到期和已逾期的申请");
        await officer.ClickAsync($"section:has(#all-heading) a:text('{number}')");
        Assert.Equal("浏览器申请人", (await officer.InnerTextAsync("#applicant-name")).Trim());
        await officer.ClickAsync("button:has-text('登记')");
        Assert.Contains("已登记", await officer.InnerTextAsync("#detail-status"));
        await officer.FillAsync("#request", "请说明需要哪一条道路的养护计划。");
        await officer.ClickAsync("button:has-text('发出补正告知')");
        Assert.Contains("待补正", await officer.InnerTextAsync("#detail-status"));

        // The citizen reads the request and supplies the correction.
        await LookUpAsync(citizen, number, code);
        Assert.Equal("待补正", (await citizen.InnerTextAsync("#found-status")).Trim());
        Assert.Contains("哪一条道路", await citizen.InnerTextAsync("#found-correction"));
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.FillAsync("#f-correction", "需要阳澄湖大道2025年度的养护计划。");
        await citizen.ClickAsync("button:has-text('提交补正')");
        Assert.Contains("补正已提交", await citizen.InnerTextAsync("#lookup-message"));

        // The officer starts, extends and answers with the 答复书.
        await officer.ReloadAsync();
        Assert.Contains("阳澄湖大道", await officer.InnerTextAsync("main"));
        await officer.ClickAsync("button:has-text('开始办理')");
        await Axe.AssertNoViolationsAsync(officer); // the detail with every step's form
        await officer.FillAsync("#days", "15");
        await officer.FillAsync("#reason-extend", "需要征求养护单位意见。");
        await officer.FillAsync("#approvedBy", "李主任");
        await officer.ClickAsync("button:has-text('延期')");
        Assert.Contains("批准人：李主任", await officer.InnerTextAsync("main"));
        await officer.SelectOptionAsync("#category", "partial");
        await officer.FillAsync("#note", "部分内容涉及第三方，已作区分处理。");
        await officer.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "答复书.pdf", MimeType = "application/pdf", Buffer = TestPdf.Create("政府信息公开申请答复书"),
        });
        await officer.ClickAsync("form[enctype] button:has-text('答复')");
        Assert.Contains("部分公开", await officer.InnerTextAsync("#detail-outcome"));
        await officer.GotoAsync("/admin/applications");
        await Axe.AssertNoViolationsAsync(officer);

        // The citizen sees the new date, the outcome, and downloads the reply.
        await LookUpAsync(citizen, number, code);
        Assert.Equal("已答复", (await citizen.InnerTextAsync("#found-status")).Trim());
        Assert.Contains("延长 15 个工作日", await citizen.InnerTextAsync("#found-extension"));
        Assert.Equal("部分公开", (await citizen.InnerTextAsync("#found-outcome")).Trim());
        await Axe.AssertNoViolationsAsync(citizen);
        var download = await citizen.RunAndWaitForDownloadAsync(
            () => citizen.ClickAsync("button:has-text('下载答复书')"));
        Assert.Equal("答复书.pdf", download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(saved!)[..4]));
    }

    [Theory]
    [InlineData("/elder", "申请人类型")]
    [InlineData("/zh-hant", "申請人類型")]
    public async Task The_elder_and_traditional_forms_apply_and_look_up_without_axe_violations(string prefix,
        string applicantType)
    {
        var citizen = await fixture.OpenAsync(prefix + "/zfxxgk/ysqgk/");
        Assert.Contains(applicantType, await citizen.InnerTextAsync("main"));
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.CheckAsync("#t-citizen");
        await citizen.FillAsync("#f-name", "适老版申请人");
        await citizen.FillAsync("#f-idNumber", "11010519491231002X");
        await citizen.FillAsync("#f-phone", "13912345679");
        await citizen.FillAsync("#f-address", "江苏省苏州市相城区元和街道8号");
        await citizen.FillAsync("#f-postCode", "215131");
        await citizen.FillAsync("#f-description", "申请公开相城区2025年度老年助餐点名单。");
        await citizen.CheckAsync("#d-post");
        await citizen.CheckAsync("#m-paper");
        await citizen.ClickAsync("main form button[type=submit]");
        Assert.Equal("适老版申请人", await citizen.InputValueAsync("#f-name")); // refused: the notice not accepted
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.CheckAsync("#c-notice");
        await citizen.ClickAsync("main form button[type=submit]");
        var number = (await citizen.InnerTextAsync("#receipt-number")).Trim();
        var code = (await citizen.InnerTextAsync("#receipt-code")).Trim();
        await Axe.AssertNoViolationsAsync(citizen);

        await citizen.GotoAsync(prefix + "/zfxxgk/ysqgk/cx");
        await citizen.FillAsync("#f-number", number);
        await citizen.FillAsync("#f-code", code);
        await citizen.ClickAsync("main form button[type=submit]");
        Assert.Equal(number, (await citizen.InnerTextAsync("#found-number")).Trim());
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.Context.CloseAsync();
    }

    [Fact]
    public async Task The_working_day_calendar_page_and_the_masked_views_have_no_axe_violations()
    {
        await TestAccounts.CreateAsync(fixture.Portal, "e2e-calendar-admin", [StaffRoles.Administrator]);
        var admin = await fixture.SignInAsync("e2e-calendar-admin");
        await admin.ClickAsync("nav >> text=工作日历");
        Assert.Contains("休", await admin.InputValueAsync("#days"));
        await Axe.AssertNoViolationsAsync(admin);
        await admin.GotoAsync("/admin/applications");
        await Axe.AssertNoViolationsAsync(admin);
        await admin.Context.CloseAsync();
    }
}
