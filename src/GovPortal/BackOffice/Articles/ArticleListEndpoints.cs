using GovPortal.BackOffice.Forms;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Articles;

/// <summary>The back office's article list: filters, order, and 批量 actions on the rows chosen.</summary>
public static class ArticleListEndpoints
{
    private const int PageSize = 30;

    public static void MapArticleList(this RouteGroupBuilder group)
    {
        group.MapGet("/articles", ListAsync).RequireAuthorization(BackOfficeServices.EditorialPolicy);
        // Open to every editorial role: each item is checked by the workflow as the single action would be.
        group.MapPost("/articles/bulk", BulkAsync).RequireAuthorization(BackOfficeServices.EditorialPolicy);
    }

    private static async Task<IResult> ListAsync(HttpContext context, BackOfficePages pages,
        DatabaseOptions database)
    {
        var staff = await pages.StaffAsync(context);
        var query = ArticleListQuery.Parse(context.Request.Query);
        await using var db = database.CreateContext();
        var tree = new ChannelTree(await db.Channels.AsNoTracking().ToListAsync(context.RequestAborted));
        var allowed = staff.Channels
            .Where(c => query.ChannelId is not { } only || (tree.Contains(only) && tree.SubtreeOf(only).Contains(c)))
            .ToList();
        var articles = query.Filter(db, allowed).AsNoTracking();
        var total = await articles.CountAsync(context.RequestAborted);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        query = query with { Page = Math.Clamp(query.Page, 1, pageCount) };
        var found = await query.Order(articles).Skip((query.Page - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.Title, a.ChannelId, a.Status, a.Author, a.PublishedAtUtc, a.HitCount,
                a.UpdatedAtUtc })
            .ToListAsync(context.RequestAborted);
        var ids = found.Select(a => a.Id).ToList();
        var working = (await db.Revisions.AsNoTracking().Where(r => ids.Contains(r.ArticleId)
                && ArticleListQuery.WorkingStates.Contains(r.State))
            .Select(r => new { r.ArticleId, r.Title, r.Author, r.State, r.Version, r.UpdatedBy, r.UpdatedAtUtc })
            .ToListAsync(context.RequestAborted)).ToDictionary(r => r.ArticleId);
        var people = await StaffNames.LoadAsync(db, context.RequestAborted);
        var rows = found.Select(a =>
        {
            var published = a.Status == ArticleStatus.Draft ? (DateTime?)null : a.PublishedAtUtc;
            if (working.TryGetValue(a.Id, out var w))
                return new ArticleListRow(a.Id, w.Title, tree[a.ChannelId].Name, w.State, w.Author, published,
                    a.HitCount, w.Version, people.Of(w.UpdatedBy), w.UpdatedAtUtc,
                    a.Status == ArticleStatus.Published ? "网站上为已发布的版本" : "");
            var state = a.Status switch
            {
                ArticleStatus.Published => RevisionState.Published,
                ArticleStatus.Withdrawn => RevisionState.Withdrawn,
                _ => RevisionState.Draft,
            };
            return new ArticleListRow(a.Id, a.Title, tree[a.ChannelId].Name, state, a.Author, published, a.HitCount,
                0, "", a.UpdatedAtUtc, "");
        }).ToList();
        return await pages.RenderAsync<ArticleListPage, ArticleListPageModel>(new ArticleListPageModel(
            Shell: pages.ShellFor(context, "文章"), Rows: rows,
            Channels: ChannelOptions.From(tree, staff.Channels.Contains), Query: query, PageCount: pageCount,
            Total: total));
    }

    private static async Task<IResult> BulkAsync(HttpContext context, IFormCollection form, BackOfficePages pages,
        DatabaseOptions database, ArticleWorkflow workflow)
    {
        var staff = await pages.StaffAsync(context);
        // Back to the list as it was filtered; only to the list itself, never to an address from elsewhere.
        var list = pages.Url("articles");
        var back = form.Text("back") is var b && (b == list || b.StartsWith(list + "?", StringComparison.Ordinal))
            ? b : list;
        var ids = form.Texts("ids").Select(t => int.TryParse(t, out var id) ? id : 0).Where(id => id > 0)
            .Distinct().ToList();
        var action = BulkActions.Parse(form.Text("action"));
        string? refusal = action is null ? "请选择要执行的批量操作。"
            : ids.Count == 0 ? "请先勾选要处理的文章。"
            : ids.Count > BulkActions.MaxItems ? $"一次最多处理 {BulkActions.MaxItems} 篇文章，您选择了 {ids.Count} 篇。"
            : null;
        if (refusal is not null)
            return await pages.MessageAsync(context, "批量操作未执行", refusal, StatusCodes.Status400BadRequest, back);

        await using var db = database.CreateContext();
        var titles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Title, context.RequestAborted);
        var request = new BulkRequest(action!.Value, form.Text("reason"), form.Int("channelId"),
            id => form.Int($"version-{id}"));
        var results = new List<BulkItemResult>();
        foreach (var id in ids)
        {
            // One at a time, each a whole action of the workflow: an item either moves on or stays as it was.
            var result = await BulkActions.RunAsync(workflow, staff, id, request, context.RequestAborted);
            results.Add(new BulkItemResult(id, titles.GetValueOrDefault(id) ?? $"编号 {id}", result.Succeeded,
                result.Message));
        }
        return await pages.RenderAsync<BulkResultPage, BulkResultPageModel>(new BulkResultPageModel(
            pages.ShellFor(context, "批量操作结果"), BulkActions.Label(action.Value), results, back));
    }
}
