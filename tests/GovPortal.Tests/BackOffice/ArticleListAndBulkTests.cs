using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// The article list's columns, order and filters, and its 批量 actions: each chosen item goes through the workflow as
/// its own button would take it, and the result page says, item by item, what was done and what was not and why.
/// </summary>
public sealed partial class ArticleListAndBulkTests(NewsroomFixture shared) : IClassFixture<NewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private Newsroom Room => shared.Room;

    /// <summary>Posts a bulk action as the list's form does, with the version each row showed.</summary>
    private async Task<HttpResponseMessage> BulkAsync(StaffClient who, string action, IEnumerable<int> ids,
        params KeyValuePair<string, string>[] extra)
    {
        var fields = new List<KeyValuePair<string, string>> { F("action", action) };
        foreach (var id in ids)
        {
            fields.Add(F("ids", id.ToString()));
            fields.Add(F($"version-{id}", (await Room.RevisionAsync(id)).Version.ToString()));
        }
        fields.AddRange(extra);
        return await who.PostAsync("articles/bulk", fields);
    }

    /// <summary>The result page's rows: title and 已完成 or 未执行 with the reason.</summary>
    private static List<(string Title, string Outcome, string Message)> Results(string html) =>
        ResultRow().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();

    [GeneratedRegex("<tr>\\s*<td><a href=\"[^\"]+\">([^<]+)</a></td>\\s*<td><span class=\"state\">([^<]+)</span></td>"
        + "\\s*<td>([^<]*)</td>")]
    private static partial Regex ResultRow();

    [Fact]
    public async Task A_mixed_selection_is_submitted_item_by_item_and_each_result_is_reported()
    {
        var first = await Room.WriteAsync("批量：区农业农村局召开会议");
        var second = await Room.WriteAsync("批量：区教育局开展安全检查");
        var live = await Room.PublishNewAsync("批量：已发布的文章");

        var response = await BulkAsync(Room.Editor, "Submit", [first, live, second]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("共 3 篇：2", html);
        var results = Results(html);
        Assert.Equal(["批量：区农业农村局召开会议", "批量：已发布的文章", "批量：区教育局开展安全检查"],
            results.Select(r => r.Title));
        Assert.Equal(["已完成", "未执行", "已完成"], results.Select(r => r.Outcome));
        Assert.False(string.IsNullOrWhiteSpace(results[1].Message));
        Assert.Equal(RevisionState.Submitted, (await Room.RevisionAsync(first)).State);
        Assert.Equal(RevisionState.Submitted, (await Room.RevisionAsync(second)).State);
        Assert.Equal(RevisionState.Published, (await Room.RevisionAsync(live)).State);

        // A reviewer approves both; one row was shown at an older version (someone acted since): refused alone.
        var stale = new List<KeyValuePair<string, string>>
        {
            F("action", "Approve"), F("ids", first.ToString()), F("ids", second.ToString()),
            F($"version-{first}", (await Room.RevisionAsync(first)).Version.ToString()),
            F($"version-{second}", ((await Room.RevisionAsync(second)).Version - 1).ToString()),
        };
        results = Results(await (await Room.Reviewer.PostAsync("articles/bulk", stale)).Content.ReadAsStringAsync());
        Assert.Equal(["已完成", "未执行"], results.Select(r => r.Outcome));
        Assert.Equal(RevisionState.Approved, (await Room.RevisionAsync(first)).State);
        Assert.Equal(RevisionState.Submitted, (await Room.RevisionAsync(second)).State);

        // An editor cannot publish, in bulk or not: each item says so and nothing is published.
        results = Results(await (await BulkAsync(Room.Editor, "Publish", [first])).Content.ReadAsStringAsync());
        Assert.Equal("未执行", Assert.Single(results).Outcome);
        results = Results(await (await BulkAsync(Room.Publisher, "Publish", [first])).Content.ReadAsStringAsync());
        Assert.Equal("已完成", Assert.Single(results).Outcome);
        Assert.Equal(ArticleStatus.Published, (await Room.ArticleAsync(first)).Status);
    }

    [Fact]
    public async Task A_withdrawal_needs_one_reason_for_all_and_takes_every_page_down()
    {
        var portal = shared.Portal;
        var ids = new[] { await Room.PublishNewAsync("批量撤稿：通知一"), await Room.PublishNewAsync("批量撤稿：通知二") };

        var refused = Results(await (await BulkAsync(Room.Publisher, "Withdraw", ids, F("reason", "过期")))
            .Content.ReadAsStringAsync());
        Assert.All(refused, r => Assert.Equal("未执行", r.Outcome));
        Assert.All(refused, r => Assert.Contains("撤稿须写明理由", r.Message));
        foreach (var id in ids) Assert.Equal(ArticleStatus.Published, (await Room.ArticleAsync(id)).Status);

        var done = Results(await (await BulkAsync(Room.Publisher, "Withdraw", ids, F("reason", "通知内容已过期。")))
            .Content.ReadAsStringAsync());
        Assert.All(done, r => Assert.Equal("已完成", r.Outcome));
        foreach (var id in ids)
            Assert.Equal(HttpStatusCode.Gone,
                (await portal.Client.GetAsync((await Room.ArticleAsync(id)).Url)).StatusCode);
    }

    [Fact]
    public async Task Moving_puts_a_draft_in_the_new_channel_and_gives_a_live_article_a_new_draft_there()
    {
        var portal = shared.Portal;
        var other = TestAccounts.ChannelId(portal, "xcyw");
        await TestAccounts.GrantChannelAsync(portal, "lihua", "xcyw");
        var draft = await Room.WriteAsync("批量移动：草稿");
        var live = await Room.PublishNewAsync("批量移动：已发布");
        var url = (await Room.ArticleAsync(live)).Url!;

        var results = Results(await (await BulkAsync(Room.Editor, "Move", [draft, live],
            F("channelId", other.ToString()))).Content.ReadAsStringAsync());
        Assert.Equal(["已完成", "已完成"], results.Select(r => r.Outcome));
        Assert.Contains("已移到", results[0].Message);
        Assert.Equal(other, (await Room.RevisionAsync(draft)).ChannelId);
        var newDraft = await Room.RevisionAsync(live);
        Assert.Equal((RevisionState.Draft, other), (newDraft.State, newDraft.ChannelId));
        Assert.NotEqual(other, (await Room.ArticleAsync(live)).ChannelId); // live until the draft is published
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync(url)).StatusCode);

        var none = await BulkAsync(Room.Editor, "Move", [draft]);
        Assert.Equal("未执行", Assert.Single(Results(await none.Content.ReadAsStringAsync())).Outcome);
    }

    [Fact]
    public async Task Deleting_takes_drafts_and_refuses_live_articles_and_a_bad_request_changes_nothing()
    {
        var draft = await Room.WriteAsync("批量删除：草稿");
        var live = await Room.PublishNewAsync("批量删除：已发布");
        var results = Results(await (await BulkAsync(Room.Editor, "Delete", [draft, live]))
            .Content.ReadAsStringAsync());
        Assert.Equal(["已完成", "未执行"], results.Select(r => r.Outcome));
        Assert.Equal(ArticleStatus.Published, (await Room.ArticleAsync(live)).Status);

        var nothingChosen = await Room.Editor.PostAsync("articles/bulk", [F("action", "Submit")]);
        Assert.Equal(HttpStatusCode.BadRequest, nothingChosen.StatusCode);
        Assert.Contains("请先勾选要处理的文章", await nothingChosen.Content.ReadAsStringAsync());
        var noAction = await Room.Editor.PostAsync("articles/bulk", [F("ids", live.ToString()), F("action", "")]);
        Assert.Contains("请选择要执行的批量操作", await noAction.Content.ReadAsStringAsync());
        var tooMany = await Room.Editor.PostAsync("articles/bulk",
            [F("action", "Submit"), .. Enumerable.Range(1, 101).Select(i => F("ids", i.ToString()))]);
        Assert.Contains("一次最多处理 100 篇", await tooMany.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_list_sorts_by_each_column_filters_by_author_and_date_and_finds_drafts_by_their_text()
    {
        var found = await Room.WriteAsync("全文检索用草稿", "<p>本稿提到了独有词语甲乙丙丁戊。</p>");
        var list = await Room.Editor.GetPageAsync("articles?q=" + Uri.EscapeDataString("甲乙丙丁戊"));
        Assert.DoesNotContain("全文检索用草稿", list); // the title alone does not say it
        list = await Room.Editor.GetPageAsync("articles?fulltext=1&q=" + Uri.EscapeDataString("甲乙丙丁戊"));
        Assert.Contains($"articles/{found}\">全文检索用草稿</a>", list);

        // By 访问量: the two most read lead the descending order and are last in the ascending one.
        var bmdt = TestAccounts.ChannelId(shared.Portal, "bmdt");
        await using (var db = shared.Portal.Settings.Database.CreateContext())
        {
            var two = db.Articles.Where(a => a.ChannelId == bmdt && a.Status == ArticleStatus.Published)
                .OrderBy(a => a.Id).Take(2).ToList();
            (two[0].HitCount, two[1].HitCount) = (900_001, 900_000);
            await db.SaveChangesAsync();
        }
        string[] Titles(string html) => TitleCell().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        var down = await Room.Editor.GetPageAsync($"articles?sort=hits&channel={bmdt}");
        Assert.Contains("<th scope=\"col\" aria-sort=\"descending\"><a href=", down);
        Assert.Contains(">900001</td>", down);
        var top = Titles(down)[..2];
        var up = Titles(await Room.Editor.GetPageAsync($"articles?sort=hits&dir=asc&channel={bmdt}"));
        Assert.DoesNotContain(top[0], up);
        Assert.Equal(top, Titles(await Room.Editor.GetPageAsync($"articles?sort=hits&dir=asc&channel={bmdt}&page=99"))
            .TakeLast(2).Reverse());

        var byAuthor = await Room.Editor.GetPageAsync("articles?author=" + Uri.EscapeDataString("李华"));
        Assert.Contains("全文检索用草稿", byAuthor);
        Assert.DoesNotContain("全文检索用草稿",
            await Room.Editor.GetPageAsync("articles?author=" + Uri.EscapeDataString("无此作者")));

        var badDate = await Room.Editor.GetPageAsync("articles?from=2026-13-01");
        Assert.Contains("发布日期起“2026-13-01”不是日期，已忽略", badDate);
        var inRange = await Room.Editor.GetPageAsync("articles?from=2023-06-01&to=2023-12-31&sort=published&dir=asc");
        Assert.DoesNotContain("全文检索用草稿", inRange); // a draft has no 发布日期
        Assert.Contains("aria-sort=\"ascending\"", inRange);
    }

    [GeneratedRegex("<td><a href=\"/admin/articles/\\d+\">([^<]+)</a></td>")]
    private static partial Regex TitleCell();
}
