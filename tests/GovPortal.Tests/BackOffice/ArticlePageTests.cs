using System.Net;
using AngleSharp.Dom;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// The article page as the people of the workflow read it: content findings listed once per place, only the actions
/// that can succeed offered, refusals said beside their form with what was typed kept, review comments and people's
/// 姓名 in the history. One portal and newsroom for the class; each test writes articles of its own.
/// </summary>
public sealed class ArticlePageTests(NewsroomFixture shared) : IClassFixture<NewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private Newsroom Room => shared.Room;

    private async Task<IDocument> PageAsync(StaffClient who, int id) =>
        Html.Parse(await who.GetPageAsync($"articles/{id}"));

    private static bool Offers(IDocument page, int id, string action) =>
        page.QuerySelector($"form[action$='/articles/{id}/{action}']") is not null;

    [Fact]
    public async Task A_finding_is_listed_once_for_each_place_with_the_words_around_that_place()
    {
        var id = await Room.WriteAsync("重复词检查",
            "<p>开会时有人说了一句王八蛋。</p><p>散会以后他又骂王八蛋。</p>");

        var items = (await PageAsync(Room.Editor, id)).QuerySelectorAll(".findings li").Select(li => li.InnerHtml)
            .ToList();
        Assert.Equal(items.Count, items.Distinct().Count());
        Assert.Contains(items, item => item.Contains("有人说了一句<mark>王八蛋</mark>", StringComparison.Ordinal));
        Assert.Contains(items, item => item.Contains("他又骂<mark>王八蛋</mark>", StringComparison.Ordinal));
        Assert.Contains("内容检查：2 处必须修改", await Room.Editor.GetPageAsync($"articles/{id}"));
    }

    [Fact]
    public async Task While_a_blocking_finding_stands_nothing_that_moves_the_article_on_is_offered()
    {
        var blocked = await Room.WriteAsync("阻止项仍在", "<p>会上有人说了一句王八蛋。</p>");
        var clean = await Room.WriteAsync("没有问题的稿件");

        var editorPage = await PageAsync(Room.Editor, blocked);
        Assert.False(Offers(editorPage, blocked, "submit"));
        Assert.Contains("有必须修改的问题时，文章不能提交审核或发布。", editorPage.Body!.TextContent);
        Assert.NotNull(editorPage.QuerySelector($"a[href$='/articles/{blocked}/edit']")); // to change it instead
        Assert.False(Offers(await PageAsync(Room.Publisher, blocked), blocked, "force-publish"));

        Assert.True(Offers(await PageAsync(Room.Editor, clean), clean, "submit"));
        Assert.True(Offers(await PageAsync(Room.Publisher, clean), clean, "force-publish"));
    }

    [Fact]
    public async Task The_comment_given_on_approval_is_kept_in_the_history()
    {
        var id = await Room.WriteAsync("审核意见留痕");
        await Room.DoAsync(Room.Editor, id, "submit");
        await Room.DoAsync(Room.Reviewer, id, "approve", F("comment", "同意发布，\n请核对会议日期"));
        await Room.DoAsync(Room.Publisher, id, "publish");

        var history = (await PageAsync(Room.Editor, id)).QuerySelector("table").Text();
        Assert.Contains("一审意见", history);
        Assert.Contains("同意发布， 请核对会议日期", history);

        var tooLong = await Room.WriteAsync("审核意见过长");
        await Room.DoAsync(Room.Editor, tooLong, "submit");
        var refused = await Room.ActAsync(Room.Reviewer, tooLong, "approve", F("comment", new string('意', 2001)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不能超过 2000 个字", await refused.Content.ReadAsStringAsync());
        Assert.Equal(RevisionState.Submitted, (await Room.RevisionAsync(tooLong)).State);
    }

    [Fact]
    public async Task A_refused_withdrawal_schedule_or_urgent_publication_says_the_rule_beside_its_form()
    {
        var live = await Room.PublishNewAsync("撤稿理由过短");
        var form = await PageAsync(Room.Publisher, live);
        var reason = form.QuerySelector("#withdrawReason")!;
        // The rule is the server's to say: the browser does not refuse the form on its own.
        Assert.False(reason.HasAttribute("minlength") || reason.HasAttribute("required"));
        Assert.Contains("至少 5 个字", form.QuerySelector("label[for=withdrawReason]").Text());

        var withdraw = await Room.ActAsync(Room.Publisher, live, "withdraw", F("reason", "太短"));
        Assert.Equal(HttpStatusCode.BadRequest, withdraw.StatusCode);
        var page = Html.Parse(await withdraw.Content.ReadAsStringAsync());
        Assert.Equal("撤稿理由过短", page.QuerySelector("h1").Text()); // the article page, not a page of its own
        Assert.Contains("至少 5 个字", page.QuerySelector("#withdraw-problem").Text());
        Assert.Equal("太短", page.QuerySelector("#withdrawReason")!.TextContent);
        Assert.Equal("withdraw-problem", page.QuerySelector("#withdrawReason")!.GetAttribute("aria-describedby"));
        Assert.Equal(ArticleStatus.Published, (await Room.ArticleAsync(live)).Status);

        var approved = await Room.WriteAsync("定时发布时间已过");
        await Room.DoAsync(Room.Editor, approved, "submit");
        await Room.DoAsync(Room.Reviewer, approved, "approve");
        var at = (await PageAsync(Room.Publisher, approved)).QuerySelector("#at")!;
        Assert.False(at.HasAttribute("pattern") || at.HasAttribute("min") || at.HasAttribute("required"));
        foreach (var (typed, rule) in new[] { ("2000-01-01 09:00", "必须晚于现在"), ("明天上午", "年-月-日 时:分") })
        {
            var schedule = await Room.ActAsync(Room.Publisher, approved, "schedule", F("at", typed));
            Assert.Equal(HttpStatusCode.BadRequest, schedule.StatusCode);
            var shown = Html.Parse(await schedule.Content.ReadAsStringAsync());
            Assert.Contains(rule, shown.QuerySelector("#schedule-problem").Text());
            Assert.Equal(typed, shown.QuerySelector("#at")!.GetAttribute("value"));
        }
        Assert.Equal(RevisionState.Approved, (await Room.RevisionAsync(approved)).State);

        var draft = await Room.WriteAsync("紧急发布理由过短");
        var force = await Room.ActAsync(Room.Publisher, draft, "force-publish", F("reason", "急"));
        Assert.Equal(HttpStatusCode.BadRequest, force.StatusCode);
        var forced = Html.Parse(await force.Content.ReadAsStringAsync());
        Assert.Contains("至少 5 个字", forced.QuerySelector("#force-publish-problem").Text());
        Assert.Equal("急", forced.QuerySelector("#forceReason")!.TextContent);

        var reject = await Room.WriteAsync("退回意见为空");
        await Room.DoAsync(Room.Editor, reject, "submit");
        var rejected = await Room.ActAsync(Room.Reviewer, reject, "reject", F("comment", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("退回意见", Html.Parse(await rejected.Content.ReadAsStringAsync())
            .QuerySelector("#reject-problem").Text());
    }

    [Fact]
    public async Task Going_on_without_confirming_the_warnings_is_told_beside_the_button()
    {
        var id = await Room.WriteAsync("警告未确认", "<p>请各单位于本周内按装好消防设备。</p>");
        var box = (await PageAsync(Room.Editor, id)).QuerySelector("input[name=acknowledge]")!;
        Assert.False(box.HasAttribute("required"));

        var submit = await Room.ActAsync(Room.Editor, id, "submit");
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        var page = Html.Parse(await submit.Content.ReadAsStringAsync());
        Assert.Contains("勾选“已核实”", page.QuerySelector("#submit-problem").Text());
        Assert.Equal(RevisionState.Draft, (await Room.RevisionAsync(id)).State);
    }

    [Fact]
    public async Task People_are_named_by_their_given_names_in_the_history_the_dashboard_and_the_messages()
    {
        var portal = shared.Portal;
        await TestAccounts.CreateAsync(portal, "names-admin", [StaffRoles.Administrator]);
        using (var admin = await StaffClient.SignInAsync(portal, "names-admin"))
        {
            await using var db = portal.Settings.Database.CreateContext();
            foreach (var (account, name) in new[] { ("lihua", "李华"), ("wangfang", "王芳"), ("zhaolei", "赵磊") })
            {
                var id = db.Users.Single(u => u.UserName == account).Id;
                var saved = await admin.PostAsync($"accounts/{id}", [F("displayName", name)]);
                Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
            }
        }

        var article = await Room.WriteAsync("署名显示姓名");
        await Room.DoAsync(Room.Editor, article, "submit");
        await Room.DoAsync(Room.Reviewer, article, "reject", F("comment", "请补充会议时间"));
        var rejectedPage = await PageAsync(Room.Editor, article);
        Assert.Contains("被 王芳 退回", rejectedPage.QuerySelector("main .notice.error").Text());
        Assert.Contains("被 王芳 退回", await Room.Editor.GetPageAsync($"articles/{article}/edit"));
        var dashboard = Html.Parse(await Room.Editor.GetPageAsync(""));
        Assert.Contains("（王芳）", dashboard.QuerySelector("main").Text());

        await Room.DoAsync(Room.Editor, article, "submit");
        await Room.DoAsync(Room.Reviewer, article, "approve", F("comment", "可以发布"));
        await Room.DoAsync(Room.Publisher, article, "publish");
        var history = (await PageAsync(Room.Editor, article)).QuerySelector("table").Text();
        foreach (var shown in new[] { "李华", "提交：李华", "审核：王芳", "一审意见（王芳）：可以发布", "发布：赵磊" })
            Assert.Contains(shown, history);
        foreach (var account in new[] { "lihua", "wangfang", "zhaolei" })
            Assert.DoesNotContain(account, history);
        // Account names stay what the audit log records.
        Assert.Equal("wangfang", (await Room.RevisionAsync(article)).ApprovedBy);
    }
}
