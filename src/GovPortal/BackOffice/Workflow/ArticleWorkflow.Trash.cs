using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

// The 回收站: a draft never published, or a withdrawn article, is deleted into it; it can be restored for
// TrashRules.KeptDays days, then it is gone for good (its rows and files), and only the audit log remembers it.
public sealed partial class ArticleWorkflow
{
    /// <summary>
    /// Why <paramref name="actor"/> may not move the article to the 回收站, or null when they may. A draft that was
    /// never published is its editors' (or a publisher's) to delete; a withdrawn article only a publisher's; nothing
    /// live and nothing in review is deleted.
    /// </summary>
    public static WorkflowResult? DeletionRefusal(Staff actor, Article article, IReadOnlyList<Revision> revisions)
    {
        var channel = Current(revisions).ChannelId;
        if (article.Status == ArticleStatus.Published)
            return WorkflowResult.Refused("已发布的文章不能删除；如需从网站撤下，请先撤稿，撤稿后可以删除。");
        if (Working(revisions) is
            { State: RevisionState.Submitted or RevisionState.Approved or RevisionState.Scheduled } working)
            return WorkflowResult.Refused(
                $"文章正处于“{RevisionStates.Label(working.State)}”状态，不能删除。请先撤回审核或取消定时发布。");
        if (!MayDelete(actor, article.Status, channel))
            return WorkflowResult.NotAllowed(article.Status == ArticleStatus.Withdrawn
                ? "已撤稿的文章只能由这个栏目的发布人员删除。"
                : "您没有删除这个栏目文章的权限。");
        return null;
    }

    /// <summary>
    /// Whether the person may delete (and restore) an article of <paramref name="status"/> in
    /// <paramref name="channelId"/>: a withdrawn one only a publisher, a draft never published its editors too.
    /// </summary>
    public static bool MayDelete(Staff actor, ArticleStatus status, int channelId) =>
        status == ArticleStatus.Withdrawn
            ? actor.Can(StaffRoles.Publisher, channelId)
            : actor.Can(StaffRoles.Editor, channelId) || actor.Can(StaffRoles.Publisher, channelId);

    public async Task<WorkflowResult> DeleteAsync(Staff actor, int articleId,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        if (await LoadAsync(db, articleId, cancellationToken) is not var (article, revisions))
            return WorkflowResult.Refused("找不到这篇文章（可能已被删除）。");
        if (DeletionRefusal(actor, article, revisions) is { } refused) return refused;
        var status = article.Status;
        // Only in the state just checked: a publish or a submission in between leaves the article where it is.
        var working = Working(revisions);
        var moved = await db.Articles
            .Where(a => a.Id == articleId && a.Status == status && a.DeletedAtUtc == null
                && !db.Revisions.Any(r => r.ArticleId == articleId && (r.State == RevisionState.Submitted
                    || r.State == RevisionState.Approved || r.State == RevisionState.Scheduled)))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.DeletedAtUtc, (DateTime?)Now)
                .SetProperty(a => a.DeletedBy, actor.UserName), cancellationToken);
        if (moved == 0) return WorkflowResult.Stale(StaleMessage);
        var title = (working ?? revisions[^1]).Title;
        await AuditAsync(actor, AuditActions.ArticleDeleted, articleId,
            $"将《{title}》（{(status == ArticleStatus.Withdrawn ? $"已撤稿，原地址 {article.Url}" : "未发布的草稿")}）移入回收站");
        return WorkflowResult.Done(articleId,
            $"《{title}》已移入回收站，{TrashRules.KeptDays} 天内可以在回收站恢复，之后将彻底删除。");
    }

    /// <summary>Brings an article back from the 回收站, as it was when deleted.</summary>
    public async Task<WorkflowResult> UndeleteAsync(Staff actor, int articleId,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var article = await db.Articles.IgnoreQueryFilters(GovPortalDbContext.TrashOnly).AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == articleId && a.DeletedAtUtc != null, cancellationToken);
        if (article is null) return WorkflowResult.Refused("回收站里没有这篇文章（可能已被恢复或已彻底删除）。");
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == articleId)
            .OrderBy(r => r.Number).ToListAsync(cancellationToken);
        var channel = revisions.Count > 0 ? Current(revisions).ChannelId : article.ChannelId;
        if (!MayDelete(actor, article.Status, channel))
            return WorkflowResult.NotAllowed("您没有恢复这个栏目文章的权限。");
        var restored = await db.Articles.IgnoreQueryFilters(GovPortalDbContext.TrashOnly)
            .Where(a => a.Id == articleId && a.DeletedAtUtc == article.DeletedAtUtc)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.DeletedAtUtc, (DateTime?)null)
                .SetProperty(a => a.DeletedBy, ""), cancellationToken);
        if (restored == 0) return WorkflowResult.Refused("回收站里没有这篇文章（可能已被恢复或已彻底删除）。");
        var title = revisions.Count > 0 ? revisions[^1].Title : article.Title;
        await AuditAsync(actor, AuditActions.ArticleUndeleted, articleId, $"从回收站恢复《{title}》");
        return WorkflowResult.Done(articleId, $"《{title}》已从回收站恢复。");
    }

    /// <summary>
    /// Deletes for good what has been in the 回收站 for <see cref="TrashRules.KeptDays"/> days: the article, its
    /// revisions and their uploaded files. A withdrawn article's address is kept (<see cref="RetiredAddress"/>) so
    /// that it still answers 410. Called by <see cref="ScheduledPublishing"/>.
    /// </summary>
    public async Task<int> PurgeDueAsync(CancellationToken cancellationToken = default)
    {
        var before = Now.AddDays(-TrashRules.KeptDays);
        await using var db = database.CreateContext();
        // Compared here, as the scheduled publishing is: the providers store times differently.
        var due = (await db.Articles.IgnoreQueryFilters(GovPortalDbContext.TrashOnly).AsNoTracking()
                .Where(a => a.DeletedAtUtc != null)
                .Select(a => new { a.Id, a.SiteId, a.Url, a.Title, a.Status, a.DeletedAtUtc, a.DeletedBy })
                .ToListAsync(cancellationToken))
            .Where(a => a.DeletedAtUtc <= before).ToList();
        var purged = 0;
        foreach (var article in due)
        {
            db.ChangeTracker.Clear();
            var stored = await db.RevisionFiles
                .Where(f => db.Revisions.Any(r => r.Id == f.RevisionId && r.ArticleId == article.Id))
                .Select(f => f.StoredName)
                .Concat(db.RelatedFiles.Where(f => f.ArticleId == article.Id).Select(f => f.StoredName))
                .Distinct().ToListAsync(cancellationToken);
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                if (article is { Status: ArticleStatus.Withdrawn, Url: { } url }
                    && !await db.RetiredAddresses.AnyAsync(r => r.Url == url, cancellationToken))
                    db.RetiredAddresses.Add(
                        new RetiredAddress { SiteId = article.SiteId, Url = url, RetiredAtUtc = Now });
                await db.SaveChangesAsync(cancellationToken);
                // Revisions, their files and the related files go with the article (cascade).
                var deleted = await db.Articles.IgnoreQueryFilters(GovPortalDbContext.TrashOnly)
                    .Where(a => a.Id == article.Id && a.DeletedAtUtc == article.DeletedAtUtc)
                    .ExecuteDeleteAsync(cancellationToken);
                if (deleted == 0) continue; // restored a moment ago: the transaction is rolled back
                await transaction.CommitAsync(cancellationToken);
            }
            purged++;
            await RemoveUnusedUploadsAsync(db, stored, cancellationToken);
            await audit.WriteAsync("", null, AuditActions.ArticlePurged, $"文章 {article.Id}",
                $"《{article.Title}》在回收站满 {TrashRules.KeptDays} 天，已彻底删除（{article.DeletedBy} 于 " +
                $"{ChinaTime.Format(article.DeletedAtUtc!.Value)} 删除）");
        }
        return purged;
    }

    /// <summary>
    /// Removes the uploaded originals that no row names any more. After the rows are gone, never before: a crash in
    /// between leaves a file nothing names, never a row without its file.
    /// </summary>
    private async Task RemoveUnusedUploadsAsync(GovPortalDbContext db, IReadOnlyList<string> storedNames,
        CancellationToken cancellationToken)
    {
        foreach (var name in storedNames)
        {
            var used = await db.RevisionFiles.AnyAsync(f => f.StoredName == name, cancellationToken)
                || await db.RelatedFiles.AnyAsync(f => f.StoredName == name, cancellationToken);
            if (used) continue;
            try
            {
                uploads.Delete(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                logger.LogWarning(e, "Could not remove the unused upload {StoredName}", name);
            }
        }
    }
}
