using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

// Review: approve one level, reject with a comment, look back at what was force-published.
public sealed partial class ArticleWorkflow
{
    public async Task<WorkflowResult> ApproveAsync(Staff actor, int articleId, int version, string comment,
        CancellationToken cancellationToken = default)
    {
        comment = ApprovalComment.Flatten(comment ?? "");
        if (comment.Length > ApprovalComment.MaximumLength)
            return WorkflowResult.Refused($"审核意见不能超过 {ApprovalComment.MaximumLength} 个字，您填写了 {comment.Length} 个字。");
        await using var db = database.CreateContext();
        var (revision, refusal) = await WorkingAsync(db, actor, articleId, version, StaffRoles.Reviewer,
            "只有待审核的文章可以审核。", [RevisionState.Submitted], cancellationToken);
        if (revision is null) return refusal!;
        // Two-person rule: nobody approves their own submission, and one person passes one level at most.
        if (string.Equals(revision.SubmittedBy, actor.UserName, StringComparison.OrdinalIgnoreCase))
            return WorkflowResult.Refused("不能审核自己提交的文章，请由其他审核人员审核。");
        var approvers = Approvers(revision);
        if (approvers.Contains(actor.UserName, StringComparer.OrdinalIgnoreCase))
            return WorkflowResult.Refused($"您已审核过这篇文章的第 {approvers.IndexOf(actor.UserName) + 1} 级，下一级须由其他审核人员审核。");

        revision.PassedLevels++;
        revision.ApprovedBy = string.Join(',', approvers.Append(actor.UserName));
        if (comment.Length > 0)
            revision.ApprovalComments = ApprovalComment.Append(revision,
                new ApprovalComment(revision.PassedLevels, actor.UserName, comment));
        var done = revision.PassedLevels >= revision.RequiredLevels;
        if (done) revision.State = RevisionState.Approved;
        revision.Version++;
        if (!await TrySaveAsync(db, cancellationToken)) return WorkflowResult.Stale(StaleMessage);
        var level = LevelName(revision.PassedLevels);
        await AuditAsync(actor, AuditActions.ArticleApproved, articleId, $"{level}通过{Quote(revision)}" +
            (comment.Length == 0 ? "" : $"，意见：{comment}"));
        return WorkflowResult.Done(articleId, done ? $"{level}通过，文章等待发布。"
            : $"{level}通过，等待{LevelName(revision.PassedLevels + 1)}。");
    }

    public async Task<WorkflowResult> RejectAsync(Staff actor, int articleId, int version, string comment,
        CancellationToken cancellationToken = default)
    {
        comment = (comment ?? "").Trim();
        if (comment.Length == 0) return WorkflowResult.Refused("退回时请填写退回意见，让编辑知道需要修改什么。");
        if (comment.Length > 2000) return WorkflowResult.Refused("退回意见不能超过 2000 个字。");
        await using var db = database.CreateContext();
        var (revision, refusal) = await WorkingAsync(db, actor, articleId, version, StaffRoles.Reviewer,
            "只有待审核的文章可以退回。", [RevisionState.Submitted], cancellationToken);
        if (revision is null) return refusal!;
        revision.State = RevisionState.Rejected;
        revision.RejectionComment = comment;
        revision.RejectedBy = actor.UserName;
        revision.Version++;
        if (!await TrySaveAsync(db, cancellationToken)) return WorkflowResult.Stale(StaleMessage);
        await AuditAsync(actor, AuditActions.ArticleRejected, articleId,
            $"{LevelName(revision.PassedLevels + 1)}退回{Quote(revision)}，意见：{comment}");
        return WorkflowResult.Done(articleId, "已退回给编辑。");
    }

    /// <summary>事后审核: a reviewer confirms having looked at content a publisher force-published.</summary>
    public async Task<WorkflowResult> ConfirmForcedAsync(Staff actor, int revisionId,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var revision = await db.Revisions.FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        if (revision is null || revision.ForcedReason.Length == 0) return WorkflowResult.Refused("找不到这条紧急发布记录。");
        if (!actor.Can(StaffRoles.Reviewer, revision.ChannelId)) return WorkflowResult.NotAllowed("您没有审核这个栏目文章的权限。");
        if (string.Equals(revision.PublishedBy, actor.UserName, StringComparison.OrdinalIgnoreCase))
            return WorkflowResult.Refused("紧急发布须由发布人以外的审核人员事后审核。");
        if (revision.ForcedReviewedBy.Length > 0) return WorkflowResult.Refused("这条紧急发布已经审核过了。");
        revision.ForcedReviewedBy = actor.UserName;
        revision.Version++;
        if (!await TrySaveAsync(db, cancellationToken)) return WorkflowResult.Stale(StaleMessage);
        await AuditAsync(actor, AuditActions.ForcedReviewed, revision.ArticleId, $"事后审核紧急发布的{Quote(revision)}");
        return WorkflowResult.Done(revision.ArticleId, "已记录事后审核。");
    }

    public static List<string> Approvers(Revision revision) =>
        revision.ApprovedBy.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();

    public static string LevelName(int level) =>
        level switch { 1 => "一审", 2 => "二审", 3 => "三审", _ => $"第 {level} 级审核" };
}
