using System.Globalization;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Disclosure;
using GovPortal.BackOffice.Forms;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Data;
using GovPortal.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Articles;

/// <summary>Writing, reviewing and publishing articles.</summary>
public static class ArticleEndpoints
{
    public static void MapArticles(this RouteGroupBuilder group)
    {
        group.MapArticleList();
        group.MapGet("/articles/new", NewFormAsync).RequireAuthorization(StaffRoles.Editor);
        group.MapPost("/articles/new", CreateAsync).RequireAuthorization(StaffRoles.Editor).AcceptsUploads();
        group.MapGet("/articles/{id:int}", ViewAsync).RequireAuthorization(BackOfficeServices.EditorialPolicy);
        group.MapGet("/articles/{id:int}/edit", EditFormAsync).RequireAuthorization(StaffRoles.Editor);
        group.MapPost("/articles/{id:int}/edit", SaveAsync).RequireAuthorization(StaffRoles.Editor).AcceptsUploads();

        // The form fields whose text comes back on the article page when an action is refused (nothing typed is lost).
        MapAction(group, "submit", StaffRoles.Editor, typed: [],
            (w, s, id, f) => w.SubmitAsync(s, id, Version(f), Acknowledged(f)));
        MapAction(group, "recall", StaffRoles.Editor, typed: [], (w, s, id, f) => w.RecallAsync(s, id, Version(f)));
        MapAction(group, "restore", StaffRoles.Editor, typed: [],
            (w, s, id, f) => w.RestoreAsync(s, id, f.Int("revisionId")));
        MapAction(group, "approve", StaffRoles.Reviewer, typed: ["comment"],
            (w, s, id, f) => w.ApproveAsync(s, id, Version(f), f.Text("comment")));
        MapAction(group, "reject", StaffRoles.Reviewer, typed: ["comment"],
            (w, s, id, f) => w.RejectAsync(s, id, Version(f), f.Text("comment")));
        MapAction(group, "publish", StaffRoles.Publisher, typed: [],
            (w, s, id, f) => w.PublishAsync(s, id, Version(f), Acknowledged(f)));
        MapAction(group, "schedule", StaffRoles.Publisher, typed: ["at"], (w, s, id, f) =>
            ParseChinaTime(f.Text("at")) is { } at
                ? w.ScheduleAsync(s, id, Version(f), at, Acknowledged(f))
                : Task.FromResult(WorkflowResult.Refused(
                    "请按“年-月-日 时:分”填写定时发布的时间（北京时间），例如 2026-12-01 09:00。")));
        MapAction(group, "unschedule", StaffRoles.Publisher, typed: [],
            (w, s, id, f) => w.UnscheduleAsync(s, id, Version(f)));
        MapAction(group, "force-publish", StaffRoles.Publisher, typed: ["reason"],
            (w, s, id, f) => w.ForcePublishAsync(s, id, Version(f), f.Text("reason"), Acknowledged(f)));
        MapAction(group, "withdraw", StaffRoles.Publisher, typed: ["reason"],
            (w, s, id, f) => w.WithdrawAsync(s, id, f.Text("reason")));
        MapAction(group, "schedule-withdrawal", StaffRoles.Publisher, typed: ["at", "reason"], (w, s, id, f) =>
            ParseChinaTime(f.Text("at")) is { } at
                ? w.ScheduleWithdrawalAsync(s, id, at, f.Text("reason"))
                : Task.FromResult(WorkflowResult.Refused(
                    "请按“年-月-日 时:分”填写定时下线的时间（北京时间），例如 2026-12-31 18:00。")));
        MapAction(group, "cancel-withdrawal", StaffRoles.Publisher, typed: [],
            (w, s, id, f) => w.CancelWithdrawalAsync(s, id));
        MapAction(group, "rank", StaffRoles.Publisher, typed: ["pinned", "pinEndsAt", "weight", "featured"],
            RankAsync);
        MapAction(group, "listings", StaffRoles.Publisher, typed: [],
            (w, s, id, f) => w.ListAlsoInAsync(s, id, f["alsoIn"].Select(v => int.TryParse(v, out var c) ? c : -1)
                .ToList()));
        MapAction(group, "published-at", StaffRoles.Publisher, typed: ["at", "reason"], (w, s, id, f) =>
            ParseChinaTime(f.Text("at")) is { } at
                ? w.ChangePublishedDateAsync(s, id, at, f.Text("reason"))
                : Task.FromResult(WorkflowResult.Refused(
                    "请按“年-月-日 时:分”填写发布日期（北京时间），例如 2026-11-30 09:00。")));

        group.MapArticleReading();
        group.MapArticleTrash();
    }

    private static int Version(IFormCollection form) => form.Int("version");

    // 置顶 with an optional end (empty: until unpinned) and 权重 typed as a whole number.
    private static Task<WorkflowResult> RankAsync(ArticleWorkflow workflow, Staff staff, int id, IFormCollection form)
    {
        var pinned = form.Bool("pinned");
        var endText = form.Text("pinEndsAt").Trim();
        DateTime? ends = null;
        if (pinned && endText.Length > 0)
        {
            if (ParseChinaTime(endText) is not { } parsed)
                return Task.FromResult(WorkflowResult.Refused(
                    "请按“年-月-日 时:分”填写置顶截止时间（北京时间），例如 2026-12-31 18:00；不填则一直置顶。"));
            ends = parsed;
        }
        var weightText = form.Text("weight").Trim();
        if (!int.TryParse(weightText.Length == 0 ? "0" : weightText, NumberStyles.None, CultureInfo.InvariantCulture,
                out var weight) || weight > ListRank.MaxWeight)
            return Task.FromResult(WorkflowResult.Refused(
                $"权重须为 0 到 {ListRank.MaxWeight} 之间的整数（数字越大越靠前），您填写的是“{weightText}”。"));
        return workflow.RankAsync(staff, id, pinned, ends, weight, form.Bool("featured"));
    }

    /// <summary>The “已核实” box next to an action when the content checks gave warnings.</summary>
    private static bool Acknowledged(IFormCollection form) => form.Bool("acknowledge");

    /// <summary>The China-time input of the schedule form (2026-12-01 09:00 or 2026-12-01T09:00) as UTC.</summary>
    public static DateTime? ParseChinaTime(string text)
    {
        string[] formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd H:mm", "yyyy-M-d H:mm"];
        return DateTime.TryParseExact(
                text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? ChinaTime.ToUtc(local.Year, local.Month, local.Day, local.Hour, local.Minute)
            : null;
    }

    private static void MapAction(
        RouteGroupBuilder group,
        string action,
        string role,
        string[] typed,
        Func<ArticleWorkflow, Staff, int, IFormCollection, Task<WorkflowResult>> run) =>
        group.MapPost($"/articles/{{id:int}}/{action}",
            async (int id, IFormCollection form, HttpContext context, BackOfficePages pages,
                ArticleWorkflow workflow, DatabaseOptions database, TimeProvider time, ArticleChecks checks) =>
            {
                var result = await run(workflow, await pages.StaffAsync(context), id, form);
                if (result.Succeeded || result.Forbidden || result.Conflict) return Outcome(context, pages, id, result);
                // Refused for what was typed or chosen: the article page again, the rule said beside the form and
                // the text kept, instead of a page of its own.
                var problem = new ActionProblem(action, result.Message,
                    typed.ToDictionary(field => field, field => form.Text(field), StringComparer.Ordinal));
                return await ArticlePageAsync(id, context, pages, database, time, workflow, checks, problem)
                    is { } page
                    ? page
                    : Outcome(context, pages, id, result);
            })
            .RequireAuthorization(role);

    /// <summary>
    /// Done: back to the article with the message. Refused: a page saying why (403, 409 or 400), nothing changed.
    /// </summary>
    public static IResult Outcome(HttpContext context, BackOfficePages pages, int id, WorkflowResult result)
    {
        if (result.Succeeded) return pages.RedirectWithNotice(context, $"articles/{result.ArticleId}", result.Message);
        var status = result.Forbidden ? StatusCodes.Status403Forbidden
            : result.Conflict ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest;
        return new DeferredResult(() => pages.MessageAsync(
            context, result.Forbidden ? "没有权限" : "操作未执行", result.Message, status, pages.Url($"articles/{id}")));
    }

    /// <summary>
    /// The form for new content of the kind chosen with <c>?kind=</c> (the news article when none is given); the page
    /// links to the other kinds, so the editor picks one before writing.
    /// </summary>
    /// <summary>
    /// A filter's number as typed in the address: an empty value (the form's 全部栏目, or 下一页 carrying the other
    /// filters) or anything that is no number means no filter, never a refused request.
    /// </summary>
    private static int? Number(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var value) ? value : null;

    private static async Task<IResult> NewFormAsync(HttpContext context, BackOfficePages pages,
        DatabaseOptions database, string? channel, string? kind, ContentKinds kinds, DisclosureChoices choices,
        TimeProvider time)
    {
        var staff = await pages.StaffAsync(context);
        var options = await EditableChannelsAsync(database, staff);
        if (options.Count == 0)
            return await pages.MessageAsync(context, "没有可用栏目", "您的账号还没有分配可以撰稿的栏目。栏目由安全管理员分配，请联系安全管理员。",
                StatusCodes.Status403Forbidden);
        var chosen = kinds.All.FirstOrDefault(k => k.Key == kind) ?? NewsKind.Kind;
        var today = ChinaTime.Today(time);
        var form = new ArticleForm
        {
            ChannelId = Number(channel) is { } c && options.Any(o => o.Id == c) ? c : options[0].Id,
            Kind = chosen,
            Values = chosen.Fields.Where(f => f.Initial is not null)
                .ToDictionary(f => f.Name, f => f.Initial!(today), StringComparer.Ordinal),
        };
        return await pages.RenderAsync<ArticleEditPage, ArticleEditPageModel>(new ArticleEditPageModel(
            Shell: pages.ShellFor(context, NewTitle(chosen)), ArticleId: 0, Form: form, Channels: options, Files: [],
            Error: null, StateNote: null, EditorInstalled: BackOfficeAssets.EditorInstalled,
            Choices: await choices.ForFormAsync(form.Kind, form.ChannelId, 0, form.Values, context.RequestAborted),
            Kinds: kinds.All.ToList()));
    }

    private static string NewTitle(ContentKind kind) => kind.Key == NewsKind.Key ? "写文章" : $"新建{kind.Label}";

    private static async Task<IResult> CreateAsync(HttpContext context, IFormCollection formData, BackOfficePages pages,
        DatabaseOptions database, ArticleWorkflow workflow, ContentKinds kinds, DisclosureChoices choices)
    {
        var staff = await pages.StaffAsync(context);
        var (form, fileError) = await ArticleFormReader.ReadAsync(formData, kinds, pages.Url("pictures/"),
            context.RequestAborted);
        var result = fileError is null
            ? await workflow.CreateAsync(staff, form, context.RequestAborted)
            : WorkflowResult.Refused(fileError);
        if (result.Succeeded) return pages.RedirectWithNotice(context, $"articles/{result.ArticleId}", result.Message);
        // Refused: the form comes back with everything the editor typed, so nothing is lost.
        var options = await EditableChannelsAsync(database, staff);
        return await pages.RenderAsync<ArticleEditPage, ArticleEditPageModel>(new ArticleEditPageModel(
            Shell: pages.ShellFor(context, NewTitle(form.Kind)), ArticleId: 0, Form: form, Channels: options,
            Files: [], Error: result.Message, StateNote: null, EditorInstalled: BackOfficeAssets.EditorInstalled,
            Choices: await choices.ForFormAsync(form.Kind, form.ChannelId, 0, form.Values, context.RequestAborted),
            Kinds: kinds.All.ToList()),
            result.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ViewAsync(int id, HttpContext context, BackOfficePages pages,
        DatabaseOptions database, TimeProvider time, ArticleWorkflow workflow, ArticleChecks checks) =>
        await ArticlePageAsync(id, context, pages, database, time, workflow, checks, problem: null)
        ?? await pages.MessageAsync(context, "没有权限", "这篇文章所在的栏目没有分配给您。",
            StatusCodes.Status403Forbidden, pages.Url("articles"));

    /// <summary>
    /// The article page; with <paramref name="problem"/>, answered 400 with the refusal beside the action's form.
    /// Null when the person may not see the article (or it is gone while a problem is to be shown).
    /// </summary>
    private static async Task<IResult?> ArticlePageAsync(int id, HttpContext context, BackOfficePages pages,
        DatabaseOptions database, TimeProvider time, ArticleWorkflow workflow, ArticleChecks checks,
        ActionProblem? problem)
    {
        var staff = await pages.StaffAsync(context);
        await using var db = database.CreateContext();
        if (await workflow.LoadAsync(db, id, context.RequestAborted) is not var (article, revisions))
            return problem is not null ? null : await pages.MessageAsync(context, "找不到文章",
                $"找不到这篇文章，它可能已被删除（删除的文章在回收站保留 {TrashRules.KeptDays} 天，可以从那里恢复）。",
                StatusCodes.Status404NotFound, pages.Url("articles/trash"));
        var current = ArticleWorkflow.Current(revisions);
        if (!staff.Channels.Contains(current.ChannelId) && !staff.Channels.Contains(article.ChannelId)) return null;
        var names = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, context.RequestAborted);
        var soon = ChinaTime.ToChina(time.GetUtcNow().UtcDateTime.AddHours(1));
        // The checks that will run at submit and publish, shown while there is still something to decide.
        var findings = RevisionStates.IsWorking(current.State)
            ? ShownFinding.ForRevision(await workflow.CheckAsync(db, current, context.RequestAborted),
                checks.ContentOf(workflow.AsArticle(current)))
            : [];
        var actions = ArticleActions.For(staff, article, revisions, findings.Any(f => f.Blocking));
        return await pages.RenderAsync<ArticleViewPage, ArticleViewPageModel>(new ArticleViewPageModel(
            Shell: pages.ShellFor(context, current.Title), Article: article, Current: current, History: revisions,
            ChannelNames: names, Actions: actions,
            ScheduleDefault: soon.ToString("yyyy-MM-dd HH:00", CultureInfo.InvariantCulture), Findings: findings,
            People: await StaffNames.LoadAsync(db, context.RequestAborted), Problem: problem,
            Listings: actions.Rank ? await ListingChoicesAsync(db, staff, article, context.RequestAborted) : null),
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The channels offered for 同时列于: those the publisher may list the article in, and those it is listed in now
    /// (shown even when another publisher's, so the page says where the article appears).
    /// </summary>
    private static async Task<IReadOnlyList<ListingChoice>> ListingChoicesAsync(GovPortalDbContext db, Staff staff,
        Article article, CancellationToken cancellationToken)
    {
        var tree = new ChannelTree(await db.Channels.AsNoTracking().Where(c => c.SiteId == article.SiteId)
            .ToListAsync(cancellationToken));
        var listed = await db.AlsoListedIn.AsNoTracking().Where(l => l.ArticleId == article.Id)
            .Select(l => l.ChannelId).ToListAsync(cancellationToken);
        var listable = ArticleWorkflow.ListableChannels(staff, tree, article).Select(c => c.Id).ToHashSet();
        return tree.InReadingOrder()
            .Where(c => listable.Contains(c.Channel.Id) || listed.Contains(c.Channel.Id))
            .Select(c => new ListingChoice(c.Channel.Id, c.Channel.Name,
                listed.Contains(c.Channel.Id), listable.Contains(c.Channel.Id)))
            .ToList();
    }

    private static async Task<IResult> EditFormAsync(int id, HttpContext context, BackOfficePages pages,
        DatabaseOptions database, ArticleWorkflow workflow, ContentKinds kinds, DisclosureChoices choices)
    {
        var staff = await pages.StaffAsync(context);
        await using var db = database.CreateContext();
        if (await workflow.LoadAsync(db, id, context.RequestAborted) is not var (_, revisions))
            return await pages.MessageAsync(context,
                "找不到文章", "找不到这篇文章，它可能已被删除。", StatusCodes.Status404NotFound, pages.Url("articles"));
        var current = ArticleWorkflow.Current(revisions);
        if (!staff.Can(StaffRoles.Editor, current.ChannelId))
            return await pages.MessageAsync(context, "没有权限", "您没有在这个栏目修改文章的权限。",
                StatusCodes.Status403Forbidden, pages.Url($"articles/{id}"));
        if (current.State is RevisionState.Submitted or RevisionState.Approved or RevisionState.Scheduled)
            return await pages.MessageAsync(context, "不能修改",
                $"第 {current.Number} 版正在审核或等待发布，不能修改。如需修改，请先撤回审核或请审核人员退回。",
                StatusCodes.Status409Conflict, pages.Url($"articles/{id}"));
        var kind = kinds.Of(current);
        var form = new ArticleForm
        {
            ChannelId = current.ChannelId, Kind = kind, Values = kind.ValuesOf(current),
            BaseRevisionId = current.Id, BaseVersion = current.Version,
        };
        var people = await StaffNames.LoadAsync(db, context.RequestAborted);
        var note = current.State switch
        {
            RevisionState.Rejected =>
                $"第 {current.Number} 版被 {people.Of(current.RejectedBy)} 退回，意见：{current.RejectionComment}",
            RevisionState.Draft => null,
            _ => "保存后将生成新的草稿版本；网站上的页面在新版本审核发布前保持不变。",
        };
        return await pages.RenderAsync<ArticleEditPage, ArticleEditPageModel>(new ArticleEditPageModel(
            Shell: pages.ShellFor(context, "修改文章"), ArticleId: id, Form: form,
            Channels: await EditableChannelsAsync(database, staff),
            Files: current.Files.OrderBy(f => f.SortOrder).ToList(),
            Error: null, StateNote: note, EditorInstalled: BackOfficeAssets.EditorInstalled,
            Choices: await choices.ForFormAsync(kind, form.ChannelId, id, form.Values, context.RequestAborted)));
    }

    private static async Task<IResult> SaveAsync(int id, HttpContext context, IFormCollection formData,
        BackOfficePages pages, DatabaseOptions database, ArticleWorkflow workflow, ContentKinds kinds,
        DisclosureChoices choices)
    {
        var staff = await pages.StaffAsync(context);
        var (form, fileError) = await ArticleFormReader.ReadAsync(formData, kinds, pages.Url("pictures/"),
            context.RequestAborted);
        var result = fileError is null
            ? await workflow.SaveAsync(staff, id, form, context.RequestAborted)
            : WorkflowResult.Refused(fileError);
        if (result.Succeeded) return pages.RedirectWithNotice(context, $"articles/{id}", result.Message);
        await using var db = database.CreateContext();
        // The files of the revision the form was made from, if it is this article's (and so this site's).
        var files = await db.Revisions.Where(r => r.Id == form.BaseRevisionId && r.ArticleId == id)
            .SelectMany(r => r.Files).AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync(context.RequestAborted);
        var status = result.Forbidden ? StatusCodes.Status403Forbidden
            : result.Conflict ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest;
        return await pages.RenderAsync<ArticleEditPage, ArticleEditPageModel>(new ArticleEditPageModel(
            Shell: pages.ShellFor(context, "修改文章"), ArticleId: id, Form: form,
            Channels: await EditableChannelsAsync(database, staff), Files: files, Error: result.Message,
            StateNote: null, EditorInstalled: BackOfficeAssets.EditorInstalled,
            Choices: await choices.ForFormAsync(form.Kind, form.ChannelId, id, form.Values, context.RequestAborted)),
            status);
    }

    private static async Task<List<ChannelOption>> EditableChannelsAsync(DatabaseOptions database, Staff staff)
    {
        await using var db = database.CreateContext();
        var tree = new ChannelTree(await db.Channels.AsNoTracking().ToListAsync());
        // An 外链 channel holds no articles, so it is not offered.
        return ChannelOptions.From(tree, id => staff.Can(StaffRoles.Editor, id) && tree[id].HoldsArticles());
    }

    /// <summary>
    /// An <see cref="IResult"/> made asynchronously, so that <see cref="Outcome"/> can stay a plain method.
    /// </summary>
    private sealed class DeferredResult(Func<Task<IResult>> make) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext) => await (await make()).ExecuteAsync(httpContext);
    }
}
