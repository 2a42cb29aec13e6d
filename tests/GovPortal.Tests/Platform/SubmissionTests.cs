using System.Net;
using System.Text;
using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Content.Submissions;
using GovPortal.Data;
using GovPortal.Data.Demo;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Platform;

/// <summary>
/// 信息报送 over HTTP on the demo platform: 黄埭镇 sends its news to the district's 镇街动态, whose reviewers accept
/// (published there with 来源 and a link back) or return it; each side sees what it may, and the counts add up.
/// </summary>
public sealed class SubmissionTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPortal Portal => fixture.Portal;

    private const string Channel = "zjdt";

    private async Task<StaffClient> TownEditorAsync()
    {
        if (!await TestAccounts.ExistsAsync(Portal, "hd-writer"))
            await TestAccounts.CreateOnSiteAsync(Portal, "hd", "hd-writer", [StaffRoles.Editor], "zwdt", "tzgg");
        return await StaffClient.SignInAsync(Portal, "hd-writer");
    }

    private async Task<StaffClient> DistrictReviewerAsync()
    {
        if (!await TestAccounts.ExistsAsync(Portal, "qu-reviewer"))
            await TestAccounts.CreateAsync(Portal, "qu-reviewer", [StaffRoles.Reviewer], Channel);
        return await StaffClient.SignInAsync(Portal, "qu-reviewer");
    }

    private async Task<Article> TownArticleAsync(string title)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var hd = await db.Sites.Where(s => s.Code == "hd").Select(s => s.Id).SingleAsync();
        return await db.Articles.AsNoTracking().SingleAsync(a => a.Title == title && a.SiteId == hd);
    }

    /// <summary>The accept form's fields as the submission's page gives them (its version, the article seen).</summary>
    private async Task<List<KeyValuePair<string, string>>> AcceptFieldsAsync(Submission submission,
        string? version = null)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var seen = await db.Articles.Where(a => a.Id == submission.FromArticleId).Select(a => a.UpdatedAtUtc)
            .SingleAsync();
        return [new("version", version ?? submission.Version.ToString()), new("seen", seen.Ticks.ToString()),
            new("acknowledged", "1")];
    }

    private async Task<int> ZjdtAsync()
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Channels.Where(c => c.Slug == Channel).Select(c => c.Id).SingleAsync();
    }

    private async Task<Submission> SubmitAsync(StaffClient town, Article article, string note = "请采用")
    {
        var response = await town.PostAsync($"articles/{article.Id}/send",
            [new("channelId", (await ZjdtAsync()).ToString()), new("note", note)]);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Submissions.AsNoTracking().Where(s => s.FromArticleId == article.Id)
            .OrderByDescending(s => s.Id).FirstAsync();
    }

    [Fact]
    public async Task An_accepted_submission_is_published_on_the_district_with_its_source_and_a_link_back()
    {
        using var town = await TownEditorAsync();
        var article = await TownArticleAsync("黄埭镇召开安全生产工作推进会");
        var form = WebUtility.HtmlDecode(await town.GetPageAsync($"articles/{article.Id}/send"));
        Assert.Contains(DemoPlatformSeeder.SubmissionsChannelName, form);
        var submission = await SubmitAsync(town, article);
        Assert.Equal(SubmissionState.Pending, submission.State);

        using var district = await DistrictReviewerAsync();
        var queue = WebUtility.HtmlDecode(await district.GetPageAsync("submissions"));
        Assert.Contains("黄埭镇召开安全生产工作推进会", queue);
        Assert.Contains("待您处理", queue);
        var response = await district.PostAsync($"submissions/{submission.Id}/accept",
            await AcceptFieldsAsync(submission));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        await using var db = Portal.Settings.Database.CreateContext();
        var accepted = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == submission.Id);
        Assert.Equal(SubmissionState.Accepted, accepted.State);
        Assert.Equal("qu-reviewer", accepted.DecidedBy);
        var copy = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == accepted.AcceptedArticleId);
        var district1 = await db.Sites.OrderBy(s => s.Id).FirstAsync();
        Assert.Equal(district1.Id, copy.SiteId);
        Assert.Equal(await ZjdtAsync(), copy.ChannelId);
        Assert.Equal(ArticleStatus.Published, copy.Status);
        Assert.Equal("苏州市相城区黄埭镇人民政府", copy.Source);
        Assert.Equal(article.BodyHtml.Length > 0, copy.BodyHtml.Length > 0);

        // On the district's own output and host, with 来源 linking to the town's page; the town's files untouched.
        var (status, page) = await fixture.GetAsync("localhost", copy.Url!);
        Assert.Equal(HttpStatusCode.OK, status);
        var original = $"https://hd.szxc.gov.cn{article.Url}";
        Assert.Contains($"来源：<a href=\"{original}\" rel=\"noopener\">苏州市相城区黄埭镇人民政府</a>",
            WebUtility.HtmlDecode(page));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.GetAsync("hd.localhost", copy.Url!)).Status);
        var (listStatus, list) = await fixture.GetAsync("localhost", "/xwzx/zjdt/");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("黄埭镇召开安全生产工作推进会", list);

        // The town sees the outcome; the audit logs of both sides say who did what.
        var sent = WebUtility.HtmlDecode(await town.GetPageAsync("submissions"));
        Assert.Contains("已采用", sent);
        var actions = await db.AuditEntries.Where(e => e.Target == $"报送 {submission.Id}"
            || e.Target == $"文章 {article.Id}").Select(e => new { e.Action, e.SiteId }).ToListAsync();
        Assert.Contains(actions, a => a.Action == "submission.sent" && a.SiteId == article.SiteId);
        Assert.Contains(actions, a => a.Action == "submission.accepted" && a.SiteId == district1.Id);

        // Sent again while accepted: refused, the form keeps the note.
        var again = await town.PostAsync($"articles/{article.Id}/send",
            [new("channelId", (await ZjdtAsync()).ToString()), new("note", "再次报送的附言")]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var againPage = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains("不能重复报送", againPage);
        Assert.Contains("再次报送的附言", againPage);
    }

    [Fact]
    public async Task A_returned_submission_carries_the_comment_to_the_town_which_may_send_it_again()
    {
        using var town = await TownEditorAsync();
        var article = await TownArticleAsync("黄埭镇开展防汛防台专项督查");
        var submission = await SubmitAsync(town, article);
        using var district = await DistrictReviewerAsync();

        var tooShort = await district.PostAsync($"submissions/{submission.Id}/return",
            [new("version", submission.Version.ToString()), new("comment", "不行")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync());
        Assert.Contains("请填写退回意见", refusedPage);
        Assert.Contains(">不行</textarea>", refusedPage);

        var comment = "请补充督查发现的问题和整改情况后再报。";
        var returned = await district.PostAsync($"submissions/{submission.Id}/return",
            [new("version", submission.Version.ToString()), new("comment", comment)]);
        Assert.Equal(HttpStatusCode.SeeOther, returned.StatusCode);
        // A second decision on the same version (another reviewer's stale page) changes nothing.
        var late = await district.PostAsync($"submissions/{submission.Id}/accept",
            await AcceptFieldsAsync(submission));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        var seen = WebUtility.HtmlDecode(await town.GetPageAsync($"submissions/{submission.Id}"));
        Assert.Contains("已退回", seen);
        Assert.Contains(comment, seen);
        Assert.DoesNotContain("采用并发布", seen);
        var second = await SubmitAsync(town, article, "已补充");
        Assert.NotEqual(submission.Id, second.Id);
        Assert.Equal(SubmissionState.Pending, second.State);
        await using var db = Portal.Settings.Database.CreateContext();
        Assert.False(await db.Articles.AnyAsync(a => a.Title == article.Title && a.SiteId != article.SiteId));
    }

    [Fact]
    public async Task Only_the_receiving_channels_reviewers_decide_and_nobody_submits_another_sites_article()
    {
        using var town = await TownEditorAsync();
        var article = await TownArticleAsync("黄埭镇推进农村人居环境整治提质增效");
        var submission = await SubmitAsync(town, article);
        var version = submission.Version.ToString();

        // The sender cannot accept its own submission, however it names it.
        Assert.Equal(HttpStatusCode.BadRequest, (await town.PostAsync($"submissions/{submission.Id}/accept",
            await AcceptFieldsAsync(submission))).StatusCode);
        await TestAccounts.CreateAsync(Portal, "qu-editor-zjdt", [StaffRoles.Editor], Channel);
        using (var editor = await StaffClient.SignInAsync(Portal, "qu-editor-zjdt"))
            Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync($"submissions/{submission.Id}/accept",
                await AcceptFieldsAsync(submission))).StatusCode);
        await TestAccounts.CreateAsync(Portal, "qu-reviewer-xcyw", [StaffRoles.Reviewer], "xcyw");
        using (var other = await StaffClient.SignInAsync(Portal, "qu-reviewer-xcyw"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"submissions/{submission.Id}/return",
                [new("version", version), new("comment", "不属于您的栏目")])).StatusCode);
            // A district account asking to send the town's article finds no such article.
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"articles/{article.Id}/send",
                [new("channelId", (await ZjdtAsync()).ToString())])).StatusCode);
        }
        // Another town sees nothing of it.
        await TestAccounts.CreateOnSiteAsync(Portal, "wt", "wt-writer", [StaffRoles.Editor], "zwdt");
        using (var wt = await StaffClient.SignInAsync(Portal, "wt-writer"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await wt.GetAsync($"submissions/{submission.Id}")).StatusCode);
            Assert.DoesNotContain(article.Title, await wt.GetPageAsync("submissions"));
        }
        await using var db = Portal.Settings.Database.CreateContext();
        Assert.Equal(SubmissionState.Pending,
            (await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == submission.Id)).State);
    }

    [Fact]
    public async Task A_draft_or_a_channel_that_takes_no_submissions_is_refused_in_chinese()
    {
        using var town = await TownEditorAsync();
        var article = await TownArticleAsync("黄埭镇举办一网通办业务培训班");
        var response = await town.PostAsync($"articles/{article.Id}/send",
            [new("channelId", TestAccounts.ChannelId(Portal, "xcyw").ToString()), new("note", "留着")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("请从列表中选择接受报送的栏目", page);
        Assert.Contains(">留着</textarea>", page);
        Assert.Contains("aria-describedby=\"submit-problem\"", page);
        await using var db = Portal.Settings.Database.CreateContext();
        var xcyw = TestAccounts.ChannelId(Portal, "xcyw");
        Assert.False(await db.Submissions.AnyAsync(s => s.FromArticleId == article.Id && s.ToChannelId == xcyw));
    }

    [Fact]
    public async Task The_counts_per_site_and_month_add_up_on_the_page_and_in_the_csv()
    {
        using var town = await TownEditorAsync();
        var first = await SubmitAsync(town, await TownArticleAsync("黄埭镇关于开展燃气安全专项检查的通知"));
        await SubmitAsync(town, await TownArticleAsync("黄埭镇关于做好秸秆禁烧工作的通知"));
        using var district = await DistrictReviewerAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await district.PostAsync($"submissions/{first.Id}/accept",
            await AcceptFieldsAsync(first))).StatusCode);

        await using var db = Portal.Settings.Database.CreateContext();
        var hd = await db.Sites.SingleAsync(s => s.Code == "hd");
        var all = await db.Submissions.AsNoTracking().Where(s => s.FromSiteId == hd.Id).ToListAsync();
        var month = ChinaTime.ToChina(first.SubmittedAtUtc);
        var csvResponse = await district.GetAsync($"submissions/statistics.csv?year={month.Year}");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("方向,网站,月份,报送,采用,退回,待处理", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith($"收到,{hd.Name},{month:yyyy-MM},", StringComparison.Ordinal));
        Assert.Equal(string.Join(',', "收到", hd.Name, month.ToString("yyyy-MM"), all.Count,
            all.Count(s => s.State == SubmissionState.Accepted), all.Count(s => s.State == SubmissionState.Returned),
            all.Count(s => s.State == SubmissionState.Pending)), row.TrimEnd('\r'));

        var townResponse = await town.GetAsync($"submissions/statistics.csv?year={month.Year}");
        var townCsv = Encoding.UTF8.GetString(await townResponse.Content.ReadAsByteArrayAsync());
        Assert.Contains($"报出,{(await db.Sites.OrderBy(s => s.Id).FirstAsync()).Name},{month:yyyy-MM},{all.Count},",
            townCsv);
        var statistics = WebUtility.HtmlDecode(
            await district.GetPageAsync($"submissions/statistics?year={month.Year}"));
        Assert.Contains($"<th scope=\"row\">{hd.Name}</th><td>{month.Month} 月</td><td>{all.Count}</td>", statistics);
    }

    [Fact]
    public async Task The_setting_is_on_the_channel_form_and_a_channel_that_received_submissions_is_not_deleted()
    {
        int channelId;
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var district = await db.Sites.OrderBy(s => s.Id).FirstAsync();
            var channel = new Channel { SiteId = district.Id, Name = "部门来稿", Slug = "bmlg", SortOrder = 90,
                TakesSubmissions = true };
            db.Channels.Add(channel);
            await db.SaveChangesAsync();
            channelId = channel.Id;
            db.Submissions.Add(new Submission
            {
                FromSiteId = (await db.Sites.SingleAsync(s => s.Code == "wt")).Id, FromArticleId = 0,
                ToSiteId = district.Id, ToChannelId = channel.Id, Title = "历史报送", SubmittedBy = "wt-someone",
                SubmittedAtUtc = DateTime.UtcNow, State = SubmissionState.Returned, ReturnComment = "历史记录",
            });
            await db.SaveChangesAsync();
        }
        if (!await TestAccounts.ExistsAsync(Portal, "qu-admin"))
            await TestAccounts.CreateAsync(Portal, "qu-admin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(Portal, "qu-admin");
        Assert.Contains($"id=\"submissions-{channelId}\" name=\"takesSubmissions\"",
            await admin.GetPageAsync("channels"));

        var delete = await admin.PostAsync($"channels/{channelId}/delete", []);

        Assert.Contains("收到过 1 篇其他网站的报送", WebUtility.HtmlDecode(await delete.Content.ReadAsStringAsync()));
        await using var check = Portal.Settings.Database.CreateContext();
        Assert.True(await check.Channels.AnyAsync(c => c.Id == channelId));
    }

    [Fact]
    public async Task A_changed_original_is_not_adopted_unseen_and_a_channel_of_two_levels_takes_it_to_its_second()
    {
        int channelId;
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var district = await db.Sites.OrderBy(s => s.Id).FirstAsync();
            var channel = new Channel { SiteId = district.Id, Name = "镇街信息", Slug = "zjxx", SortOrder = 91,
                TakesSubmissions = true, ReviewLevels = 2 };
            db.Channels.Add(channel);
            await db.SaveChangesAsync();
            channelId = channel.Id;
        }
        await TestAccounts.CreateAsync(Portal, "qu-yishen", [StaffRoles.Reviewer], "zjxx");
        using var town = await TownEditorAsync();
        var article = await TownArticleAsync("黄埭镇举办一网通办业务培训班");
        Assert.Equal(HttpStatusCode.SeeOther, (await town.PostAsync($"articles/{article.Id}/send",
            [new("channelId", channelId.ToString()), new("note", "")])).StatusCode);
        Submission submission;
        await using (var db = Portal.Settings.Database.CreateContext())
            submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.ToChannelId == channelId);
        using var reviewer = await StaffClient.SignInAsync(Portal, "qu-yishen");
        var fields = await AcceptFieldsAsync(submission);

        // The town corrects its article after the reviewer's page was made: the adoption is refused.
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var corrected = await db.Articles.SingleAsync(a => a.Id == article.Id);
            corrected.UpdatedAtUtc = corrected.UpdatedAtUtc.AddMinutes(1);
            await db.SaveChangesAsync();
        }
        var stale = await reviewer.PostAsync($"submissions/{submission.Id}/accept", fields);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被报送单位修改", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));

        var accepted = await reviewer.PostAsync($"submissions/{submission.Id}/accept",
            await AcceptFieldsAsync(submission));
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        await using var check = Portal.Settings.Database.CreateContext();
        var done = await check.Submissions.AsNoTracking().SingleAsync(s => s.Id == submission.Id);
        Assert.Equal(SubmissionState.Accepted, done.State);
        // 一审 is the acceptance; the copy waits for 二审 by someone else and is not on the site yet.
        var copy = await check.Articles.AsNoTracking().SingleAsync(a => a.Id == done.AcceptedArticleId);
        Assert.Equal(ArticleStatus.Draft, copy.Status);
        var revision = await check.Revisions.AsNoTracking().SingleAsync(r => r.ArticleId == copy.Id);
        Assert.Equal((global::GovPortal.BackOffice.Workflow.RevisionState.Submitted, 2, 1),
            (revision.State, revision.RequiredLevels, revision.PassedLevels));
    }
}
