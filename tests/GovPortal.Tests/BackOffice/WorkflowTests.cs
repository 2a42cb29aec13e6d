using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// The editorial workflow. The tests share one portal and newsroom (each works on articles of its own); the ones that
/// change a channel's settings or rely on an untouched demo article start a portal of their own.
/// </summary>
public sealed class WorkflowTests(NewsroomFixture shared) : IClassFixture<NewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    /// <summary>A China-time schedule input some days from now.</summary>
    private static string InDays(int days) => ChinaTime.ToChina(DateTime.UtcNow.AddDays(days))
        .ToString("yyyy-MM-dd 09:00", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_editor_writes_a_reviewer_approves_a_publisher_publishes_and_the_page_goes_live_with_its_file()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var pdf = TestPdf.Create("黄埭镇秋季安全生产检查通知");
        var id = await room.WriteAsync("黄埭镇开展秋季安全生产大检查", "<p>黄埭镇近日组织开展秋季安全生产大检查。</p>", files: [("安全检查方案.pdf", pdf)]);
        Assert.Equal(RevisionState.Draft, (await room.RevisionAsync(id)).State);
        Assert.Equal(ArticleStatus.Draft, (await room.ArticleAsync(id)).Status);

        await room.DoAsync(room.Editor, id, "submit");
        Assert.Equal(RevisionState.Submitted, (await room.RevisionAsync(id)).State);
        await room.DoAsync(room.Reviewer, id, "approve");
        Assert.Equal(RevisionState.Approved, (await room.RevisionAsync(id)).State);
        Assert.Null((await room.ArticleAsync(id)).Url); // approved is not yet public
        await room.DoAsync(room.Publisher, id, "publish");

        var article = await room.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        var (status, page) = await portal.Client.GetDocumentAsync(article.Url!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("黄埭镇开展秋季安全生产大检查", page.QuerySelector("h1").Text());
        var file = page.QuerySelectorAll("a").First(a => a.TextContent.Contains("安全检查方案.pdf"));
        var download = await portal.Client.GetAsync(file.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains(article.Title, await (await portal.Client.GetAsync("/xwzx/bmdt/")).Content.ReadAsStringAsync());

        await using var db = portal.Settings.Database.CreateContext();
        var log = db.AuditEntries.Where(e => e.Target == $"文章 {id}").OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.Actor }).ToList();
        Assert.Equal([(AuditActions.ArticleCreated, "lihua"), (AuditActions.ArticleSubmitted, "lihua"),
            (AuditActions.ArticleApproved, "wangfang"), (AuditActions.ArticlePublished, "zhaolei")],
            log.Select(e => (e.Action, e.Actor)).ToList());
    }

    [Fact]
    public async Task Permissions_hold_per_channel()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var headlines = TestAccounts.ChannelId(portal, "xcyw");
        int seedId;
        await using (var db = portal.Settings.Database.CreateContext())
            seedId = db.Articles.Where(a => a.ChannelId == headlines).Select(a => a.Id).First();

        // The form offers only 部门动态; a crafted post into 相城要闻 is refused.
        var form = await room.Editor.GetPageAsync("articles/new");
        Assert.Contains("部门动态", form);
        Assert.DoesNotContain("相城要闻", form);
        var crafted =
            await room.Editor.PostMultipartAsync("articles/new", Newsroom.Fields(headlines, "越权文章", "<p>x</p>"), []);
        Assert.Equal(HttpStatusCode.Forbidden, crafted.StatusCode);
        Assert.Contains("没有在这个栏目撰写文章的权限", await crafted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await room.Editor.GetAsync($"articles/{seedId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await room.Editor.GetAsync($"articles/{seedId}/edit")).StatusCode);
        var revision = await room.RevisionAsync(seedId);
        var edit = await room.Editor.PostMultipartAsync($"articles/{seedId}/edit", Newsroom.Fields(headlines, "改标题",
            "<p>x</p>", baseRevisionId: revision.Id, baseVersion: revision.Version), []);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        // …nor moved into 部门动态 where the editor does have rights.
        var moved = await room.Editor.PostMultipartAsync($"articles/{seedId}/edit",
            Newsroom.Fields(TestAccounts.ChannelId(portal, "bmdt"), "改标题", "<p>x</p>", baseRevisionId: revision.Id,
            baseVersion: revision.Version), []);
        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await room.ActAsync(room.Publisher, seedId, "withdraw", F("reason", "越权撤稿测试"))).StatusCode);
        Assert.Equal(ArticleStatus.Published, (await room.ArticleAsync(seedId)).Status);
        Assert.NotEqual("改标题", (await room.RevisionAsync(seedId)).Title);

        // A grant on a parent channel covers its sub-channels.
        await TestAccounts.CreateAsync(portal, "sunli", [StaffRoles.Editor], "xwzx");
        using var parentEditor = await StaffClient.SignInAsync(portal, "sunli");
        Assert.Equal(HttpStatusCode.OK, (await parentEditor.GetAsync($"articles/{seedId}/edit")).StatusCode);
    }

    [Fact]
    public async Task Nobody_approves_their_own_submission()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        await TestAccounts.CreateAsync(portal, "zhangwei", [StaffRoles.Editor, StaffRoles.Reviewer], "bmdt");
        using var both = await StaffClient.SignInAsync(portal, "zhangwei");
        var id = await room.WriteAsync("自审测试", author: both);
        await room.DoAsync(both, id, "submit");
        var page = await both.GetPageAsync($"articles/{id}");
        Assert.Contains("须由其他审核人员审核", page);
        Assert.DoesNotContain($"articles/{id}/approve", page);
        var own = await room.ActAsync(both, id, "approve");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("不能审核自己提交的文章", await own.Content.ReadAsStringAsync());
        Assert.Equal(RevisionState.Submitted, (await room.RevisionAsync(id)).State);
        await room.DoAsync(room.Reviewer, id, "approve");
        Assert.Equal(RevisionState.Approved, (await room.RevisionAsync(id)).State);
    }

    [Fact]
    public async Task Three_review_levels_need_three_different_reviewers()
    {
        await using var portal = await RunningPortal.StartAsync();
        await using var room = await Newsroom.StartAsync(portal);
        await using (var db = portal.Settings.Database.CreateContext())
        {
            db.Channels.Single(c => c.Slug == "bmdt").ReviewLevels = 3;
            await db.SaveChangesAsync();
        }
        await TestAccounts.CreateAsync(portal, "liuyang", [StaffRoles.Reviewer], "bmdt");
        using var third = await StaffClient.SignInAsync(portal, "liuyang");
        var id = await room.WriteAsync("三审测试");
        await room.DoAsync(room.Editor, id, "submit");
        Assert.Equal(3, (await room.RevisionAsync(id)).RequiredLevels);

        await room.DoAsync(room.Reviewer, id, "approve");
        var twice = await room.ActAsync(room.Reviewer, id, "approve");
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("下一级须由其他审核人员审核", await twice.Content.ReadAsStringAsync());
        await room.DoAsync(room.SecondReviewer, id, "approve");
        Assert.Equal((RevisionState.Submitted, 2),
            ((await room.RevisionAsync(id)).State, (await room.RevisionAsync(id)).PassedLevels));
        Assert.Equal(HttpStatusCode.BadRequest, (await room.ActAsync(room.Publisher, id, "publish")).StatusCode);
        await room.DoAsync(third, id, "approve");
        var revision = await room.RevisionAsync(id);
        Assert.Equal(RevisionState.Approved, revision.State);
        Assert.Equal("wangfang,chenjing,liuyang", revision.ApprovedBy);
        await room.DoAsync(room.Publisher, id, "publish");
    }

    [Fact]
    public async Task A_rejection_needs_a_comment_and_goes_back_to_the_editor_who_fixes_and_resubmits()
    {
        var room = shared.Room;
        var id = await room.WriteAsync("退回测试");
        await room.DoAsync(room.Editor, id, "submit");
        var empty = await room.ActAsync(room.Reviewer, id, "reject", F("comment", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写退回意见", await empty.Content.ReadAsStringAsync());
        await room.DoAsync(room.Reviewer, id, "reject", F("comment", "第二段的日期有误，请核实。"));
        Assert.Equal(RevisionState.Rejected, (await room.RevisionAsync(id)).State);

        var dashboard = await room.Editor.GetPageAsync("");
        Assert.Contains("退回给我的", dashboard);
        Assert.Contains("第二段的日期有误，请核实。", dashboard);
        var revision = await room.RevisionAsync(id);
        var saved = await room.Editor.PostMultipartAsync($"articles/{id}/edit", Newsroom.Fields(revision.ChannelId,
            "退回测试（已改）", "<p>日期已核实。</p>", baseRevisionId: revision.Id, baseVersion: revision.Version), []);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal(RevisionState.Draft, (await room.RevisionAsync(id)).State);
        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        Assert.Equal(RevisionState.Approved, (await room.RevisionAsync(id)).State);
    }

    [Fact]
    public async Task Only_valid_transitions_are_possible()
    {
        var room = shared.Room;
        var id = await room.WriteAsync("状态测试");

        async Task Refused(StaffClient who, string action, params KeyValuePair<string, string>[] fields)
        {
            var state = (await room.RevisionAsync(id)).State;
            var response = await room.ActAsync(who, id, action, fields);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
                $"{action} in {state}: {(int)response.StatusCode}");
            Assert.Equal(state, (await room.RevisionAsync(id)).State);
        }

        // Draft
        await Refused(room.Reviewer, "approve");
        await Refused(room.Reviewer, "reject", F("comment", "不应可以退回草稿"));
        await Refused(room.Publisher, "publish");
        await Refused(room.Publisher, "schedule", F("at", InDays(30)));
        await Refused(room.Publisher, "unschedule");
        await Refused(room.Editor, "recall");
        await Refused(room.Publisher, "withdraw", F("reason", "草稿不能撤稿"));
        // Submitted
        await room.DoAsync(room.Editor, id, "submit");
        await Refused(room.Editor, "submit");
        await Refused(room.Publisher, "publish");
        var revision = await room.RevisionAsync(id);
        var edit = await room.Editor.PostMultipartAsync($"articles/{id}/edit", Newsroom.Fields(revision.ChannelId,
            "审核中修改", "<p>x</p>", baseRevisionId: revision.Id, baseVersion: revision.Version), []);
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await room.Editor.GetAsync($"articles/{id}/edit")).StatusCode);
        // Recall and submit again
        await room.DoAsync(room.Editor, id, "recall");
        Assert.Equal(RevisionState.Draft, (await room.RevisionAsync(id)).State);
        await room.DoAsync(room.Editor, id, "submit");
        // Approved
        await room.DoAsync(room.Reviewer, id, "approve");
        await Refused(room.Editor, "submit");
        await Refused(room.SecondReviewer, "approve");
        await Refused(room.Publisher, "unschedule");
        // Scheduled, then back to approved
        await room.DoAsync(room.Publisher, id, "schedule", F("at", InDays(30)));
        Assert.Equal(RevisionState.Scheduled, (await room.RevisionAsync(id)).State);
        await Refused(room.Publisher, "publish");
        await room.DoAsync(room.Publisher, id, "unschedule");
        Assert.Equal(RevisionState.Approved, (await room.RevisionAsync(id)).State);
        await Refused(room.Publisher, "schedule", F("at", "2000-01-01 09:00")); // in the past
        await Refused(room.Publisher, "schedule", F("at", InDays(400))); // more than a year ahead
        await Refused(room.Publisher, "schedule", F("at", "明天上午")); // not a time
        // Published
        await room.DoAsync(room.Publisher, id, "publish");
        Assert.Equal(RevisionState.Published, (await room.RevisionAsync(id)).State);
        await Refused(room.Editor, "submit");
        await Refused(room.Reviewer, "approve");
        await Refused(room.Publisher, "publish");
        await Refused(room.Editor, "recall");
        await Refused(room.Publisher, "withdraw", F("reason", "短")); // a reason is required
        // Withdrawn
        await room.DoAsync(room.Publisher, id, "withdraw", F("reason", "内容已过时，撤下。"));
        await Refused(room.Publisher, "withdraw", F("reason", "再次撤稿不应可以"));
    }

    [Fact]
    public async Task Editing_a_live_article_makes_a_new_draft_and_the_page_stays_until_it_is_published()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var id = await room.PublishNewAsync("望亭镇召开人居环境整治推进会", "<p>会议要求各村加快整治进度。</p>");
        var url = (await room.ArticleAsync(id)).Url!;
        var live = await (await portal.Client.GetAsync(url)).Content.ReadAsStringAsync();

        var published = await room.RevisionAsync(id);
        var saved = await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            Newsroom.Fields(published.ChannelId, "望亭镇召开人居环境整治推进会（更正）", "<p>会议要求各村在月底前完成整治。</p>",
                baseRevisionId: published.Id, baseVersion: published.Version), []);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var draft = await room.RevisionAsync(id);
        Assert.Equal((2, RevisionState.Draft), (draft.Number, draft.State));
        Assert.Equal(live, await (await portal.Client.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Equal("望亭镇召开人居环境整治推进会", (await room.ArticleAsync(id)).Title);

        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        await room.DoAsync(room.Publisher, id, "publish");
        var article = await room.ArticleAsync(id);
        Assert.Equal(url, article.Url); // the address stays
        var page = await (await portal.Client.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("在月底前完成整治", page);
        await using var db = portal.Settings.Database.CreateContext();
        Assert.Equal([RevisionState.Superseded, RevisionState.Published],
            db.Revisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => r.State).ToList());
    }

    [Fact]
    public async Task Force_publishing_needs_a_reason_is_marked_and_listed_for_retrospective_review()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var id = await room.WriteAsync("关于暂停部分公交线路运营的紧急通知");
        var noReason = await room.ActAsync(room.Publisher, id, "force-publish", F("reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("须写明理由", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(ArticleStatus.Draft, (await room.ArticleAsync(id)).Status);

        await room.DoAsync(room.Publisher, id, "force-publish", F("reason", "台风预警，需立即告知市民线路调整。"));
        Assert.Equal(ArticleStatus.Published, (await room.ArticleAsync(id)).Status);
        var revision = await room.RevisionAsync(id);
        Assert.Equal("台风预警，需立即告知市民线路调整。", revision.ForcedReason);

        var list = await room.Reviewer.GetPageAsync("forced");
        Assert.Contains("关于暂停部分公交线路运营的紧急通知", list);
        Assert.Contains("台风预警，需立即告知市民线路调整。", list);
        Assert.Contains($"forced/{revision.Id}/confirm", list);
        // The publisher cannot review their own force-publish, even with the reviewer role.
        var self = await room.Publisher.PostAsync($"forced/{revision.Id}/confirm", []);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await room.Reviewer.PostAsync($"forced/{revision.Id}/confirm", [])).StatusCode);
        Assert.Equal("wangfang", (await room.RevisionAsync(id)).ForcedReviewedBy);

        await using var db = portal.Settings.Database.CreateContext();
        var entry = db.AuditEntries.Single(e => e.Action == AuditActions.ArticleForcePublished);
        Assert.Equal("zhaolei", entry.Actor);
        Assert.Contains("台风预警，需立即告知市民线路调整。", entry.Details);
    }

    [Fact]
    public async Task Withdrawing_answers_410_and_takes_the_article_out_of_lists_feeds_sitemap_and_search()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var id = await room.PublishNewAsync("渭塘镇珍珠产业发展大会召开", "<p>渭塘镇举办珍珠产业发展大会。</p>");
        var url = (await room.ArticleAsync(id)).Url!;
        Assert.Contains("渭塘镇珍珠产业发展大会召开", await portal.Client.GetStringAsync("/xwzx/bmdt/rss.xml"));

        await room.DoAsync(room.Publisher, id, "withdraw", F("reason", "信息有误，需撤下核实。"));
        var gone = await portal.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("此文章已撤稿", await gone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, (await portal.Client.GetAsync("/elder" + url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await portal.Client.GetAsync("/xwzx/bmdt/202001/t20200101_999999.html")).StatusCode);
        foreach (var path in new[] { "/xwzx/bmdt/", "/xwzx/bmdt/rss.xml", "/xwzx/bmdt/sitemap.xml", "/" })
            Assert.DoesNotContain("渭塘镇珍珠产业发展大会召开", await portal.Client.GetStringAsync(path));
        await WaitForSearchAsync(portal, "珍珠产业发展大会", url, expectFound: false);
        Assert.Equal(RevisionState.Withdrawn, (await room.RevisionAsync(id)).State);

        // Published again (through the workflow), the address is an ordinary page once more.
        var withdrawn = await room.RevisionAsync(id);
        var saved = await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            Newsroom.Fields(withdrawn.ChannelId, "渭塘镇珍珠产业发展大会召开", "<p>核实后重新发布。</p>",
            baseRevisionId: withdrawn.Id, baseVersion: withdrawn.Version), []);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        await room.DoAsync(room.Publisher, id, "publish");
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync(url)).StatusCode);
        await WaitForSearchAsync(portal, "珍珠产业发展大会", url, expectFound: true);
    }

    // The search index commits a moment after a change (SearchIndex.CommitDelay);
    // wait for it, without asserting on time.
    private static async Task WaitForSearchAsync(RunningPortal portal, string query, string url, bool expectFound)
    {
        for (var i = 0; i < 50; i++) // slower than the search rate limit allows
        {
            var json = await portal.Client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(query));
            if (json.Contains(url) == expectFound) return;
            await Task.Delay(400);
        }
        Assert.Fail($"search for {query} never became {(expectFound ? "found" : "not found")}");
    }

    [Fact]
    public async Task A_second_save_based_on_an_older_version_is_refused_and_keeps_what_was_typed()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        await TestAccounts.CreateAsync(portal, "zhoumin", [StaffRoles.Editor], "bmdt");
        using var colleague = await StaffClient.SignInAsync(portal, "zhoumin");
        var id = await room.WriteAsync("并发编辑测试");
        var loaded = await room.RevisionAsync(id); // both open the form now

        var first = await room.Editor.PostMultipartAsync($"articles/{id}/edit", Newsroom.Fields(loaded.ChannelId,
            "李华的标题", "<p>李华的正文</p>", baseRevisionId: loaded.Id, baseVersion: loaded.Version), []);
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        var second = await colleague.PostMultipartAsync($"articles/{id}/edit", Newsroom.Fields(loaded.ChannelId,
            "周敏的标题", "<p>周敏写了很长的一段正文</p>", baseRevisionId: loaded.Id, baseVersion: loaded.Version), []);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("已被其他人修改", html);
        Assert.Contains("周敏的标题", html);
        Assert.Contains("周敏写了很长的一段正文", html); // nothing typed is lost
        Assert.Equal("李华的标题", (await room.RevisionAsync(id)).Title);

        // The same holds for workflow actions: an action from a page showing an older version is refused.
        var stale = await room.Editor.PostAsync($"articles/{id}/submit", [F("version", loaded.Version.ToString())]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task History_shows_who_did_what_a_diff_between_revisions_and_an_old_revision_restores_as_a_new_draft()
    {
        var room = shared.Room;
        var id = await room.PublishNewAsync("北桥街道开展消防演练", "<p>北桥街道组织辖区企业开展消防演练。</p><p>共有三百余人参加。</p>");
        var v1 = await room.RevisionAsync(id);
        await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            Newsroom.Fields(v1.ChannelId, "北桥街道开展冬季消防演练", "<p>北桥街道组织辖区企业开展消防演练。</p><p>共有五百余人参加。</p>",
            baseRevisionId: v1.Id, baseVersion: v1.Version), []);
        var v2 = await room.RevisionAsync(id);

        var page = await room.Editor.GetPageAsync($"articles/{id}");
        Assert.Contains("第 1 版", page);
        Assert.Contains("第 2 版", page);
        Assert.Contains("审核：wangfang", page);
        Assert.Contains("发布：zhaolei", page);

        var diff = await room.Editor.GetPageAsync($"articles/{id}/diff?from={v1.Id}&to={v2.Id}");
        Assert.Contains("<ins>冬季</ins>", diff);
        Assert.Contains("<del>三</del>", diff);
        Assert.Contains("<ins>五</ins>", diff);

        // A draft in the workflow is never overwritten by a restore…
        var blocked = await room.Editor.PostAsync($"articles/{id}/restore", [F("revisionId", v1.Id.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        Assert.Equal("北桥街道开展冬季消防演练", (await room.RevisionAsync(id)).Title);
        // …but once it is published, an old revision comes back as a new draft.
        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        await room.DoAsync(room.Publisher, id, "publish");
        Assert.Equal(HttpStatusCode.SeeOther,
            (await room.Editor.PostAsync($"articles/{id}/restore", [F("revisionId", v1.Id.ToString())])).StatusCode);
        var restored = await room.RevisionAsync(id);
        Assert.Equal((3, RevisionState.Draft, "北桥街道开展消防演练"), (restored.Number, restored.State, restored.Title));
        Assert.Contains("冬季", (await room.ArticleAsync(id)).Title); // the live page waits for the workflow
    }

    [Fact]
    public async Task Preview_shows_unpublished_content_in_the_public_theme_to_staff_only_and_writes_nothing()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var id = await room.WriteAsync("阳澄湖镇预览测试文章", "<p>这段正文尚未发布。</p>", files: [("附件.pdf", TestPdf.Create("附件"))]);
        var preview = await room.Editor.GetAsync($"articles/{id}/preview");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("阳澄湖镇预览测试文章", html);
        Assert.Contains("不会写入公开网站", html);
        Assert.Contains("/admin/files/", html); // its file comes from the back office
        Assert.Contains("class=\"article\"", html); // the public theme's article page

        using var anonymous = StaffClient.Anonymous(portal);
        var refused = await anonymous.GetAsync($"articles/{id}/preview");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/admin/login", new Uri(portal.Address, refused.Headers.Location!).AbsolutePath);
        foreach (var file in Directory.EnumerateFiles(portal.Output.PublicDirectory, "*.html",
            SearchOption.AllDirectories))
            Assert.DoesNotContain("阳澄湖镇预览测试文章", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Stored_script_in_a_title_or_body_never_runs_on_any_page()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        const string title = "<script>alert('t')</script>元和街道通知";
        var id = await room.PublishNewAsync(title, "<p onclick=\"alert(1)\">正文</p><script>alert('b')</script>"
            + "<img src=x alt=\"图\" onerror=alert(2)><a href=\"javascript:alert(3)\">链接</a>"
            + "<iframe src=\"https://evil.example\"></iframe>");
        var article = await room.ArticleAsync(id);
        foreach (var html in new[]
                 {
                     await portal.Client.GetStringAsync(article.Url), await room.Editor.GetPageAsync($"articles/{id}"),
                     await room.Editor.GetPageAsync(""), await room.Editor.GetPageAsync("articles"),
                     await portal.Client.GetStringAsync("/xwzx/bmdt/"),
                 })
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("onerror", html);
            Assert.DoesNotContain("onclick", html);
            Assert.DoesNotContain("javascript:", html);
            Assert.DoesNotContain("<iframe", html);
        }
        Assert.Contains("&lt;script&gt;", await room.Editor.GetPageAsync($"articles/{id}"));
    }

    [Fact]
    public async Task Empty_filters_of_the_article_list_mean_all_and_its_next_page_answers_too()
    {
        var room = shared.Room;
        var id = await room.WriteAsync("筛选全部栏目的文章");
        foreach (var query in new[] { "articles?q=&channel=&state=", "articles?page=2&channel=&state=&q=",
                     "articles?channel=abc&page=-1", "articles?channel=99999999999" })
        {
            using var response = await room.Editor.GetAsync(query);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, query);
        }
        Assert.Contains("筛选全部栏目的文章", await room.Editor.GetPageAsync("articles?q=&channel=&state="));
        var article = await room.ArticleAsync(id);
        Assert.Contains("筛选全部栏目的文章",
            await room.Editor.GetPageAsync($"articles?q=&channel={article.ChannelId}&state="));
    }

    [Fact]
    public async Task The_dashboard_shows_each_person_what_waits_for_them()
    {
        var room = shared.Room;
        var draft = await room.WriteAsync("仪表盘草稿");
        var submitted = await room.WriteAsync("仪表盘待审");
        await room.DoAsync(room.Editor, submitted, "submit");
        var approved = await room.WriteAsync("仪表盘待发布");
        await room.DoAsync(room.Editor, approved, "submit");
        await room.DoAsync(room.Reviewer, approved, "approve");
        var scheduled = await room.WriteAsync("仪表盘定时");
        await room.DoAsync(room.Editor, scheduled, "submit");
        await room.DoAsync(room.Reviewer, scheduled, "approve");
        await room.DoAsync(room.Publisher, scheduled, "schedule", F("at", InDays(60)));
        await room.PublishNewAsync("仪表盘已发布");

        string Section(string html, string heading) =>
            html[html.IndexOf(heading, StringComparison.Ordinal)..] is var rest
            && rest.IndexOf("</section>", StringComparison.Ordinal) is var end ? rest[..end] : "";
        var editor = await room.Editor.GetPageAsync("");
        Assert.Contains("仪表盘草稿", Section(editor, "我的草稿"));
        Assert.DoesNotContain("仪表盘待审", Section(editor, "我的草稿"));
        var reviewer = await room.Reviewer.GetPageAsync("");
        Assert.Contains("仪表盘待审", Section(reviewer, "等待我审核"));
        Assert.DoesNotContain("仪表盘草稿", reviewer);
        var publisher = await room.Publisher.GetPageAsync("");
        Assert.Contains("仪表盘待发布", Section(publisher, "等待发布"));
        Assert.Contains("仪表盘定时", Section(publisher, "定时发布"));
        Assert.Contains(InDays(60), Section(publisher, "定时发布"));
        Assert.Contains("仪表盘已发布", Section(publisher, "最近发布"));
        _ = draft;
    }

    [Fact]
    public async Task
        Two_people_opening_an_article_from_before_the_back_office_at_the_same_moment_share_one_first_revision()
    {
        await using var portal = await RunningPortal.StartAsync();
        int id;
        await using (var db = portal.Settings.Database.CreateContext())
            id = db.Articles.OrderBy(a => a.Id).Select(a => a.Id).First();
        // The other person's first revision lands between this one's look and its save.
        var options =
            new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<GovPortal.Data.SqliteGovPortalDbContext>()
            .UseSqlite(portal.Settings.Database.ConnectionString)
            .AddInterceptors(new OtherPersonFirst(portal.Settings.Database, id)).Options;
        await using var racing = new GovPortal.Data.SqliteGovPortalDbContext(options);

        var loaded = await portal.Service<ArticleWorkflow>().LoadAsync(racing, id);

        var revision = Assert.Single(loaded!.Value.Revisions);
        Assert.Equal("someone-else", revision.CreatedBy);
        await using var check = portal.Settings.Database.CreateContext();
        Assert.Equal(1, check.Revisions.Count(r => r.ArticleId == id));
    }

    private sealed class OtherPersonFirst(GovPortal.Data.DatabaseOptions database, int articleId)
        : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>>
            SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
                Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            await using var other = database.CreateContext();
            var article = other.Articles.Single(a => a.Id == articleId);
            other.Revisions.Add(new Revision { ArticleId = articleId, Number = 1, Title = article.Title,
                ChannelId = article.ChannelId, CreatedBy = "someone-else", State = RevisionState.Published });
            await other.SaveChangesAsync(cancellationToken);
            return result;
        }
    }
}
