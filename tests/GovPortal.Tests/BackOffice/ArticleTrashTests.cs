using System.Net;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Content.Uploads;
using GovPortal.Publishing;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// 删除 and the 回收站: a draft never published is its editor's to delete, a withdrawn article its publisher's;
/// nothing live or in review is deleted; what is deleted leaves every list, waits in the 回收站 and comes back as
/// it was; each role is checked on the server.
/// </summary>
public sealed class ArticleTrashTests(ClockedNewsroomFixture shared) : IClassFixture<ClockedNewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task A_draft_deleted_by_its_editor_leaves_the_lists_waits_in_the_trash_and_comes_back_as_it_was()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        const string title = "拟删除的草稿：春节走访慰问安排";
        var id = await room.WriteAsync(title, "<p>走访慰问困难群众的安排。</p>");
        var page = await (await room.Editor.GetAsync($"articles/{id}")).Content.ReadAsStringAsync();
        Assert.Contains($"articles/{id}/delete", page);

        var deleted = await room.Editor.PostAsync($"articles/{id}/delete", []);
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.EndsWith("/articles/trash", deleted.Headers.Location!.OriginalString);
        var trash = await (await room.Editor.GetAsync("articles/trash")).Content.ReadAsStringAsync();
        Assert.Contains("已移入回收站", trash);
        Assert.Contains(title, trash);
        Assert.Contains("未发布的草稿", trash);
        Assert.Contains($"articles/trash/{id}/restore", trash);

        Assert.DoesNotContain(title, await (await room.Editor.GetAsync("articles")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(title, await (await room.Editor.GetAsync("")).Content.ReadAsStringAsync());
        var gone = await room.Editor.GetAsync($"articles/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("回收站", await gone.Content.ReadAsStringAsync());
        // Nothing can be done to it while it is there: the workflow does not see it.
        Assert.NotEqual(HttpStatusCode.SeeOther, (await room.ActAsync(room.Editor, id, "submit")).StatusCode);
        Assert.Equal(RevisionState.Draft, (await room.RevisionAsync(id)).State);

        var restored = await room.Editor.PostAsync($"articles/trash/{id}/restore", []);
        Assert.Equal(HttpStatusCode.SeeOther, restored.StatusCode);
        var back = await room.Editor.GetAsync($"articles/{id}");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains(title, await back.Content.ReadAsStringAsync());
        Assert.Contains(title, await (await room.Editor.GetAsync("articles")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(title, await (await room.Editor.GetAsync("articles/trash")).Content.ReadAsStringAsync());
        Assert.Equal("<p>走访慰问困难群众的安排。</p>", (await room.RevisionAsync(id)).BodyHtml);
        await room.DoAsync(room.Editor, id, "submit"); // and the workflow goes on from where it was

        await using var db = portal.Settings.Database.CreateContext();
        var log = await db.AuditEntries.Where(e => e.Target == $"文章 {id}").ToListAsync();
        Assert.Contains(log, e => e.Action == AuditActions.ArticleDeleted && e.Actor == "lihua"
            && e.Details.Contains(title));
        Assert.Contains(log, e => e.Action == AuditActions.ArticleUndeleted && e.Actor == "lihua");
    }

    [Fact]
    public async Task What_is_live_or_in_review_is_not_deleted_and_a_withdrawn_article_is_only_the_publishers()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var live = await room.PublishNewAsync("区政务服务中心调整窗口设置");
        Assert.DoesNotContain($"articles/{live}/delete",
            await (await room.Publisher.GetAsync($"articles/{live}")).Content.ReadAsStringAsync());
        var refused = await room.Publisher.PostAsync($"articles/{live}/delete", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请先撤稿", await refused.Content.ReadAsStringAsync());

        var inReview = await room.WriteAsync("区档案馆开放日安排（送审中）");
        await room.DoAsync(room.Editor, inReview, "submit");
        var reviewing = await room.Editor.PostAsync($"articles/{inReview}/delete", []);
        Assert.Equal(HttpStatusCode.BadRequest, reviewing.StatusCode);
        Assert.Contains("待审核", await reviewing.Content.ReadAsStringAsync());

        var draft = await room.WriteAsync("区青少年宫寒假班报名（草稿）");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await room.Reviewer.PostAsync($"articles/{draft}/delete", [])).StatusCode);

        var withdrawn = await room.PublishNewAsync("区体育中心临时闭馆通知");
        var url = (await room.ArticleAsync(withdrawn)).Url!;
        await room.DoAsync(room.Publisher, withdrawn, "withdraw", F("reason", "场馆已恢复开放，通知失效。"));
        foreach (var other in new[] { room.Editor, room.Reviewer })
            Assert.Equal(HttpStatusCode.Forbidden,
                (await other.PostAsync($"articles/{withdrawn}/delete", [])).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await room.Publisher.PostAsync($"articles/{withdrawn}/delete", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await portal.Client.GetAsync(url)).StatusCode);
        var editorsTrash = await (await room.Editor.GetAsync("articles/trash")).Content.ReadAsStringAsync();
        Assert.Contains("区体育中心临时闭馆通知", editorsTrash);
        Assert.Contains("须由发布人员恢复", editorsTrash);
        foreach (var other in new[] { room.Editor, room.Reviewer })
            Assert.Equal(HttpStatusCode.Forbidden,
                (await other.PostAsync($"articles/trash/{withdrawn}/restore", [])).StatusCode);

        await using var db = portal.Settings.Database.CreateContext();
        var states = await db.Articles.IgnoreQueryFilters().Where(a => a.Id == live || a.Id == inReview
                || a.Id == draft || a.Id == withdrawn)
            .ToDictionaryAsync(a => a.Id, a => a.DeletedAtUtc is not null);
        Assert.Equal([false, false, false, true], new[] { states[live], states[inReview], states[draft],
            states[withdrawn] });
        // A full publish keeps its address answering 410 while it is in the 回收站.
        await portal.Service<Publisher>().PublishAllAsync();
        Assert.Equal(HttpStatusCode.Gone, (await portal.Client.GetAsync(url)).StatusCode);
    }
}

/// <summary>
/// After <see cref="TrashRules.KeptDays"/> days the 回收站 is emptied: rows, revisions and uploaded files are gone,
/// the audit log keeps the record, and a withdrawn article's address still answers 410. Its own portal, since the
/// clock moves a month (and the people's sign-ins expire with it).
/// </summary>
public sealed class ArticleTrashPurgeTests(ClockedNewsroomFixture shared) : IClassFixture<ClockedNewsroomFixture>
{
    [Fact]
    public async Task After_thirty_days_the_trash_is_emptied_and_only_the_log_and_the_410_remain()
    {
        var (portal, room, clock) = (shared.Portal, shared.Room, shared.Clock);
        var withdrawn = await room.PublishNewAsync("区公共自行车站点调整公告",
            files: [("站点调整表.pdf", TestPdf.Create("bike stations", new string('x', 3000)))]);
        var url = (await room.ArticleAsync(withdrawn)).Url!;
        await room.DoAsync(room.Publisher, withdrawn, "withdraw",
            new KeyValuePair<string, string>("reason", "站点调整已完成，公告撤下。"));
        var draft = await room.WriteAsync("未发布的会议纪要草稿", files:
        [
            ("纪要.pdf", TestPdf.Create("minutes", new string('y', 3000))), ("会场.jpg", SolidPicture.Jpeg(1200, 600)),
        ]);
        var kept = await room.WriteAsync("保留的草稿", files: [("保留.pdf", TestPdf.Create("kept", "z"))]);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await room.Publisher.PostAsync($"articles/{withdrawn}/delete", [])).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await room.Editor.PostAsync($"articles/{draft}/delete", [])).StatusCode);

        List<string> stored;
        await using (var db = portal.Settings.Database.CreateContext())
            stored = await db.RevisionFiles
                .Where(f => db.Revisions.Any(r => r.Id == f.RevisionId
                    && (r.ArticleId == withdrawn || r.ArticleId == draft || r.ArticleId == kept)))
                .Select(f => f.StoredName).Distinct().ToListAsync();
        var uploads = portal.Service<UploadStore>();
        Assert.All(stored, name => Assert.True(File.Exists(uploads.PathOf(name))));
        // A picture's smaller copies go with it.
        var copies = stored.SelectMany(name => new[] { 480, 960 }.Select(w => uploads.PathOfSmaller(name, w)))
            .Where(File.Exists).ToList();
        Assert.Equal(2, copies.Count);

        var workflow = portal.Service<ArticleWorkflow>();
        clock.Advance(TimeSpan.FromDays(TrashRules.KeptDays) - TimeSpan.FromHours(1));
        await workflow.PurgeDueAsync();
        Assert.Equal(2, await TrashedAsync());

        // The scheduler empties it at its next round after the 30 days.
        clock.Advance(TimeSpan.FromHours(1) + ScheduledPublishing.Interval);
        for (var i = 0; i < 100 && await TrashedAsync() > 0; i++) await Task.Delay(100);
        Assert.Equal(0, await TrashedAsync());

        await using (var db = portal.Settings.Database.CreateContext())
        {
            Assert.Equal(0, await db.Revisions.CountAsync(r => r.ArticleId == withdrawn || r.ArticleId == draft));
            Assert.True(await db.Articles.AnyAsync(a => a.Id == kept));
            var purged = await db.AuditEntries.Where(e => e.Action == AuditActions.ArticlePurged).ToListAsync();
            Assert.Contains(purged, e => e.Target == $"文章 {withdrawn}" && e.Details.Contains("区公共自行车站点调整公告"));
            Assert.Contains(purged, e => e.Target == $"文章 {draft}");
            Assert.Contains(await db.AuditEntries.Where(e => e.Target == $"文章 {withdrawn}").ToListAsync(),
                e => e.Action == AuditActions.ArticleWithdrawn); // the history stays in the log
            var keptFiles = await db.RevisionFiles
                .Where(f => db.Revisions.Any(r => r.Id == f.RevisionId && r.ArticleId == kept))
                .Select(f => f.StoredName).ToListAsync();
            foreach (var name in stored)
                Assert.Equal(keptFiles.Contains(name), File.Exists(uploads.PathOf(name)));
            Assert.All(copies, copy => Assert.False(File.Exists(copy)));
            Assert.NotEmpty(keptFiles);
        }

        await portal.Service<Publisher>().PublishAllAsync();
        Assert.Equal(HttpStatusCode.Gone, (await portal.Client.GetAsync(url)).StatusCode);

        async Task<int> TrashedAsync()
        {
            await using var db = portal.Settings.Database.CreateContext();
            return await db.Articles.IgnoreQueryFilters()
                .CountAsync(a => (a.Id == withdrawn || a.Id == draft) && a.DeletedAtUtc != null);
        }
    }
}
