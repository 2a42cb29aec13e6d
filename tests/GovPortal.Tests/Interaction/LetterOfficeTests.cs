using System.Net;
using GovPortal.BackOffice.Letters;
using GovPortal.Interaction.Letters;
using GovPortal.Safety.Health;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// The letters' office through HTTP: the whole staff path (assign, draft, review, send back, approve; return and
/// reassign; merge; screening), who may read and change what (the 信箱管理员 everything, an organisation's members
/// only its letters, administrators masked, editors nothing), stale versions, CSRF, hostile input in every field.
/// </summary>
public sealed class LetterOfficeTests(LetterOfficeFixture fixture)
    : IClassFixture<LetterOfficeFixture>, IAsyncLifetime
{
    private LetterDesk _desk = null!;

    private RunningPortal Portal => fixture.Portal;

    public async Task InitializeAsync() => _desk = await LetterDesk.StartAsync(Portal);

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task A_letter_goes_from_assignment_through_review_to_the_citizen_and_every_step_is_audited()
    {
        var letter = await _desk.WriteAsync();
        var list = await _desk.Dispatcher.GetPageAsync("letters?tray=dispatch");
        Assert.Contains(letter.Number, list);
        Assert.Contains(LetterDesk.Subject, list);

        await _desk.DoAsync(_desk.Dispatcher, letter.Id, "assign", ("organisationId", _desk.Justice.ToString()));
        var assigned = await _desk.LetterAsync(letter.Id);
        Assert.Equal(LetterStatus.Assigned, assigned.Status);
        Assert.Equal(_desk.Justice, assigned.OrganisationId);
        Assert.Contains(letter.Number, await _desk.Handler.GetPageAsync("letters?tray=handling"));

        var page = Html.Parse(await _desk.Handler.GetPageAsync($"letters/{letter.Id}"));
        Assert.Equal(LetterDesk.Text, page.QuerySelector("#letter-text").Text());
        Assert.Equal(LetterDesk.Writer, page.QuerySelector("#letter-name").Text());
        Assert.Equal(LetterDesk.Mobile, page.QuerySelector("#letter-mobile").Text());
        Assert.NotNull(page.QuerySelector($"form[action$='/letters/{letter.Id}/draft'] textarea[name=reply]"));
        Assert.Null(page.QuerySelector("form[action$='/approve']"));

        await _desk.DoAsync(_desk.Handler, letter.Id, "draft", ("reply", "初稿"));
        Assert.Equal("初稿", (await _desk.LetterAsync(letter.Id)).DraftReply);
        await _desk.DoAsync(_desk.Handler, letter.Id, "submit", ("reply", "您好！路灯已安排维修。"));
        Assert.Equal(LetterStatus.AwaitingReview, (await _desk.LetterAsync(letter.Id)).Status);
        Assert.Contains(letter.Number, await _desk.Reviewer.GetPageAsync("letters?tray=review"));

        // The reviewer sends it back with a comment; the 承办人 sees the comment, changes the draft, submits again.
        await _desk.DoAsync(_desk.Reviewer, letter.Id, "sendback", ("comment", "请写明维修完成的时间。"));
        var sentBack = await _desk.LetterAsync(letter.Id);
        Assert.Equal(LetterStatus.Assigned, sentBack.Status);
        page = Html.Parse(await _desk.Handler.GetPageAsync($"letters/{letter.Id}"));
        Assert.Contains("请写明维修完成的时间。", page.QuerySelector("#letter-review-comment").Text());
        Assert.Equal("您好！路灯已安排维修。", page.QuerySelector("textarea[name=reply]")!.TextContent);
        await _desk.DoAsync(_desk.Handler, letter.Id, "submit", ("reply", "您好！路灯将于12月5日前修复。"));
        await _desk.DoAsync(_desk.Reviewer, letter.Id, "approve");

        var replied = await _desk.LetterAsync(letter.Id);
        Assert.Equal(LetterStatus.Replied, replied.Status);
        Assert.Equal("您好！路灯将于12月5日前修复。", replied.Reply);
        Assert.Equal(new DateOnly(2026, 12, 1), replied.RepliedOn);
        Assert.Equal(_desk.ReviewerName, replied.ApprovedBy);
        Assert.Equal(_desk.HandlerName, replied.DraftedBy);
        Assert.Equal("已答复", LetterStatusLabels.ForCitizen(replied.Status));
        Assert.Contains(letter.Number, await _desk.Dispatcher.GetPageAsync("letters?tray=replied"));
        // A letter the citizen allowed to be published offers the publishing page (built with the public pages).
        page = Html.Parse(await _desk.Dispatcher.GetPageAsync($"letters/{letter.Id}"));
        Assert.EndsWith($"/letters/{letter.Id}/publish", page.QuerySelector("#letter-publish")!.GetAttribute("href"));
        Assert.Equal("您好！路灯将于12月5日前修复。", page.QuerySelector("#letter-reply").Text());

        await using var db = Portal.Settings.Database.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.Target == letter.Number).ToListAsync();
        var actions = entries.Select(e => e.Action).ToList();
        foreach (var action in new[] { LetterAudit.Assign, LetterAudit.Draft, LetterAudit.Submit,
                     LetterAudit.SendBack, LetterAudit.Approve, LetterAudit.Read })
            Assert.Contains(action, actions);
        foreach (var entry in entries)
            foreach (var secret in new[] { LetterDesk.Writer, LetterDesk.Mobile, LetterDesk.Text, LetterDesk.Subject,
                         LetterDesk.Email, "路灯" })
                Assert.DoesNotContain(secret, entry.Details);
    }

    [Fact]
    public async Task A_reviewer_cannot_approve_a_reply_they_drafted_themselves()
    {
        var letter = await _desk.WriteAsync(LetterStatus.Assigned, organisationId: _desk.Justice);
        await _desk.AddDutyAsync(_desk.ReviewerName, _desk.Office, "Handler");
        var other = await _desk.WriteAsync(LetterStatus.Assigned, organisationId: _desk.Office);
        await _desk.AddDutyAsync(_desk.ReviewerName, _desk.Office, "Reviewer");
        await _desk.DoAsync(_desk.Reviewer, other.Id, "submit", ("reply", "自己起草的答复"));
        using var own = await _desk.StepAsync(_desk.Reviewer, other.Id, "approve");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("不能审核自己起草的答复", await own.Content.ReadAsStringAsync());
        Assert.Equal(LetterStatus.AwaitingReview, (await _desk.LetterAsync(other.Id)).Status);
        // And a reviewer is not a 承办人: drafting for the 司法局 is refused.
        using var draft = await _desk.StepAsync(_desk.Reviewer, letter.Id, "draft", ("reply", "x"));
        Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);
    }

    [Fact]
    public async Task A_letter_sent_back_by_its_organisation_goes_to_the_dispatcher_with_the_reason_for_reassignment()
    {
        var letter = await _desk.WriteAsync(LetterStatus.Assigned, organisationId: _desk.Justice);
        using var empty = await _desk.StepAsync(_desk.Handler, letter.Id, "return", ("returnReason", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        await _desk.DoAsync(_desk.Handler, letter.Id, "return", ("returnReason", "路灯维护属于城管部门职责。"));
        var returned = await _desk.LetterAsync(letter.Id);
        Assert.Equal(LetterStatus.Returned, returned.Status);
        Assert.Null(returned.OrganisationId);
        Assert.Equal("路灯维护属于城管部门职责。", returned.ReturnReason);
        // No longer the 司法局's: its members cannot open it any more.
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Handler.GetAsync($"letters/{letter.Id}")).StatusCode);

        var dispatch = await _desk.Dispatcher.GetPageAsync("letters?tray=dispatch");
        Assert.Contains(letter.Number, dispatch);
        Assert.Contains("路灯维护属于城管部门职责。", dispatch);
        await _desk.DoAsync(_desk.Dispatcher, letter.Id, "assign", ("organisationId", _desk.Office.ToString()));
        Assert.Equal(_desk.Office, (await _desk.LetterAsync(letter.Id)).OrganisationId);
        Assert.Contains(letter.Number, await _desk.OtherHandler.GetPageAsync("letters?tray=handling"));
    }

    [Fact]
    public async Task A_duplicate_merged_into_another_letter_is_answered_by_its_reply()
    {
        var target = await _desk.WriteAsync(LetterStatus.Assigned, organisationId: _desk.Justice);
        var duplicate = await _desk.WriteAsync();
        using var self = await _desk.StepAsync(_desk.Dispatcher, duplicate.Id, "merge", ("target", duplicate.Number));
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        using var missing = await _desk.StepAsync(_desk.Dispatcher, duplicate.Id, "merge",
            ("target", "XJ19990101-0001"));
        Assert.Contains("找不到这个信件编号", await missing.Content.ReadAsStringAsync());
        await _desk.DoAsync(_desk.Dispatcher, duplicate.Id, "merge", ("target", target.Number.ToLowerInvariant()));
        var merged = await _desk.LetterAsync(duplicate.Id);
        Assert.Equal(LetterStatus.Merged, merged.Status);
        Assert.Equal(target.Id, merged.MergedIntoId);
        Assert.Equal("已答复", LetterStatusLabels.ForCitizen(merged.Status));
        // Into a merged letter nothing merges (no chains).
        var third = await _desk.WriteAsync();
        using var chain = await _desk.StepAsync(_desk.Dispatcher, third.Id, "merge", ("target", duplicate.Number));
        Assert.Equal(HttpStatusCode.BadRequest, chain.StatusCode);

        var page = Html.Parse(await _desk.Dispatcher.GetPageAsync($"letters/{duplicate.Id}"));
        Assert.Contains(target.Number, page.QuerySelector("#letter-merged-into").Text());
        Assert.Contains(duplicate.Number, await _desk.Dispatcher.GetPageAsync("letters?tray=merged"));
        // Neither the deadline list nor the health report counts a merged letter: the target carries it.
        var problems = await Portal.Service<LetterHealth>().ProblemsAsync("main", 
            LetterOfficeFixture.Start.UtcDateTime.AddMonths(6), default);
        Assert.DoesNotContain(problems, p => p.Where == duplicate.Number);
        Assert.Contains(problems, p => p.Where == target.Number && p.SingleVeto);
    }

    [Fact]
    public async Task A_held_letter_is_the_dispatchers_alone_and_is_released_or_rejected_and_kept()
    {
        var held = await _desk.WriteAsync(LetterStatus.Screening, text: DemoSpam);
        var rejected = await _desk.WriteAsync(LetterStatus.Screening, text: DemoSpam);
        Assert.Contains(held.Number, await _desk.Dispatcher.GetPageAsync("letters?tray=screening"));
        var adminList = await _desk.Administrator.GetPageAsync("letters?tray=screening");
        Assert.DoesNotContain(held.Number, adminList);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Administrator.GetAsync($"letters/{held.Id}")).StatusCode);
        using (var byAdmin = await _desk.StepAsync(_desk.Administrator, held.Id, "release"))
            Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);

        await _desk.DoAsync(_desk.Dispatcher, held.Id, "release");
        Assert.Equal(LetterStatus.New, (await _desk.LetterAsync(held.Id)).Status);

        using var noReason = await _desk.StepAsync(_desk.Dispatcher, rejected.Id, "reject", ("rejectReason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        await _desk.DoAsync(_desk.Dispatcher, rejected.Id, "reject", ("rejectReason", "广告内容，与政务无关。"));
        var kept = await _desk.LetterAsync(rejected.Id);
        Assert.Equal(LetterStatus.Rejected, kept.Status);
        Assert.Contains("触发内容检查：垃圾信息", kept.ScreeningReason);
        Assert.Contains("广告内容，与政务无关。", kept.ScreeningReason);
        Assert.Equal(DemoSpam, Portal.Service<LetterSeal>().Open(kept).Text);
        Assert.Contains(rejected.Number, await _desk.Dispatcher.GetPageAsync("letters?tray=rejected"));
    }

    private const string DemoSpam = DemoLetterSeeder.SpamText;

    [Fact]
    public async Task Nothing_of_another_organisation_can_be_read_or_changed_and_each_role_gets_only_its_steps()
    {
        var letter = await _desk.WriteAsync(LetterStatus.Assigned, organisationId: _desk.Justice);
        var review = await _desk.WriteAsync(LetterStatus.AwaitingReview, organisationId: _desk.Justice);
        var reads = new[] { "letters", "letters?tray=handling", $"letters/{letter.Id}" };

        using (var anonymous = StaffClient.Anonymous(Portal))
        {
            foreach (var path in reads)
                Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(path)).StatusCode);
            using var post = await anonymous.Http.PostAsync($"/admin/letters/{letter.Id}/assign",
                new FormUrlEncodedContent([new("organisationId", _desk.Office.ToString()), new("version", "1")]));
            Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest);
        }
        foreach (var path in reads)
            Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Editor.GetAsync(path)).StatusCode);

        // The other organisation's 承办人: its lists do not have the letter, its page is not found.
        Assert.DoesNotContain(letter.Number, await _desk.OtherHandler.GetPageAsync("letters?tray=handling"));
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.OtherHandler.GetAsync($"letters/{letter.Id}")).StatusCode);

        // The administrator sees the letter masked and no step.
        var adminHtml = await _desk.Administrator.GetPageAsync($"letters/{letter.Id}");
        foreach (var secret in new[] { LetterDesk.Writer, LetterDesk.Mobile, LetterDesk.Text, LetterDesk.Subject,
                     LetterDesk.Email })
            Assert.DoesNotContain(secret, adminHtml);
        var adminPage = Html.Parse(adminHtml);
        Assert.Equal("测*****", adminPage.QuerySelector("#letter-name").Text());
        Assert.Equal("139****0000", adminPage.QuerySelector("#letter-mobile").Text());
        Assert.Empty(adminPage.QuerySelectorAll("form[action*='/letters/']"));
        Assert.DoesNotContain(LetterDesk.Subject, await _desk.Administrator.GetPageAsync("letters?tray=handling"));

        // Every step by every person who may not take it: refused, and the letter is as it was.
        var steps = new (string Step, (string, string)[] Fields, int Id, string[] Allowed)[]
        {
            ("assign", [("organisationId", _desk.Office.ToString())], letter.Id, ["dispatcher"]),
            ("merge", [("target", review.Number)], letter.Id, ["dispatcher"]),
            ("draft", [("reply", "越权答复")], letter.Id, ["handler"]),
            ("submit", [("reply", "越权答复")], letter.Id, ["handler"]),
            ("return", [("returnReason", "越权退回")], letter.Id, ["handler"]),
            ("approve", [], review.Id, ["reviewer"]),
            ("sendback", [("comment", "越权意见")], review.Id, ["reviewer"]),
            ("release", [], letter.Id, ["dispatcher"]),
            ("reject", [("rejectReason", "越权")], letter.Id, ["dispatcher"]),
        };
        foreach (var (step, fields, id, allowed) in steps)
            foreach (var (who, client) in _desk.Everyone.Where(e => !allowed.Contains(e.Who)))
            {
                var before = await _desk.LetterAsync(id);
                using var response = await _desk.StepAsync(client, id, step, fields);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden,
                    $"{who} {step}: {(int)response.StatusCode}");
                var after = await _desk.LetterAsync(id);
                Assert.Equal(before.Version, after.Version);
                Assert.Equal(before.Status, after.Status);
            }
    }

    [Fact]
    public async Task A_stale_page_is_refused_with_a_message_and_what_was_typed_is_kept()
    {
        var letter = await _desk.WriteAsync(LetterStatus.Assigned, organisationId: _desk.Justice);
        var version = letter.Version;
        await _desk.DoAsync(_desk.Handler, letter.Id, "draft", ("reply", "第一稿"));
        using var stale = await LetterDesk.PostAsync(_desk.Handler, letter.Id, "submit", version,
            ("reply", "从旧页面提交的答复<b>"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = Html.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Contains("已被他人处理", page.QuerySelector("#letter-error").Text());
        Assert.Equal("从旧页面提交的答复<b>", page.QuerySelector("textarea[name=reply]")!.TextContent);
        var kept = await _desk.LetterAsync(letter.Id);
        Assert.Equal(LetterStatus.Assigned, kept.Status);
        Assert.Equal("第一稿", kept.DraftReply);

        using var staleAssign = await LetterDesk.PostAsync(_desk.Dispatcher, letter.Id, "assign", version,
            ("organisationId", _desk.Office.ToString()));
        Assert.Equal(HttpStatusCode.Conflict, staleAssign.StatusCode);
        Assert.Equal(_desk.Justice, (await _desk.LetterAsync(letter.Id)).OrganisationId);
    }

    [Fact]
    public async Task A_form_without_its_token_is_refused_and_nothing_changes()
    {
        var letter = await _desk.WriteAsync(LetterStatus.Assigned, organisationId: _desk.Justice);
        using var response = await _desk.Handler.PostAsync($"letters/{letter.Id}/submit",
            [new("reply", "没有令牌的答复"), new("version", letter.Version.ToString())], withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("缺少安全令牌", await response.Content.ReadAsStringAsync());
        var after = await _desk.LetterAsync(letter.Id);
        Assert.Equal(letter.Version, after.Version);
        Assert.Equal("", after.DraftReply);
    }

    public static TheoryData<string, string, string> HostileInputs => new()
    {
        { "draft", "reply", "<script>alert(1)</script>" },
        { "draft", "reply", "\u0000\u0001\u001F\u007F<img src=x onerror=alert(1)>" },
        { "draft", "reply", new string('答', Letter.ReplyMax + 1) },
        { "draft", "reply", "%E4%B8 ' OR 1=1; DROP TABLE Letters; --" },
        { "submit", "reply", "\uFFFD\uD800 <iframe src=javascript:alert(1)>" },
        { "return", "returnReason", "<script>alert(1)</script>" + new string('退', 600) },
        { "return", "returnReason", "\r\n\r\n" },
        { "assign", "organisationId", "<script>alert(1)</script>" },
        { "assign", "organisationId", "-1" },
        { "assign", "organisationId", "99999999999999999999" },
        { "merge", "target", "<script>alert(1)</script>" },
        { "merge", "target", "../../etc/passwd" },
        { "merge", "target", new string('X', 10_000) },
        { "sendback", "comment", "<img src=x onerror=alert(1)>" },
        { "reject", "rejectReason", "<script>alert(1)</script>" },
        { "release", "version", "abc" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Hostile_input_in_every_staff_field_never_gets_a_server_error_and_is_shown_escaped(
        string step, string field, string value)
    {
        var (status, who) = step switch
        {
            "draft" or "submit" or "return" => (LetterStatus.Assigned, _desk.Handler),
            "sendback" => (LetterStatus.AwaitingReview, _desk.Reviewer),
            "reject" or "release" => (LetterStatus.Screening, _desk.Dispatcher),
            _ => (LetterStatus.New, _desk.Dispatcher),
        };
        var letter = await _desk.WriteAsync(status,
            organisationId: status is LetterStatus.Assigned or LetterStatus.AwaitingReview ? _desk.Justice : null);
        using var response = field == "version"
            ? await _desk.Dispatcher.PostAsync($"letters/{letter.Id}/{step}", [new("version", value)])
            : await _desk.StepAsync(who, letter.Id, step, (field, value));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{step} {field}: {(int)response.StatusCode} {html}");
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<iframe", html);
        // Whatever was saved is shown escaped on the letter's page, never as markup.
        var page = await who.GetPageAsync($"letters/{letter.Id}");
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.DoesNotContain("<img src=x", page);
        var saved = await _desk.LetterAsync(letter.Id);
        Assert.DoesNotContain('\u0000', saved.DraftReply + saved.ReturnReason + saved.ReviewComment
                                        + saved.ScreeningReason);
        Assert.True(saved.DraftReply.Length <= Letter.ReplyMax);
    }

    [Fact]
    public async Task A_too_long_reply_is_refused_with_its_length_and_kept_in_the_form()
    {
        var letter = await _desk.WriteAsync(LetterStatus.Assigned, organisationId: _desk.Justice);
        var reply = new string('答', Letter.ReplyMax + 1);
        using var response = await _desk.StepAsync(_desk.Handler, letter.Id, "submit", ("reply", reply));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("最多 10,000 字", page.QuerySelector("#letter-error").Text());
        Assert.Equal(reply, page.QuerySelector("textarea[name=reply]")!.TextContent);
        Assert.Equal(LetterStatus.Assigned, (await _desk.LetterAsync(letter.Id)).Status);
    }

    [Fact]
    public async Task The_dashboard_shows_each_person_the_overdue_letters_of_their_duties()
    {
        // Received 2026-11-02 with 10 working days: due 2026-11-16, overdue on 2026-12-01.
        var overdue = await _desk.WriteAsync(LetterStatus.Assigned, new DateOnly(2026, 11, 2),
            organisationId: _desk.Justice);
        var handler = Html.Parse(await _desk.Handler.GetPageAsync(""));
        Assert.Contains(overdue.Number, handler.QuerySelector("#dashboard-letters").Text());
        Assert.Contains(overdue.Number, Html.Parse(await _desk.Dispatcher.GetPageAsync(""))
            .QuerySelector("#dashboard-letters").Text());
        Assert.DoesNotContain(overdue.Number, await _desk.OtherHandler.GetPageAsync(""));
        Assert.Null(Html.Parse(await _desk.Editor.GetPageAsync("")).QuerySelector("#dashboard-letters"));
        Assert.Contains(overdue.Number, await _desk.Handler.GetPageAsync("letters?tray=overdue"));
        var detail = Html.Parse(await _desk.Handler.GetPageAsync($"letters/{overdue.Id}"));
        Assert.Contains("2026-11-16", detail.QuerySelector("#letter-due").Text());
        Assert.Contains("已逾期", detail.QuerySelector("#letter-due").Text());
    }

    [Fact]
    public async Task An_attachment_is_downloaded_only_by_those_who_may_read_the_letter()
    {
        var letter = await _desk.WriteAsync(LetterStatus.Assigned, organisationId: _desk.Justice);
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            db.LetterAttachments.Add(new LetterAttachment
            {
                LetterId = letter.Id, FileName = "现场照片.jpg", StoredName = "missing-" + Guid.NewGuid().ToString("N"),
                ContentType = "image/jpeg", Length = 2048,
            });
            await db.SaveChangesAsync();
        }
        var attachment = await AttachmentIdAsync(letter.Id);
        var path = $"letters/{letter.Id}/attachments/{attachment}";
        Assert.Contains("现场照片.jpg", await _desk.Handler.GetPageAsync($"letters/{letter.Id}"));
        Assert.DoesNotContain("现场照片.jpg", await _desk.Administrator.GetPageAsync($"letters/{letter.Id}"));
        foreach (var client in new[] { _desk.Administrator, _desk.OtherHandler })
        {
            using var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Contains("没有查看它的权限", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Editor.GetAsync(path)).StatusCode);
        // The handler may: the file itself is missing here, which is said, not a server error.
        using var missing = await _desk.Handler.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("附件文件缺失或无法解密", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Check_lists_overdue_letters_and_fails_the_site_after_three_months_without_an_answer()
    {
        // Received 2026-08-31: three calendar months end on 2026-11-30.
        var letter = await _desk.WriteAsync(LetterStatus.Assigned, new DateOnly(2026, 8, 31),
            organisationId: _desk.Justice);
        // Due in 2027, a year the calendar does not have: reported, never guessed.
        var unknown = await _desk.WriteAsync(LetterStatus.New, new DateOnly(2026, 12, 28));
        var checker = Portal.Service<HealthChecker>();
        try
        {
            fixture.Clock.Now = China(2026, 11, 30, 23);
            var report = await checker.CheckAsync();
            var mine = report.Problems.Where(p => p.Where == letter.Number).ToList();
            var overdue = Assert.Single(mine);
            Assert.Equal(LetterHealth.OverdueIndicator, overdue.Indicator);
            Assert.False(overdue.SingleVeto);
            Assert.Contains("2026-09-14", overdue.Detail);
            var calendar = Assert.Single(report.Problems, p => p.Where == unknown.Number);
            Assert.Equal(LetterHealth.CalendarIndicator, calendar.Indicator);
            Assert.Contains("2027", calendar.Detail);

            fixture.Clock.Now = China(2026, 12, 1, 0);
            report = await checker.CheckAsync();
            var veto = Assert.Single(report.Problems, p => p.Where == letter.Number && p.SingleVeto);
            Assert.Equal(LetterHealth.VetoIndicator, veto.Indicator);
            Assert.Contains("2026-11-30", veto.Detail);
            Assert.True(report.FailsSingleVeto);
            foreach (var problem in report.Problems.Where(p => p.Where == letter.Number))
                Assert.DoesNotContain(LetterDesk.Writer, problem.Detail);

            await using (var db = Portal.Settings.Database.CreateContext())
            {
                var answered = await db.Letters.SingleAsync(l => l.Id == letter.Id);
                answered.Status = LetterStatus.Replied;
                await db.SaveChangesAsync();
            }
            report = await checker.CheckAsync();
            Assert.DoesNotContain(report.Problems, p => p.Where == letter.Number);
        }
        finally
        {
            fixture.Clock.Now = LetterOfficeFixture.Start;
        }
    }

    private static DateTimeOffset China(int year, int month, int day, int hour) =>
        new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private async Task<int> AttachmentIdAsync(int letterId)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.LetterAttachments.Where(a => a.LetterId == letterId).Select(a => a.Id).SingleAsync();
    }
}
