using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Articles;

/// <summary>
/// 删除 and the 回收站: an article is moved there from its page, listed there for
/// <see cref="TrashRules.KeptDays"/> days with who deleted it and when it goes for good, and can be restored.
/// </summary>
public static class ArticleTrashEndpoints
{
    /// <summary>Who may delete and restore at all: editors (drafts) and publishers (drafts and withdrawn).</summary>
    public const string Policy = "ArticleDeletion";

    public static void MapArticleTrash(this RouteGroupBuilder group)
    {
        group.MapGet("/articles/trash", TrashAsync).RequireAuthorization(BackOfficeServices.EditorialPolicy);
        // The workflow checks the role per channel and per state (a withdrawn article is the publisher's).
        // The form is bound (and not read) so that the antiforgery check runs, as on every back-office post.
        group.MapPost("/articles/{id:int}/delete", async (int id, IFormCollection _, HttpContext context,
                BackOfficePages pages, ArticleWorkflow workflow) =>
            {
                var result = await workflow.DeleteAsync(await pages.StaffAsync(context), id, context.RequestAborted);
                return result.Succeeded
                    ? pages.RedirectWithNotice(context, "articles/trash", result.Message)
                    : ArticleEndpoints.Outcome(context, pages, id, result);
            })
            .RequireAuthorization(Policy);
        group.MapPost("/articles/trash/{id:int}/restore", async (int id, IFormCollection _, HttpContext context,
                BackOfficePages pages, ArticleWorkflow workflow) =>
            {
                var result = await workflow.UndeleteAsync(await pages.StaffAsync(context), id, context.RequestAborted);
                return result.Succeeded
                    ? pages.RedirectWithNotice(context, $"articles/{id}", result.Message)
                    : await pages.RefusedAsync(context, result, "未能恢复", "articles/trash");
            })
            .RequireAuthorization(Policy);
    }

    private static async Task<IResult> TrashAsync(HttpContext context, BackOfficePages pages, DatabaseOptions database,
        TimeProvider time)
    {
        var staff = await pages.StaffAsync(context);
        var channels = staff.Channels.ToList();
        await using var db = database.CreateContext();
        var names = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, context.RequestAborted);
        var deleted = await db.Articles.IgnoreQueryFilters(GovPortalDbContext.TrashOnly).AsNoTracking()
            .Where(a => a.DeletedAtUtc != null && channels.Contains(a.ChannelId))
            .Select(a => new { a.Id, a.Title, a.ChannelId, a.Status, a.Url, a.DeletedAtUtc, a.DeletedBy })
            .ToListAsync(context.RequestAborted);
        var ids = deleted.Select(a => a.Id).ToList();
        // The title an editor last saw is the newest revision's (a draft never published has no live title).
        var titles = (await db.Revisions.AsNoTracking().Where(r => ids.Contains(r.ArticleId))
                .Select(r => new { r.ArticleId, r.Number, r.Title, r.ChannelId }).ToListAsync(context.RequestAborted))
            .GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Number)!);
        var people = await StaffNames.LoadAsync(db, context.RequestAborted);
        var rows = deleted.OrderByDescending(a => a.DeletedAtUtc).Select(a =>
        {
            var newest = titles.GetValueOrDefault(a.Id);
            var channel = newest?.ChannelId ?? a.ChannelId;
            var withdrawn = a.Status == ArticleStatus.Withdrawn;
            var restorable = ArticleWorkflow.MayDelete(staff, a.Status, channel);
            return new TrashRow(a.Id, newest?.Title ?? a.Title, names.GetValueOrDefault(channel) ?? "",
                withdrawn ? $"已撤稿（原地址 {a.Url}）" : "未发布的草稿", people.Of(a.DeletedBy), a.DeletedAtUtc!.Value,
                a.DeletedAtUtc.Value.AddDays(TrashRules.KeptDays), restorable);
        }).ToList();
        return await pages.RenderAsync<ArticleTrashPage, ArticleTrashPageModel>(new ArticleTrashPageModel(
            pages.ShellFor(context, "回收站"), rows, time.GetUtcNow().UtcDateTime));
    }
}

/// <summary>One article in the 回收站 as its page lists it.</summary>
public sealed record TrashRow(int ArticleId, string Title, string ChannelName, string WasWhat, string DeletedBy,
    DateTime DeletedAtUtc, DateTime GoneAtUtc, bool Restorable);

public sealed record ArticleTrashPageModel(Pages.Shell Shell, IReadOnlyList<TrashRow> Rows, DateTime NowUtc);
