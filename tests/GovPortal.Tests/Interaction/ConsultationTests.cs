using System.Net;
using System.Text;
using AngleSharp.Dom;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Consultations;
using GovPortal.Content;
using GovPortal.Interaction.Consultations;
using GovPortal.Tests.Disclosure;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// 意见征集 end to end on a real portal and a clock the tests move: staff create a consultation, its static page is
/// on disk, a citizen comments (receipt, lookup), the page closes by itself after the end through the closing
/// service, staff publish the 反馈; and the protections: held comments, hostile input, CSRF, sealed data, roles.
/// </summary>
public sealed class ConsultationTests(ConsultationPortalFixture fixture) : IClassFixture<ConsultationPortalFixture>
{
    private RunningPortal Portal => fixture.Portal;
    private FixedTimeProvider Clock => fixture.Clock;

    private static readonly Staff Manager = new(ConsultationPortalFixture.Manager, "信箱管理员",
        new HashSet<string> { StaffRoles.Mailbox }, new HashSet<int>(), "127.0.0.1");

    private static DateTime China(int month, int day, int hour, int minute = 0) =>
        ChinaTime.ToUtc(2026, month, day, hour, minute);

    private static string Local(DateTime utc) => ConsultationForm.TimeText(utc);

    /// <summary>Creates a consultation through the back office's form and returns its id.</summary>
    private async Task<int> CreateAsync(StaffClient staff, string title, DateTime startsAtUtc, DateTime endsAtUtc,
        string draft = "<p>第一条 征求意见稿正文。</p>", string articleId = "")
    {
        using var response = await staff.PostAsync("consultations/new", Fields(title, draft, articleId, startsAtUtc,
            endsAtUtc), tokenPage: "consultations/new");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"{(int)response.StatusCode} {body}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static Dictionary<string, string> Fields(string title, string draft, string articleId, DateTime starts,
        DateTime ends, string summary = "征求意见说明") => new()
    {
        ["title"] = title, ["summary"] = summary, ["draft"] = draft, ["articleId"] = articleId,
        ["startsAt"] = Local(starts), ["endsAt"] = Local(ends), ["version"] = "0",
    };

    private static Dictionary<string, string> Comment(string name = "张三", string contact = "13812345678",
        string text = "建议增加公园开放时间。") => new()
    {
        ["name"] = name, ["contact"] = contact, ["comment"] = text, ["notice"] = "1", ["website"] = "",
    };

    private string PublishedFile(int id) => Path.Combine(Portal.Output.PublicDirectory, "hdjl", "yjzj", $"{id}.html");

    private async Task<IDocument> PublicPageAsync(int id)
    {
        using var response = await Portal.Client.GetAsync($"/hdjl/yjzj/{id}.html");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return Html.Parse(html);
    }

    private ConsultationClosing Closing =>
        Portal.App.Services.GetServices<IHostedService>().OfType<ConsultationClosing>().Single();

    private async Task<Consultation> RecordAsync(int id)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task A_consultation_goes_from_creation_to_comments_to_closing_by_itself_to_its_feedback()
    {
        // Signed in again after each move of the clock: a session ends after 30 idle minutes.
        var staff = await StaffClient.SignInAsync(Portal, ConsultationPortalFixture.Manager);
        int document;
        await using (var db = Portal.Settings.Database.CreateContext())
            document = await db.Articles.Where(a => a.Kind == "document" && a.Status == ArticleStatus.Published)
                .Select(a => a.Id).FirstAsync();
        // Opens at 11:00 and closes at 12:00 China time; the clock says 10:00.
        var starts = China(6, 1, 11);
        var ends = China(6, 1, 12);
        var id = await CreateAsync(staff, "关于《相城区测试管理办法》征求意见", starts, ends,
            "<p>第一条 测试条款。</p><script>alert('draft')</script>", document.ToString());

        // The static page is on disk, in the manifest, with the draft sanitized and the linked document.
        Assert.True(File.Exists(PublishedFile(id)));
        var page = await PublicPageAsync(id);
        Assert.Equal("未开始", page.QuerySelector("#consultation-state").Text());
        Assert.Contains("第一条 测试条款。", page.QuerySelector(".article-body").Text());
        Assert.DoesNotContain("<script", page.QuerySelector(".article-body")!.InnerHtml);
        Assert.Null(page.QuerySelector("#comment-link"));
        var linked = page.QuerySelectorAll(".article-facts a").Single();
        Assert.StartsWith("/zfxxgk/", linked.GetAttribute("href"));
        var list = Html.Parse(await Portal.Client.GetStringAsync("/hdjl/yjzj/"));
        Assert.Contains(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/hdjl/yjzj/{id}.html");

        // Before the start the form is closed: the page has no form to send.
        using var citizen = new Applicant(Portal);
        var formPath = $"/hdjl/yjzj/yj/{id}";
        var closed = Html.Parse(await citizen.Http.GetStringAsync(formPath));
        Assert.Contains("征集尚未开始", closed.QuerySelector("#closed-notice").Text());
        Assert.Null(closed.QuerySelector("form.citizen-form"));

        // The start passes: the closing service republishes the page as 征集中 within its next round.
        Clock.Now = starts.AddSeconds(20);
        Assert.True(await Closing.RepublishDueAsync(CancellationToken.None) >= 1);
        page = await PublicPageAsync(id);
        Assert.Equal("征集中", page.QuerySelector("#consultation-state").Text());
        Assert.Equal(formPath, page.QuerySelector("#comment-link")!.GetAttribute("href"));

        // A comment, committed before the receipt is shown, in the elder form too.
        var (status, receiptPage, html) = await citizen.PostAsync(formPath, Comment(), tokenPage: formPath);
        Assert.True(status == HttpStatusCode.OK, html);
        var number = receiptPage.QuerySelector("#receipt-number").Text();
        var code = receiptPage.QuerySelector("#receipt-code").Text();
        Assert.Matches(@"^YJ20260601-\d{4}$", number);
        Assert.Matches(@"^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var stored = await db.ConsultationComments.SingleAsync(c => c.Number == number);
            Assert.Equal(id, stored.ConsultationId);
            Assert.False(stored.Held);
            Assert.Equal(new CommentContent("张三", "13812345678", "建议增加公园开放时间。"),
                Portal.Service<CommentSeal>().Open(stored));
        }
        var elder = await citizen.PostAsync("/elder" + formPath, Comment(name: "李四"), tokenPage: "/elder" + formPath);
        Assert.Equal(HttpStatusCode.OK, elder.Status);
        Assert.Contains("variant-elder", elder.Html);

        // The lookup: the right pair says it was received; a wrong code and a wrong number get the same answer.
        using var someoneElse = new Applicant(Portal);
        var lookup = await someoneElse.PostAsync("/hdjl/yjzj/yj/cx",
            new Dictionary<string, string> { ["number"] = number, ["code"] = code.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.OK, lookup.Status);
        Assert.Equal("已收到", lookup.Page.QuerySelector("#lookup-status").Text());
        Assert.DoesNotContain("张三", lookup.Html);
        var wrongCode = await someoneElse.PostAsync("/hdjl/yjzj/yj/cx",
            new Dictionary<string, string> { ["number"] = number, ["code"] = "2222-3333-4444" });
        var wrongNumber = await someoneElse.PostAsync("/hdjl/yjzj/yj/cx",
            new Dictionary<string, string> { ["number"] = "YJ19990101-0001", ["code"] = code });
        foreach (var wrong in new[] { wrongCode, wrongNumber })
        {
            Assert.Equal(HttpStatusCode.NotFound, wrong.Status);
            Assert.Null(wrong.Page.QuerySelector("#lookup-result"));
            Assert.Equal(wrongCode.Page.QuerySelector(".form-errors").Text(),
                wrong.Page.QuerySelector(".form-errors").Text());
        }

        // Staff see the comments opened from the seal; the reading is audited.
        staff.Dispose();
        staff = await StaffClient.SignInAsync(Portal, ConsultationPortalFixture.Manager);
        var comments = Html.Parse(await staff.GetPageAsync($"consultations/{id}/comments"));
        Assert.Contains(comments.QuerySelectorAll("tbody th"), th => th.Text().Contains(number));
        Assert.Contains("建议增加公园开放时间。", comments.Body!.TextContent);
        var listPage = Html.Parse(await staff.GetPageAsync("consultations"));
        Assert.Contains(listPage.QuerySelectorAll("tbody tr"),
            tr => tr.Text().Contains("关于《相城区测试管理办法》征求意见") && tr.Text().Contains("2 条")
                  && tr.Text().Contains("征集中"));
        await using (var db = Portal.Settings.Database.CreateContext())
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "意见征集.查看意见"
                                                           && e.Target == $"意见征集 {id}"));

        // No 反馈 before the end.
        using (var early2 = await staff.PostAsync($"consultations/{id}/feedback",
                   [new("version", (await RecordAsync(id)).Version.ToString()), new("feedback", "<p>过早</p>")],
                   tokenPage: $"consultations/{id}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early2.StatusCode);
            Assert.Contains("结束后才能发布意见反馈", await early2.Content.ReadAsStringAsync());
        }

        // The end passes: the form refuses at once (judged by the clock), and the service closes the page.
        var token = await citizen.TokenAsync(formPath);
        Clock.Now = ends.AddSeconds(10);
        var late = await citizen.PostAsync(formPath, new Dictionary<string, string>(Comment(text: "截止后才写完的意见"))
            { ["__form"] = token }, withToken: false);
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("征集已经结束", late.Html);
        Assert.Equal("截止后才写完的意见", late.Page.QuerySelector("#f-kept")!.TextContent);
        Assert.Null((await RecordAsync(id)).ClosedPageAtUtc);
        Assert.True(await Closing.RepublishDueAsync(CancellationToken.None) >= 1);
        page = await PublicPageAsync(id);
        Assert.Equal("已结束", page.QuerySelector("#consultation-state").Text());
        Assert.Null(page.QuerySelector("#comment-link"));
        Assert.Equal(ends.AddSeconds(10), (await RecordAsync(id)).ClosedPageAtUtc);
        // Done once: the next round leaves it alone.
        Assert.Equal(0, await Closing.RepublishDueAsync(CancellationToken.None));

        // The 反馈, sanitized, on the page.
        staff.Dispose();
        staff = await StaffClient.SignInAsync(Portal, ConsultationPortalFixture.Manager);
        using (var feedback = await staff.PostAsync($"consultations/{id}/feedback",
                   [new("version", (await RecordAsync(id)).Version.ToString()),
                    new("feedback", "<p>采纳了延长开放时间的意见。</p><img src=x onerror=alert(1)>")],
                   tokenPage: $"consultations/{id}"))
            Assert.Equal(HttpStatusCode.SeeOther, feedback.StatusCode);
        page = await PublicPageAsync(id);
        Assert.Equal("已反馈", page.QuerySelector("#consultation-state").Text());
        Assert.Contains("采纳了延长开放时间的意见。", page.QuerySelector("#feedback").Text());
        Assert.DoesNotContain("onerror", page.QuerySelector("#feedback")!.InnerHtml);
        await using (var db = Portal.Settings.Database.CreateContext())
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "意见征集.发布反馈"));
        staff.Dispose();
    }

    [Fact]
    public async Task A_comment_that_trips_the_spam_checks_is_kept_as_held_with_the_same_receipt()
    {
        using var staff = await StaffClient.SignInAsync(Portal, ConsultationPortalFixture.Manager);
        var now = Clock.Now.UtcDateTime;
        var id = await CreateAsync(staff, "待甄别测试征集", now.AddHours(-1), now.AddDays(30));
        using var citizen = new Applicant(Portal);
        const string spam = "一区二区三区视频在线观看,国产不卡AV在线,女人喷液在线观看免费,久久综合免费人伦观看";
        var (status, page, html) = await citizen.PostAsync($"/hdjl/yjzj/yj/{id}", Comment(text: spam),
            tokenPage: $"/hdjl/yjzj/yj/{id}");
        Assert.True(status == HttpStatusCode.OK, html);
        var number = page.QuerySelector("#receipt-number").Text();
        Assert.NotNull(page.QuerySelector("#receipt-code"));
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var stored = await db.ConsultationComments.SingleAsync(c => c.Number == number);
            Assert.True(stored.Held);
            Assert.StartsWith("触发内容检查", stored.ScreeningReason);
        }
        var comments = Html.Parse(await staff.GetPageAsync($"consultations/{id}/comments"));
        Assert.Contains("待甄别", comments.QuerySelector("tr.held").Text());
        Assert.Contains("其中待甄别 1 条", await staff.GetPageAsync("consultations"));
        // Never on a public page.
        Assert.DoesNotContain("国产不卡", (await PublicPageAsync(id)).Body!.TextContent);
    }

    public static TheoryData<string, string> HostileInputs => new()
    {
        { "name", "<script>alert(1)</script>" },
        { "name", "' OR 1=1; DROP TABLE ConsultationComments; --" },
        { "name", new string('名', 10_000) },
        { "contact", "a@b@c.cn\r\nX-Injected: 1" },
        { "contact", "<img src=x onerror=alert(1)>" },
        { "comment", "<img src=x onerror=alert(1)>" + new string('政', 1500) },
        { "comment", new string('政', 10_000) },
        { "comment", "\u0000\u0001\u001F\u007F\u202E" },
        { "comment", "%E4%B8" },
        { "notice", "true" },
        { "website", "<a href=http://spam>" },
        { "__form", "AAAA" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Hostile_input_in_every_field_never_gets_a_server_error_and_comes_back_encoded(string field,
        string value)
    {
        var id = await OpenConsultationAsync();
        using var citizen = new Applicant(Portal);
        var path = $"/hdjl/yjzj/yj/{id}";
        var fields = Comment();
        fields["__form"] = await citizen.TokenAsync(path);
        fields[field] = value;
        using var response = await citizen.Http.PostAsync(path, new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{field}: {(int)response.StatusCode} {html}");
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("X-Injected", response.Headers.ToString());
    }

    [Fact]
    public async Task Raw_hostile_bodies_and_addresses_never_get_a_server_error()
    {
        var id = await OpenConsultationAsync();
        using var citizen = new Applicant(Portal);
        await citizen.TokenAsync($"/hdjl/yjzj/yj/{id}");
        string[] bodies = ["%", "name=%zz%", "a=1&a=2&a=3", "\u0000\u0000", "__form=&name[]=x",
            string.Join("&", Enumerable.Range(0, 200).Select(i => $"f{i}=x"))];
        foreach (var body in bodies)
            foreach (var path in new[] { $"/hdjl/yjzj/yj/{id}", "/hdjl/yjzj/yj/cx", "/hdjl/yjzj/yj/999999" })
            {
                using var response = await citizen.Http.PostAsync(path,
                    new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
                Assert.True((int)response.StatusCode < 500, $"{path} {body}: {(int)response.StatusCode}");
            }
        using var bad = new ByteArrayContent([0x6E, 0x61, 0x6D, 0x65, 0x3D, 0xC0, 0xAF, 0xFF, 0xFE]);
        bad.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var badUtf8 = await citizen.Http.PostAsync($"/hdjl/yjzj/yj/{id}", bad);
        Assert.True((int)badUtf8.StatusCode < 500);
        foreach (var path in new[] { "/hdjl/yjzj/yj/abc", "/hdjl/yjzj/yj/-1", "/hdjl/yjzj/yj/99999999999",
                     "/hdjl/yjzj/yj/0", "/zh-hant/hdjl/yjzj/yj/999999", "/hdjl/yjzj/yj/%00" })
        {
            using var response = await citizen.Http.GetAsync(path);
            Assert.True((int)response.StatusCode is 404 or 400, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Hostile_staff_input_is_refused_with_chinese_messages_and_kept_or_stored_escaped()
    {
        using var staff = await StaffClient.SignInAsync(Portal, ConsultationPortalFixture.Manager);
        var now = Clock.Now.UtcDateTime;
        // Bad times, an end before the start, a withdrawn-or-missing article: every value comes back as typed.
        var fields = Fields("<b>标题</b>", "<p>正文</p>", "999999", now, now.AddHours(-1));
        fields["startsAt"] = "2026-13-45 99:99";
        using (var response = await staff.PostAsync("consultations/new", fields, tokenPage: "consultations/new"))
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = Html.Parse(html);
            Assert.Contains("开始时间的格式不对", page.QuerySelector("#e-startsAt").Text());
            Assert.Contains("不是本网站已发布的文章", page.QuerySelector("#e-articleId").Text());
            Assert.Equal("2026-13-45 99:99", page.QuerySelector("#startsAt")!.GetAttribute("value"));
            Assert.Equal("<b>标题</b>", page.QuerySelector("#title")!.GetAttribute("value"));
        }
        fields = Fields("标题", "<p>正文</p>", "", now.AddHours(2), now.AddHours(1));
        using (var response = await staff.PostAsync("consultations/new", fields, tokenPage: "consultations/new"))
            Assert.Contains("结束时间须晚于开始时间", await response.Content.ReadAsStringAsync());
        fields = Fields(new string('标', 10_000), new string('<', 10_000), "abc", now, now.AddDays(1));
        using (var response = await staff.PostAsync("consultations/new", fields, tokenPage: "consultations/new"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("标题最多", await response.Content.ReadAsStringAsync());
        }
        // A title with markup is stored as text and shown escaped everywhere.
        var id = await CreateAsync(staff, "<script>alert(1)</script>征集", now, now.AddDays(1));
        Assert.DoesNotContain("<script>alert(1)", await staff.GetPageAsync("consultations"));
        var page2 = await PublicPageAsync(id);
        Assert.Equal("<script>alert(1)</script>征集", page2.QuerySelector("h1").Text());
        Assert.DoesNotContain("<script>alert(1)", page2.Body!.InnerHtml);
        // A stale version is refused with 409 and the typed text kept.
        fields = Fields("改过的标题", "<p>新正文</p>", "", now, now.AddDays(2));
        fields["version"] = "0";
        using (var response = await staff.PostAsync($"consultations/{id}", fields, tokenPage: $"consultations/{id}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("改过的标题", page.QuerySelector("#title")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task A_post_without_the_form_token_or_from_another_browser_is_refused_and_keeps_nothing()
    {
        var id = await OpenConsultationAsync();
        var path = $"/hdjl/yjzj/yj/{id}";
        async Task<int> CountAsync()
        {
            await using var db = Portal.Settings.Database.CreateContext();
            return await db.ConsultationComments.CountAsync();
        }
        var before = await CountAsync();
        using var citizen = new Applicant(Portal);
        var without = await citizen.PostAsync(path, Comment(text: "伪造的意见"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, without.Status);
        Assert.Contains("页面已过期", without.Html);
        Assert.Contains("伪造的意见", without.Page.QuerySelector("#f-comment")!.TextContent);
        // A token taken by another browser does not fit this one's cookie.
        using var attacker = new Applicant(Portal);
        var stolen = await attacker.TokenAsync(path);
        var forged = await citizen.PostAsync(path, new Dictionary<string, string>(Comment()) { ["__form"] = stolen },
            withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        // Back office: a post without the antiforgery token does nothing.
        using var staff = await StaffClient.SignInAsync(Portal, ConsultationPortalFixture.Manager);
        using var response = await staff.PostAsync("consultations/new",
            Fields("伪造的征集", "<p>x</p>", "", Clock.Now.UtcDateTime, Clock.Now.UtcDateTime.AddDays(1)),
            withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync());
        await using var db2 = Portal.Settings.Database.CreateContext();
        Assert.False(await db2.Consultations.AnyAsync(c => c.Title == "伪造的征集"));
    }

    [Fact]
    public async Task The_database_file_holds_no_commenter_name_contact_or_text_in_clear()
    {
        var id = await OpenConsultationAsync();
        using var citizen = new Applicant(Portal);
        const string name = "明文检查人丙", mail = "secret.reader@example.cn", text = "明文检查用的意见内容独一无二";
        var (status, _, html) = await citizen.PostAsync($"/hdjl/yjzj/yj/{id}", Comment(name, mail, text),
            tokenPage: $"/hdjl/yjzj/yj/{id}");
        Assert.True(status == HttpStatusCode.OK, html);
        await using (var db = Portal.Settings.Database.CreateContext())
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);");
        var file = Portal.Settings.Paths.DatabaseFile;
        var bytes = File.ReadAllBytes(file).Concat(File.Exists(file + "-wal") ? File.ReadAllBytes(file + "-wal") : [])
            .ToArray();
        foreach (var secret in new[] { name, mail, text })
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, secret + " is in the file");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, secret + " (UTF-16)");
        }
    }

    [Fact]
    public async Task Only_the_mailbox_administrator_may_manage_consultations_and_read_comments()
    {
        var id = await OpenConsultationAsync();
        string[] pages = ["consultations", "consultations/new", $"consultations/{id}", $"consultations/{id}/comments"];
        foreach (var who in new[] { ConsultationPortalFixture.Disclosure, ConsultationPortalFixture.Admin })
        {
            using var other = await StaffClient.SignInAsync(Portal, who);
            foreach (var page in pages)
                Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(page)).StatusCode);
            using var post = await other.PostAsync($"consultations/{id}/feedback",
                [new("version", "1"), new("feedback", "<p>越权</p>")]);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        using var anonymous = StaffClient.Anonymous(Portal);
        using var redirected = await anonymous.GetAsync($"consultations/{id}/comments");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        using var manager = await StaffClient.SignInAsync(Portal, ConsultationPortalFixture.Manager);
        foreach (var page in pages) await manager.GetPageAsync(page);

        // The service checks again, whatever an endpoint lets through.
        var admin = Portal.Service<ConsultationAdministration>();
        var outsider = new Staff("x", "x", new HashSet<string> { StaffRoles.Administrator }, new HashSet<int>(), "");
        Assert.Null(await admin.CommentsAsync(outsider, id, CancellationToken.None));
        Assert.True((await admin.CreateAsync(outsider, ConsultationForm.Empty, CancellationToken.None))
            .Result.Forbidden);
        Assert.True((await admin.PublishFeedbackAsync(outsider, id, 1, "<p>x</p>", CancellationToken.None))
            .Result.Forbidden);
    }

    [Fact]
    public async Task The_health_report_warns_about_a_consultation_closed_fifteen_working_days_without_feedback()
    {
        using var staff = await StaffClient.SignInAsync(Portal, ConsultationPortalFixture.Manager);
        // Ends Friday 3 July 2026, 17:00; fifteen working days later is Friday 24 July.
        var id = await CreateAsync(staff, "健康检查测试征集", China(6, 1, 9), China(7, 3, 17));
        var december = await CreateAsync(staff, "跨年征集", China(6, 1, 9), China(12, 28, 17));
        var health = Portal.App.Services.GetServices<GovPortal.Safety.Health.IHealthProblemSource>()
            .OfType<ConsultationHealth>().Single();
        var onTime = await health.ProblemsAsync("main", China(7, 24, 12), CancellationToken.None);
        Assert.DoesNotContain(onTime, p => p.Where.Contains($"意见征集 {id}："));
        var late = await health.ProblemsAsync("main", China(7, 27, 9), CancellationToken.None);
        var problem = Assert.Single(late, p => p.Where.Contains($"意见征集 {id}："));
        Assert.Equal(ConsultationHealth.Indicator, problem.Indicator);
        Assert.False(problem.SingleVeto);
        Assert.Contains("2026-07-03", problem.Detail);
        // The demo's closed consultation has its 反馈: never reported.
        Assert.DoesNotContain(late, p => p.Where.Contains("养老服务设施布局规划"));
        // Counting into a year without a calendar is reported, not guessed.
        var missing = await health.ProblemsAsync("main", new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc),
            CancellationToken.None);
        var calendar = Assert.Single(missing, p => p.Where.Contains($"意见征集 {december}："));
        Assert.Equal(ConsultationHealth.CalendarIndicator, calendar.Indicator);
        Assert.Contains("2027", calendar.Detail);
        // Once the 反馈 is out, the warning goes (through the service: two months on, a session would have ended).
        var start = Clock.Now;
        Clock.Now = China(7, 27, 9);
        try
        {
            var saved = await Portal.Service<ConsultationAdministration>().PublishFeedbackAsync(Manager, id,
                (await RecordAsync(id)).Version, "<p>反馈</p>", CancellationToken.None);
            Assert.True(saved.Result.Succeeded, saved.Result.Message);
        }
        finally
        {
            Clock.Now = start;
        }
        Assert.DoesNotContain(await health.ProblemsAsync("main", China(7, 27, 9), CancellationToken.None),
            p => p.Where.Contains($"意见征集 {id}："));
    }

    [Fact]
    public async Task The_demo_has_an_open_consultation_and_a_closed_one_with_its_feedback()
    {
        var list = Html.Parse(await Portal.Client.GetStringAsync("/hdjl/yjzj/"));
        var rows = list.QuerySelectorAll("tbody tr").Select(r => r.Text()).ToList();
        Assert.Contains(rows, r => r.Contains("城市公园管理办法") && r.Contains("征集中"));
        Assert.Contains(rows, r => r.Contains("养老服务设施布局规划") && r.Contains("已反馈"));
        foreach (var prefix in new[] { "", "/elder", "/zh-hant" })
        {
            using var response = await Portal.Client.GetAsync(prefix + "/hdjl/yjzj/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_form_receipt_and_lookup_pages_are_valid_html_in_each_state()
    {
        var id = await OpenConsultationAsync();
        var now = Clock.Now.UtcDateTime;
        var saved = await Portal.Service<ConsultationAdministration>().CreateAsync(Manager, new ConsultationForm(
            "尚未开始的征集", "", "<p>正文</p>", "", Local(now.AddDays(1)), Local(now.AddDays(2))),
            CancellationToken.None);
        using var citizen = new Applicant(Portal);
        var path = $"/hdjl/yjzj/yj/{id}";
        var pages = new List<string>
        {
            await citizen.Http.GetStringAsync(path), await citizen.Http.GetStringAsync("/elder" + path),
            await citizen.Http.GetStringAsync("/zh-hant" + path),
            await citizen.Http.GetStringAsync($"/hdjl/yjzj/yj/{saved.Id}"),
            (await citizen.PostAsync(path, Comment(contact: "12345"), tokenPage: path)).Html,
        };
        var (_, receipt, html) = await citizen.PostAsync(path, Comment(), tokenPage: path);
        pages.Add(html);
        var number = receipt.QuerySelector("#receipt-number").Text();
        var code = receipt.QuerySelector("#receipt-code").Text();
        pages.Add(await citizen.Http.GetStringAsync("/hdjl/yjzj/yj/cx"));
        pages.Add((await citizen.PostAsync("/hdjl/yjzj/yj/cx",
            new Dictionary<string, string> { ["number"] = number, ["code"] = code })).Html);
        pages.Add((await citizen.PostAsync("/hdjl/yjzj/yj/cx",
            new Dictionary<string, string> { ["number"] = number, ["code"] = "2222" })).Html);
        var source = Path.Combine(Repository.Root, "src", "GovPortal");
        var validator = Path.Combine(source, "node_modules", "html-validate", "bin", "html-validate.mjs");
        using var folder = new TempDirectory();
        var files = new List<string>();
        foreach (var page in pages)
        {
            var file = Path.Combine(folder.Path, $"yjzj-{files.Count}.html");
            await File.WriteAllTextAsync(file, page);
            files.Add(file);
        }
        var (exitCode, output, errors) = await Processes.RunAsync("node",
            [validator, "--config", Path.Combine(source, "Theme", "htmlvalidate.json"), .. files]);
        Assert.True(exitCode == 0, output + errors);
    }

    /// <summary>A consultation open now, made through the service.</summary>
    private async Task<int> OpenConsultationAsync()
    {
        var admin = Portal.Service<ConsultationAdministration>();
        var now = Clock.Now.UtcDateTime;
        var saved = await admin.CreateAsync(Manager, new ConsultationForm("测试用开放征集", "", "<p>正文</p>", "",
            Local(now.AddHours(-1)), Local(now.AddDays(10))), CancellationToken.None);
        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        return saved.Id;
    }
}
