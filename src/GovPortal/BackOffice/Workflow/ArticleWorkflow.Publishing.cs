using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

// Publishing: publish now, schedule, force-publish with a reason, and the scheduler's due list (撤稿: Withdrawal).
public sealed partial class ArticleWorkflow
{
    public const int MinimumReasonLength = 5;

    public async Task<WorkflowResult> PublishAsync(Staff actor, int articleId, int version,
        bool acknowledgedWarnings = false, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var (revision, refusal) = await WorkingAsync(db, actor, articleId, version, StaffRoles.Publisher,
            "只有审核通过的文章可以发布。", [RevisionState.Approved], cancellationToken);
        if (revision is null) return refusal!;
        if (await ContentGateAsync(db, actor, revision, acknowledgedWarnings, "发布", cancellationToken) is { } refused)
            return refused;
        return await GoLiveAsync(actor, revision.Id, version, forcedReason: "", AuditActions.ArticlePublished,
            cancellationToken);
    }

    public async Task<WorkflowResult> ScheduleAsync(Staff actor, int articleId, int version, DateTime atUtc,
        bool acknowledgedWarnings = false, CancellationToken cancellationToken = default)
    {
        atUtc = ChinaTime.TruncateToMinute(atUtc);
        if (atUtc <= Now)
            return WorkflowResult.Refused(
                $"定时发布的时间必须晚于现在（北京时间 {ChinaTime.Format(Now)}），您填写的 {ChinaTime.Format(atUtc)} 已经过去。");
        if (atUtc > Now.AddYears(1))
            return WorkflowResult.Refused($"定时发布的时间不能超过一年以后（最晚 {ChinaTime.Format(Now.AddYears(1))}）。");
        await using var db = database.CreateContext();
        var (revision, refusal) = await WorkingAsync(db, actor, articleId, version, StaffRoles.Publisher,
            "只有审核通过的文章可以定时发布。", [RevisionState.Approved], cancellationToken);
        if (revision is null) return refusal!;
        if (await ContentGateAsync(db, actor, revision, acknowledgedWarnings, "定时发布", cancellationToken) is { } refused)
            return refused;
        revision.State = RevisionState.Scheduled;
        revision.ScheduledAtUtc = atUtc;
        revision.PublishedBy = actor.UserName;
        revision.Version++;
        if (!await TrySaveAsync(db, cancellationToken)) return WorkflowResult.Stale(StaleMessage);
        await AuditAsync(actor, AuditActions.ArticleScheduled, articleId,
            $"{Quote(revision)}定于 {ChinaTime.Format(atUtc)} 发布");
        return WorkflowResult.Done(articleId, $"已设为 {ChinaTime.Format(atUtc)} 定时发布。");
    }

    public async Task<WorkflowResult> UnscheduleAsync(Staff actor, int articleId, int version,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var (revision, refusal) = await WorkingAsync(db, actor, articleId, version, StaffRoles.Publisher, "这篇文章没有定时发布。",
            [RevisionState.Scheduled], cancellationToken);
        if (revision is null) return refusal!;
        revision.State = RevisionState.Approved;
        revision.ScheduledAtUtc = null;
        revision.Version++;
        if (!await TrySaveAsync(db, cancellationToken)) return WorkflowResult.Stale(StaleMessage);
        await AuditAsync(actor, AuditActions.ArticleUnscheduled, articleId, $"取消{Quote(revision)}的定时发布");
        return WorkflowResult.Done(articleId, "已取消定时发布，文章回到待发布状态。");
    }

    /// <summary>
    /// 紧急发布: a publisher skips review with a written reason; the revision is marked and listed for retrospective
    /// review.
    /// </summary>
    public async Task<WorkflowResult> ForcePublishAsync(Staff actor, int articleId, int version, string reason,
        bool acknowledgedWarnings = false, CancellationToken cancellationToken = default)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length < MinimumReasonLength)
            return WorkflowResult.Refused($"紧急发布须写明理由（至少 {MinimumReasonLength} 个字），理由将记入审计日志并列入事后审核。");
        if (reason.Length > 2000) return WorkflowResult.Refused("理由不能超过 2000 个字。");
        await using var db = database.CreateContext();
        var (revision, refusal) = await WorkingAsync(db, actor, articleId, version, StaffRoles.Publisher,
            "只有草稿、待审核或被退回的文章可以紧急发布；审核通过的文章请直接发布。",
            [RevisionState.Draft, RevisionState.Submitted, RevisionState.Rejected], cancellationToken);
        if (revision is null) return refusal!;
        if (await ContentGateAsync(db, actor, revision, acknowledgedWarnings, "紧急发布", cancellationToken) is { } refused)
            return refused;
        return await GoLiveAsync(actor, revision.Id, version, reason, AuditActions.ArticleForcePublished,
            cancellationToken);
    }

    /// <summary>
    /// Publishes every scheduled revision whose time has come; called by <see cref="ScheduledPublishing"/>.
    /// </summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        List<(int Id, int ArticleId, int Version)> due;
        await using (var db = database.CreateContext())
        {
            var now = Now;
            due = (await db.Revisions.Where(r => r.State == RevisionState.Scheduled)
                .Select(r => new { r.Id, r.ArticleId, r.ScheduledAtUtc, r.Version }).ToListAsync(cancellationToken))
                .Where(r => r.ScheduledAtUtc <= now).OrderBy(r => r.ScheduledAtUtc)
                .Select(r => (r.Id, r.ArticleId, r.Version)).ToList();
        }
        var published = 0;
        foreach (var (id, articleId, version) in due)
        {
            var result = await GoLiveAsync(Staff.System, id, version, forcedReason: "", AuditActions.ArticlePublished,
                cancellationToken);
            if (result.Succeeded) published++;
            else
                logger.LogError("Scheduled publishing of article {ArticleId} failed: {Message}", articleId,
                    result.Message);
        }
        return published;
    }

    /// <summary>
    /// Puts a revision on the public site through the publish plan, then records it as the live revision. When the
    /// publish is refused (a blocking content finding, a missing file), nothing changes and the reason is returned.
    /// </summary>
    private async Task<WorkflowResult> GoLiveAsync(Staff actor, int revisionId, int version, string forcedReason,
        string action, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var revision = await db.Revisions.Include(r => r.Files).FirstAsync(r => r.Id == revisionId, cancellationToken);
        // Claimed first, so that a second click or a second node cannot publish the same revision again.
        if (revision.Version != version) return WorkflowResult.Stale(StaleMessage);
        revision.Version++;
        if (!await TrySaveAsync(db, cancellationToken)) return WorkflowResult.Stale(StaleMessage);
        var now = Now;
        var scheduled = revision.State == RevisionState.Scheduled;
        var goLiveAt = scheduled && revision.ScheduledAtUtc is { } at ? at : now;
        List<PageFailure> failures;
        try
        {
            failures = (await publishers.Current().ApplyArticleChangeAsync(revision.ArticleId, article =>
            {
                kinds.Of(revision).Copy(revision, article);
                // The date readers see is that of the first publication; corrections keep it (and the address).
                if (article.Url is null) article.PublishedAtUtc = goLiveAt;
                article.Status = ArticleStatus.Published;
                article.RelatedFiles.Clear();
                article.RelatedFiles.AddRange(revision.Files.OrderBy(f => f.SortOrder).Select(f => f.ToRelatedFile()));
            }, cancellationToken)).Failures;
        }
        catch (PublishException e)
        {
            await AuditAsync(actor, AuditActions.ArticlePublishFailed, revision.ArticleId,
                $"{Quote(revision)}未能发布：{e.Message}");
            return WorkflowResult.Refused("未能发布：" + e.Message);
        }

        foreach (var previous in await db.Revisions
            .Where(r => r.ArticleId == revision.ArticleId && r.Id != revision.Id
                && (r.State == RevisionState.Published || r.State == RevisionState.Withdrawn))
            .ToListAsync(cancellationToken))
        {
            previous.State = RevisionState.Superseded;
            previous.Version++;
        }
        revision.State = RevisionState.Published;
        revision.PublishedAtUtc = now;
        if (actor.UserName.Length > 0) revision.PublishedBy = actor.UserName;
        revision.ForcedReason = forcedReason;
        revision.ScheduledAtUtc = null;
        revision.Version++;
        await db.SaveChangesAsync(cancellationToken);
        var url = await db.Articles.Where(a => a.Id == revision.ArticleId).Select(a => a.Url)
            .FirstAsync(cancellationToken);
        var details = forcedReason.Length > 0 ? $"紧急发布{Quote(revision)}（未经审核），理由：{forcedReason}"
            : scheduled ? $"按 {revision.PublishedBy} 设定的时间定时发布{Quote(revision)}" : $"发布{Quote(revision)}";
        // Pages that could not be made keep their last version; the person publishing is told, and so is the log.
        var unmade = failures.Count == 0 ? ""
            : $"；但有 {failures.Count} 个页面未能生成，暂保留上次发布的版本，下次发布时重试：{failures[0].Message}";
        await AuditAsync(actor, action, revision.ArticleId, $"{details}，地址 {url}{unmade}");
        return WorkflowResult.Done(revision.ArticleId, (forcedReason.Length > 0 ? "已紧急发布，已列入事后审核。"
            : "已发布，网站上的相关页面已更新。") + (unmade.Length > 0 ? unmade.TrimStart('；') + "。" : ""));
    }
}
