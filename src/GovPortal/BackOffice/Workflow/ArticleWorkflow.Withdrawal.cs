using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

// Withdrawal: 撤稿 now, 定时下线 (a live article set to leave the site at a chosen time), and the scheduler's due list.
public sealed partial class ArticleWorkflow
{
    /// <summary>How far ahead 定时下线 may be set: a notice's validity, a consultation's period, rarely longer.</summary>
    public const int WithdrawalYearsAhead = 3;

    public Task<WorkflowResult> WithdrawAsync(Staff actor, int articleId, string reason,
        CancellationToken cancellationToken = default) =>
        ReasonRefusal("撤稿", reason) is { } refused
            ? Task.FromResult(refused)
            : TakeDownAsync(actor, articleId, reason.Trim(), setBy: null, cancellationToken);

    /// <summary>
    /// 定时下线: the live article leaves the site at <paramref name="atUtc"/> as a 撤稿 with <paramref name="reason"/>
    /// would take it down, whoever is signed in then; a restart catches up on a time that passed while stopped.
    /// </summary>
    public async Task<WorkflowResult> ScheduleWithdrawalAsync(Staff actor, int articleId, DateTime atUtc, string reason,
        CancellationToken cancellationToken = default)
    {
        if (ReasonRefusal("定时下线", reason) is { } refused) return refused;
        reason = reason.Trim();
        atUtc = ChinaTime.TruncateToMinute(atUtc);
        if (atUtc <= Now)
            return WorkflowResult.Refused(
                $"定时下线的时间必须晚于现在（北京时间 {ChinaTime.Format(Now)}），您填写的 {ChinaTime.Format(atUtc)} 已经过去。");
        if (atUtc > Now.AddYears(WithdrawalYearsAhead))
            return WorkflowResult.Refused(
                $"定时下线的时间不能超过 {WithdrawalYearsAhead} 年以后（最晚 {ChinaTime.Format(Now.AddYears(WithdrawalYearsAhead))}）。");
        await using var db = database.CreateContext();
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null) return WorkflowResult.Refused("找不到这篇文章。");
        if (!actor.Can(StaffRoles.Publisher, article.ChannelId))
            return WorkflowResult.NotAllowed("您没有发布这个栏目文章的权限。");
        // Only while it is live: a withdrawal between the read above and this write leaves nothing set.
        var set = await db.Articles.Where(a => a.Id == articleId && a.Status == ArticleStatus.Published)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.WithdrawAtUtc, (DateTime?)atUtc)
                .SetProperty(a => a.WithdrawReason, reason)
                .SetProperty(a => a.WithdrawSetBy, actor.UserName), cancellationToken);
        if (set == 0) return WorkflowResult.Refused("这篇文章没有在网站上发布，无需定时下线。");
        await AuditAsync(actor, AuditActions.ArticleWithdrawalScheduled, articleId,
            $"《{article.Title}》（{article.Url}）定于 {ChinaTime.Format(atUtc)} 下线，理由：{reason}");
        return WorkflowResult.Done(articleId,
            $"已设为 {ChinaTime.Format(atUtc)} 定时下线：到时页面将从网站、栏目列表、订阅、网站地图和站内搜索中移除。");
    }

    public async Task<WorkflowResult> CancelWithdrawalAsync(Staff actor, int articleId,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null) return WorkflowResult.Refused("找不到这篇文章。");
        if (!actor.Can(StaffRoles.Publisher, article.ChannelId))
            return WorkflowResult.NotAllowed("您没有发布这个栏目文章的权限。");
        if (article.WithdrawAtUtc is not { } at
            || await ClearWithdrawalAsync(db, articleId, at, cancellationToken) == 0)
            return WorkflowResult.Refused("这篇文章没有设定定时下线（可能已经下线，或已被他人取消）。");
        await AuditAsync(actor, AuditActions.ArticleWithdrawalCancelled, articleId,
            $"取消《{article.Title}》原定于 {ChinaTime.Format(at)} 的定时下线");
        return WorkflowResult.Done(articleId, "已取消定时下线，文章继续在网站上发布。");
    }

    /// <summary>
    /// Withdraws every live article whose 定时下线 time has come; called by <see cref="ScheduledPublishing"/>. Each
    /// is claimed by clearing its time first, so that a second node takes none twice; a withdrawal that fails puts the
    /// time back and is tried again at the next round.
    /// </summary>
    public async Task<int> WithdrawDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var now = Now;
        // Compared here, as the scheduled publishing is: the providers store times differently.
        var due = (await db.Articles.AsNoTracking().Where(a => a.WithdrawAtUtc != null)
                .Select(a => new { a.Id, a.WithdrawAtUtc, a.WithdrawReason, a.WithdrawSetBy, a.Status })
                .ToListAsync(cancellationToken))
            .Where(a => a.WithdrawAtUtc <= now).OrderBy(a => a.WithdrawAtUtc).ToList();
        var withdrawn = 0;
        foreach (var article in due)
        {
            var at = article.WithdrawAtUtc!.Value;
            if (await ClearWithdrawalAsync(db, article.Id, at, cancellationToken) == 0) continue;
            if (article.Status != ArticleStatus.Published) continue;
            var result = await TakeDownAsync(Staff.ScheduledWithdrawal, article.Id, article.WithdrawReason,
                setBy: article.WithdrawSetBy, cancellationToken);
            if (result.Succeeded)
            {
                withdrawn++;
                continue;
            }
            logger.LogError("Scheduled withdrawal of article {ArticleId} failed: {Message}", article.Id,
                result.Message);
            await db.Articles.Where(a => a.Id == article.Id && a.Status == ArticleStatus.Published)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.WithdrawAtUtc, (DateTime?)at)
                    .SetProperty(a => a.WithdrawReason, article.WithdrawReason)
                    .SetProperty(a => a.WithdrawSetBy, article.WithdrawSetBy), cancellationToken);
        }
        return withdrawn;
    }

    private static Task<int> ClearWithdrawalAsync(GovPortalDbContext db, int articleId, DateTime at,
        CancellationToken cancellationToken) =>
        db.Articles.Where(a => a.Id == articleId && a.WithdrawAtUtc == at)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.WithdrawAtUtc, (DateTime?)null)
                .SetProperty(a => a.WithdrawReason, "").SetProperty(a => a.WithdrawSetBy, ""), cancellationToken);

    private static WorkflowResult? ReasonRefusal(string what, string? reason)
    {
        var length = (reason ?? "").Trim().Length;
        if (length < MinimumReasonLength)
            return WorkflowResult.Refused(
                $"{what}须写明理由，至少 {MinimumReasonLength} 个字（您填写了 {length} 个字）；理由记入审计日志。");
        return length > 2000 ? WorkflowResult.Refused("理由不能超过 2000 个字。") : null;
    }

    /// <summary>
    /// Takes a live article off the site through the publish plan (page, lists, feeds, site map, search; the address
    /// answers "已撤稿"), then records its live revision as withdrawn. <paramref name="setBy"/> names who set a
    /// 定时下线 (the scheduler acts for them); null for a 撤稿 by <paramref name="actor"/>, whose rights are checked.
    /// </summary>
    private async Task<WorkflowResult> TakeDownAsync(Staff actor, int articleId, string reason, string? setBy,
        CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        if (await LoadAsync(db, articleId, cancellationToken) is not var (article, revisions))
            return WorkflowResult.Refused("找不到这篇文章。");
        var live = revisions.LastOrDefault(r => r.State == RevisionState.Published);
        if (article.Status != ArticleStatus.Published || live is null)
            return WorkflowResult.Refused("这篇文章没有在网站上发布，无需撤稿。");
        if (setBy is null && !actor.Can(StaffRoles.Publisher, article.ChannelId))
            return WorkflowResult.NotAllowed("您没有发布这个栏目文章的权限。");
        try
        {
            await publishers.Current().ApplyArticleChangeAsync(articleId, a =>
            {
                a.Status = ArticleStatus.Withdrawn;
                a.WithdrawAtUtc = null;
                a.WithdrawReason = "";
                a.WithdrawSetBy = "";
            }, cancellationToken);
        }
        catch (PublishException e)
        {
            await AuditAsync(actor, AuditActions.ArticlePublishFailed, articleId, $"撤稿失败：{e.Message}");
            return WorkflowResult.Refused("撤稿失败：" + e.Message);
        }
        live.State = RevisionState.Withdrawn;
        live.Version++;
        await db.SaveChangesAsync(cancellationToken);
        var how = setBy is null ? "撤下" : $"按 {setBy} 设定的时间定时下线";
        await AuditAsync(actor, AuditActions.ArticleWithdrawn, articleId,
            $"{how}《{article.Title}》（{article.Url}），理由：{reason}");
        return WorkflowResult.Done(articleId, "已撤稿：页面已从网站、栏目列表、订阅、网站地图和站内搜索中移除，原地址显示“已撤稿”。");
    }
}
