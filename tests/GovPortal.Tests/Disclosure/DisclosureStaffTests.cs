using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Citizens.Calendar;
using GovPortal.Disclosure;
using GovPortal.Safety.Health;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Disclosure;

/// <summary>
/// Staff handling of applications through HTTP: who sees what (信息公开 in clear, administrators masked, editors
/// nothing), each step with its rules, what the applicant then sees, the audit log, deadlines in the list and the
/// health report, and the working-day calendar page.
/// </summary>
public sealed class DisclosureStaffTests(DisclosurePortalFixture fixture)
    : IClassFixture<DisclosurePortalFixture>, IAsyncLifetime
{
    private RunningPortal Portal => fixture.Portal;
    private StaffClient _officer = null!, _admin = null!, _editor = null!;

    public async Task InitializeAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await TestAccounts.CreateAsync(Portal, "xxgk" + suffix, [StaffRoles.Disclosure]);
        await TestAccounts.CreateAsync(Portal, "admin" + suffix, [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(Portal, "editor" + suffix, [StaffRoles.Editor], "xwzx");
        _officer = await StaffClient.SignInAsync(Portal, "xxgk" + suffix);
        _admin = await StaffClient.SignInAsync(Portal, "admin" + suffix);
        _editor = await StaffClient.SignInAsync(Portal, "editor" + suffix);
    }

    public Task DisposeAsync()
    {
        _officer.Dispose();
        _admin.Dispose();
        _editor.Dispose();
        return Task.CompletedTask;
    }

    private async Task<DisclosureApplication> ApplicationAsync(string number)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.DisclosureApplications.AsNoTracking().SingleAsync(a => a.Number == number);
    }

    private async Task<HttpResponseMessage> StepAsync(string number, string step,
        params (string Key, string Value)[] fields)
    {
        var application = await ApplicationAsync(number);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("version", application.Version.ToString())).ToList();
        return await _officer.PostAsync($"applications/{application.Id}/{step}", all);
    }

    [Fact]
    public async Task Personal_data_is_clear_to_the_officer_masked_to_administrators_and_hidden_from_editors()
    {
        using var applicant = new Applicant(Portal);
        var (number, _) = await applicant.ApplyAsync();
        var id = (await ApplicationAsync(number)).Id;

        var list = await _officer.GetPageAsync("applications");
        Assert.Contains(number, list);
        Assert.Contains(Applicant.Name, list);
        var detail = Html.Parse(await _officer.GetPageAsync($"applications/{id}"));
        Assert.Equal(Applicant.Name, detail.QuerySelector("#applicant-name").Text());
        Assert.Equal(Applicant.IdNumber, detail.QuerySelector("#applicant-id").Text());
        Assert.Equal("13812345678", detail.QuerySelector("#applicant-phone").Text());

        var adminList = await _admin.GetPageAsync("applications");
        Assert.Contains(number, adminList);
        Assert.DoesNotContain(Applicant.Name, adminList);
        Assert.Contains("测*****", adminList);
        var adminHtml = await _admin.GetPageAsync($"applications/{id}");
        var adminDetail = Html.Parse(adminHtml);
        Assert.Equal("3205**********1231", adminDetail.QuerySelector("#applicant-id").Text());
        Assert.Equal("138****5678", adminDetail.QuerySelector("#applicant-phone").Text());
        foreach (var secret in new[] { Applicant.Name, Applicant.IdNumber, "13812345678", "测试路1号", "立项批复" })
            Assert.DoesNotContain(secret, adminHtml);
        Assert.Null(adminDetail.QuerySelector("form[action$='/register']"));

        foreach (var page in new[] { "applications", $"applications/{id}", $"applications/{id}/answer" })
            Assert.Equal(HttpStatusCode.Forbidden, (await _editor.GetAsync(page)).StatusCode);
        // An administrator may look but not act; the server refuses whatever the page offered.
        using var adminStep = await _admin.PostAsync($"applications/{id}/register", [new("version", "1")]);
        Assert.Equal(HttpStatusCode.Forbidden, adminStep.StatusCode);
        Assert.Equal(DisclosureStatus.Submitted, (await ApplicationAsync(number)).Status);

        await using var db = Portal.Settings.Database.CreateContext();
        var looks = await db.AuditEntries.Where(e => e.Target == number).Select(e => e.Action).ToListAsync();
        Assert.Contains("依申请公开.查看个人信息", looks);
    }

    [Fact]
    public async Task An_application_goes_from_receipt_through_correction_and_extension_to_an_answer()
    {
        using var applicant = new Applicant(Portal);
        var (number, code) = await applicant.ApplyAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await StepAsync(number, "register")).StatusCode);
        Assert.Equal(DisclosureStatus.Registered, (await ApplicationAsync(number)).Status);

        // 补正: asked once, the clock stops; the applicant answers on the lookup page and the clock restarts.
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(number, "correction", ("request", " "))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await StepAsync(number, "correction", ("request", "请写明所需文件的年份和文号。"))).StatusCode);
        var (_, page, _) = await applicant.LookupAsync(number, code);
        Assert.Equal("待补正", page.QuerySelector("#found-status").Text());
        Assert.Equal("请写明所需文件的年份和文号。", page.QuerySelector("#found-correction").Text());
        Assert.Contains("等待您补正", page.QuerySelector("#found-due").Text());
        var correction = new Dictionary<string, string> { ["number"] = number, ["code"] = code };
        var (status, refused, _) = await applicant.PostAsync(Applicant.LookupPath + "/bz",
            new Dictionary<string, string>(correction) { ["correction"] = "" }, tokenPage: Applicant.LookupPath);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("请填写补正内容", refused.QuerySelector("#e-correction").Text());
        (status, page, _) = await applicant.PostAsync(Applicant.LookupPath + "/bz",
            new Dictionary<string, string>(correction) { ["correction"] = "相城区2025年城市更新立项批复，相发改〔2025〕8号。" },
            tokenPage: Applicant.LookupPath);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("已登记", page.QuerySelector("#found-status").Text());
        var corrected = await ApplicationAsync(number);
        Assert.Equal(corrected.CorrectionSuppliedOn, corrected.ClockStartsOn);
        Assert.DoesNotContain("相发改", corrected.SealedCorrection);
        var officerView = await _officer.GetPageAsync($"applications/{corrected.Id}");
        Assert.Contains("相发改〔2025〕8号", officerView);
        using (var again = await StepAsync(number, "correction", ("request", "再补正一次")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("补正只能要求一次", await again.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.SeeOther, (await StepAsync(number, "start")).StatusCode);
        // 延期: at most 20 working days, with the reason and the approving head.
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(number, "extend", ("days", "21"),
            ("reason", "需征求第三方意见"), ("approvedBy", "王局长"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(number, "extend", ("days", "10"),
            ("reason", "需征求第三方意见"), ("approvedBy", ""))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await StepAsync(number, "extend", ("days", "10"),
            ("reason", "需征求第三方意见"), ("approvedBy", "王局长"))).StatusCode);
        var extended = await ApplicationAsync(number);
        var calendar = await Portal.CalendarAsync();
        var newDue = DisclosureDeadlines.AnswerDue(extended, calendar);
        Assert.Equal(calendar.Deadline(extended.ClockStartsOn, 30).Date, newDue.Date);
        (_, page, _) = await applicant.LookupAsync(number, code);
        Assert.Contains("延长 10 个工作日", page.QuerySelector("#found-extension").Text());
        // As the applicant reads it: a date, or (late in a year whose next calendar is not entered) a notice.
        Assert.Contains(GovPortal.Disclosure.Public.DueText.Of(newDue), page.QuerySelector("#found-extension").Text());
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(number, "extend", ("days", "5"),
            ("reason", "再延一次"), ("approvedBy", "王局长"))).StatusCode);

        // 答复: a reason of the chosen category, and the 答复书 through the back office's upload checks.
        var pdf = TestPdf.Create("答复书", "经审查，该信息属于国家秘密。");
        Assert.Equal(HttpStatusCode.BadRequest, (await AnswerAsync(number, "withhold", "", pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AnswerAsync(number, "withhold", "not-held", pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await AnswerAsync(number, "withhold", "state-secret", "not a pdf"u8.ToArray())).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await AnswerAsync(number, "withhold", "state-secret", pdf)).StatusCode);
        var answered = await ApplicationAsync(number);
        Assert.Equal(("withhold", "state-secret", DisclosureStatus.Answered),
            (answered.OutcomeCategory, answered.OutcomeReason, answered.Status));

        (_, page, _) = await applicant.LookupAsync(number, code);
        Assert.Equal("已答复", page.QuerySelector("#found-status").Text());
        Assert.Equal("不予公开（属于国家秘密）", page.QuerySelector("#found-outcome").Text());
        var token = await applicant.TokenAsync(Applicant.LookupPath);
        using var download = await applicant.Http.PostAsync(Applicant.LookupPath + "/dfs", new FormUrlEncodedContent(
            new Dictionary<string, string>(correction) { ["__form"] = token }));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);

        // A form from a page shown before the answer is refused as stale, and nothing changes.
        using (var stale = await _officer.PostAsync($"applications/{answered.Id}/start", [new("version", "1")]))
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        await using var db = Portal.Settings.Database.CreateContext();
        var audit = await db.AuditEntries.Where(e => e.Target == number).ToListAsync();
        Assert.Equal(
            ["依申请公开.提交", "依申请公开.登记", "依申请公开.补正告知", "依申请公开.补正", "依申请公开.办理", "依申请公开.延期",
                "依申请公开.答复"],
            audit.Select(e => e.Action).Where(a => a != "依申请公开.查看个人信息").ToList());
        foreach (var entry in audit)
            foreach (var secret in new[] { Applicant.Name, Applicant.IdNumber, "13812345678", "相发改" })
                Assert.DoesNotContain(secret, entry.Details + entry.Target);
        Assert.Contains(audit, e => e.Details.Contains("批准人：王局长"));
    }

    private async Task<HttpResponseMessage> AnswerAsync(string number, string category, string reason, byte[] file)
    {
        var application = await ApplicationAsync(number);
        return await _officer.PostMultipartAsync($"applications/{application.Id}/answer",
            [new("version", application.Version.ToString()), new("category", category), new("reason", reason),
                new("note", "详见答复书。")],
            [("答复书.pdf", file)], fileField: "file");
    }

    [Fact]
    public async Task Overdue_and_due_soon_applications_are_flagged_in_the_list_and_the_health_report()
    {
        using var applicant = new Applicant(Portal);
        var (overdue, _) = await applicant.ApplyAsync();
        var (soon, _) = await applicant.ApplyAsync();
        var today = Portal.Service<DisclosureIntake>().Today;
        var calendar = await Portal.CalendarAsync();
        var start = today;
        while (calendar.Deadline(start, 20).Date > calendar.AddWorkingDays(today, 3).Date) start = start.AddDays(-1);
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var late = await db.DisclosureApplications.SingleAsync(a => a.Number == overdue);
            (late.ReceivedOn, late.ClockStartsOn, late.Status) = (new(2025, 6, 3), new(2025, 6, 3),
                DisclosureStatus.Processing);
            var close = await db.DisclosureApplications.SingleAsync(a => a.Number == soon);
            (close.ReceivedOn, close.ClockStartsOn) = (start, start);
            await db.SaveChangesAsync();
        }
        var list = Html.Parse(await _officer.GetPageAsync("applications"));
        Assert.Contains(overdue, list.QuerySelector("#overdue-heading")!.ParentElement.Text());
        Assert.DoesNotContain(soon, list.QuerySelector("#overdue-heading")!.ParentElement.Text());
        Assert.Contains(soon, list.QuerySelector("#soon-heading")!.ParentElement.Text());
        Assert.Contains("已逾期", list.QuerySelector("tr.overdue").Text());

        var report = await Portal.Service<HealthChecker>().CheckAsync();
        Assert.Contains(DisclosureHealth.OverdueIndicator, report.Checked);
        var problem = Assert.Single(report.Problems, p => p.Where == overdue);
        Assert.Equal(DisclosureHealth.OverdueIndicator, problem.Indicator);
        Assert.Contains("2025-07-01", problem.Detail); // 20 working days after 6-03, with 端午 5-31…6-02 before it
        Assert.DoesNotContain(report.Problems, p => p.Where == soon);
        Assert.DoesNotContain(Applicant.Name, string.Join("", report.Problems.Select(p => p.Detail)));

        var dashboard = await _officer.GetPageAsync("");
        Assert.Contains("依申请公开：即将到期和已逾期的申请", dashboard);
    }

    [Fact]
    public async Task Links_from_published_pages_to_the_form_and_lookup_are_not_reported_as_broken()
    {
        await using var room = await Newsroom.StartAsync(Portal);
        await room.PublishNewAsync("依申请公开链接测试", "<p><a href=\"/zfxxgk/ysqgk/\">申请</a>"
            + "<a href=\"/elder/zfxxgk/ysqgk/cx\">查询</a><a href=\"/zfxxgk/ysqgk-nope/\">无此页</a></p>");
        var broken = (await Portal.Service<HealthChecker>().CheckAsync()).Problems
            .Where(p => p.Indicator == "不可用链接").Select(p => p.Detail).ToList();
        Assert.Contains(broken, d => d.Contains("/zfxxgk/ysqgk-nope/"));
        Assert.DoesNotContain(broken, d => d.Contains("/zfxxgk/ysqgk/") || d.Contains("/zfxxgk/ysqgk/cx"));
    }

    [Fact]
    public async Task Only_administrators_see_and_change_the_working_day_calendar()
    {
        var page = Html.Parse(await _admin.GetPageAsync("calendar/2025"));
        var days = page.QuerySelector("#days").Text();
        Assert.Contains("2025-10-11 班 调休上班", page.QuerySelector("#days")!.TextContent);
        Assert.Contains("国办发明电〔2024〕12号", page.QuerySelector("#source")!.GetAttribute("value"));
        Assert.NotEmpty(days);
        foreach (var who in new[] { _officer, _editor })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await who.GetAsync("calendar/2025")).StatusCode);
            using var post = await who.PostAsync("calendar/2030", [new("source", "x"), new("days", "")],
                tokenPage: "");
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        using (var wrong = await _admin.PostAsync("calendar/2030",
                   [new("source", "国务院办公厅关于2030年部分节假日安排的通知"), new("days", "2030-10-01 休 国庆节\n2030-10-02 放")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var html = Html.Parse(await wrong.Content.ReadAsStringAsync());
            Assert.Contains("第 2 行：日期后应写“休”（放假）或“班”（调休上班）。", html.QuerySelector("[role=alert]").Text());
            Assert.Contains("2030-10-02 放", html.QuerySelector("#days")!.TextContent);
        }
        Assert.False((await Portal.CalendarAsync()).Knows(2030));
        using (var saved = await _admin.PostAsync("calendar/2030",
                   [new("source", "国务院办公厅关于2030年部分节假日安排的通知"), new("days", "2030-10-01 休 国庆节\n2030-09-29 班")]))
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var calendar = await Portal.CalendarAsync();
        Assert.True(calendar.Knows(2030));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 9, 29)));
        await using var db = Portal.Settings.Database.CreateContext();
        Assert.Contains(db.AuditEntries, e => e.Action == "工作日历.修改" && e.Target == "2030 年");

        // When the calendar runs out, the health report says so: in the year itself, and next year's from December.
        var health = Portal.Service<DisclosureHealth>();
        var november = await health.ProblemsAsync("main",
            new DateTime(2030, 11, 30, 4, 0, 0, DateTimeKind.Utc), default);
        Assert.DoesNotContain(november, p => p.Indicator == DisclosureHealth.CalendarIndicator);
        var december = await health.ProblemsAsync("main",
            new DateTime(2030, 12, 1, 4, 0, 0, DateTimeKind.Utc), default);
        Assert.Contains(december, p => p.Indicator == DisclosureHealth.CalendarIndicator && p.Detail.Contains("2031"));
        var later = await health.ProblemsAsync("main",
            new DateTime(2031, 3, 2, 4, 0, 0, DateTimeKind.Utc), default);
        Assert.Contains(later, p => p.Indicator == DisclosureHealth.CalendarIndicator
                                     && p.Detail.StartsWith("缺少 2031 年的工作日历"));
    }

    [Fact]
    public async Task An_application_past_its_deadline_can_no_longer_be_extended_and_stays_overdue()
    {
        using var applicant = new Applicant(Portal);
        var (number, _) = await applicant.ApplyAsync();
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var late = await db.DisclosureApplications.SingleAsync(a => a.Number == number);
            (late.ReceivedOn, late.ClockStartsOn, late.Status) = (new(2025, 6, 3), new(2025, 6, 3),
                DisclosureStatus.Processing);
            await db.SaveChangesAsync();
        }

        using var refused = await StepAsync(number, "extend", ("days", "10"), ("reason", "需征求第三方意见"),
            ("approvedBy", "王局长"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不能再延期", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, (await ApplicationAsync(number)).ExtensionDays);
    }

    [Fact]
    public async Task Only_the_officer_downloads_the_answer_letter_and_lists_and_downloads_are_audited()
    {
        using var applicant = new Applicant(Portal);
        var (number, _) = await applicant.ApplyAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await StepAsync(number, "register")).StatusCode);
        var pdf = TestPdf.Create("答复书", "经审查，予以公开。");
        using (var answered = await AnswerAsync(number, "disclose", "", pdf))
            Assert.Equal(HttpStatusCode.SeeOther, answered.StatusCode);
        var id = (await ApplicationAsync(number)).Id;

        using (var adminFile = await _admin.GetAsync($"applications/{id}/answer"))
            Assert.Equal(HttpStatusCode.NotFound, adminFile.StatusCode);
        using (var officerFile = await _officer.GetAsync($"applications/{id}/answer"))
        {
            Assert.Equal(HttpStatusCode.OK, officerFile.StatusCode);
            Assert.Equal(pdf, await officerFile.Content.ReadAsByteArrayAsync());
        }
        await _officer.GetPageAsync("applications");

        await using var db = Portal.Settings.Database.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.Action.StartsWith("依申请公开.")).ToListAsync();
        Assert.Single(entries, e => e.Action == "依申请公开.下载答复书" && e.Target == number);
        Assert.Contains(entries, e => e.Action == "依申请公开.查看申请列表");
        // The answer's entry names the kind of file, never its name (often the applicant's).
        Assert.Contains(entries, e => e.Action == "依申请公开.答复" && e.Target == number && e.Details.Contains("PDF 文件"));
        Assert.DoesNotContain(entries, e => e.Details.Contains("答复书.pdf"));
    }

    [Fact]
    public async Task An_old_overdue_application_is_listed_however_many_newer_ones_there_are()
    {
        using var applicant = new Applicant(Portal);
        var (old, _) = await applicant.ApplyAsync();
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var late = await db.DisclosureApplications.SingleAsync(a => a.Number == old);
            (late.ReceivedOn, late.ClockStartsOn, late.ReceivedAtUtc, late.Status) = (new(2025, 6, 3),
                new(2025, 6, 3), new DateTime(2025, 6, 3, 2, 0, 0, DateTimeKind.Utc), DisclosureStatus.Processing);
            var today = Portal.Service<DisclosureIntake>().Today;
            // Newer answered applications, one of them sealed with a key this portal does not have.
            for (var i = 0; i < 501; i++)
                db.DisclosureApplications.Add(new DisclosureApplication
                {
                    SiteId = late.SiteId, Number = $"YSQ99990101-{i:0000}", ReceivedOn = today, ClockStartsOn = today,
                    ReceivedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                    Status = DisclosureStatus.Answered,
                    ApplicantType = ApplicantTypes.Citizen, SealedApplicant = "klost:AAAA",
                });
            await db.SaveChangesAsync();
        }

        var list = Html.Parse(await _officer.GetPageAsync("applications"));

        Assert.Contains(old, list.QuerySelector("#overdue-heading")!.ParentElement.Text());
        Assert.DoesNotContain(old, list.QuerySelector("#all-heading")!.ParentElement.Text());
        Assert.Contains("只列出最近收到的 500 件", list.QuerySelector("#all-heading")!.ParentElement.Text());
        Assert.Contains("无法解密", list.QuerySelector("#all-heading")!.ParentElement.Text());
    }

    [Fact]
    public async Task A_correction_returns_the_application_to_where_it_stood_and_is_taken_once()
    {
        using var applicant = new Applicant(Portal);
        var (number, code) = await applicant.ApplyAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await StepAsync(number, "register")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await StepAsync(number, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await StepAsync(number, "correction", ("request", "请写明文号。"))).StatusCode);
        var correction = new Dictionary<string, string>
        {
            ["number"] = number, ["code"] = code, ["correction"] = "相发改〔2025〕8号。",
        };

        var (status, page, _) = await applicant.PostAsync(Applicant.LookupPath + "/bz", correction,
            tokenPage: Applicant.LookupPath);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(DisclosureStatus.Processing, (await ApplicationAsync(number)).Status);
        Assert.Equal(DisclosureStatusLabels.Of(DisclosureStatus.Processing),
            page.QuerySelector("#found-status").Text());

        (status, page, _) = await applicant.PostAsync(Applicant.LookupPath + "/bz", correction,
            tokenPage: Applicant.LookupPath);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("补正已经提交过了", page.QuerySelector("#lookup-message").Text());
    }
}
