using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;

namespace GovPortal.BackOffice.Articles;

/// <summary>
/// Which actions the article page offers this person now. Only a convenience for the page: every action is checked
/// again by <see cref="ArticleWorkflow"/> on the server.
/// </summary>
public sealed record ArticleActions(bool Edit, bool Submit, bool Recall, bool Review, string? ReviewBlockedReason,
    bool Publish, bool Schedule,
    bool Unschedule, bool ForcePublish, bool Withdraw, bool Restore, bool ScheduleWithdrawal, bool CancelWithdrawal,
    bool Delete, bool Rank = false, bool ChangeDate = false)
{
    /// <param name="blockingFindings">
    /// Whether the content checks found something that must change: then nothing that moves the revision on (submit,
    /// publish, schedule, force-publish) is offered, since the workflow would refuse it.
    /// </param>
    public static ArticleActions For(Staff staff, Article article, IReadOnlyList<Revision> revisions,
        bool blockingFindings = false)
    {
        var working = ArticleWorkflow.Working(revisions);
        var current = ArticleWorkflow.Current(revisions);
        var channel = current.ChannelId;
        bool editor = staff.Can(StaffRoles.Editor, channel), reviewer = staff.Can(StaffRoles.Reviewer, channel),
            publisher = staff.Can(StaffRoles.Publisher, channel);
        var state = working?.State;
        string? blocked = null;
        if (reviewer && state == RevisionState.Submitted)
        {
            if (string.Equals(working!.SubmittedBy, staff.UserName, StringComparison.OrdinalIgnoreCase))
                blocked = "这是您自己提交的文章，须由其他审核人员审核。";
            else if (ArticleWorkflow.Approvers(working).Contains(staff.UserName, StringComparer.OrdinalIgnoreCase))
                blocked = "您已审核过本文的上一级，下一级须由其他审核人员审核。";
        }
        return new ArticleActions(
            Edit: editor && state is null or RevisionState.Draft or RevisionState.Rejected,
            Submit: editor && state is RevisionState.Draft or RevisionState.Rejected && !blockingFindings,
            Recall: editor && state == RevisionState.Submitted,
            Review: reviewer && state == RevisionState.Submitted && blocked is null,
            ReviewBlockedReason: blocked,
            Publish: publisher && state == RevisionState.Approved && !blockingFindings,
            Schedule: publisher && state == RevisionState.Approved && !blockingFindings,
            Unschedule: publisher && state == RevisionState.Scheduled,
            ForcePublish: publisher && !blockingFindings
                && state is RevisionState.Draft or RevisionState.Submitted or RevisionState.Rejected,
            Withdraw: publisher && article.Status == ArticleStatus.Published,
            Restore: editor && working is null && revisions.Count > 1,
            ScheduleWithdrawal: publisher && article is { Status: ArticleStatus.Published, WithdrawAtUtc: null },
            CancelWithdrawal: publisher && article is { Status: ArticleStatus.Published, WithdrawAtUtc: not null },
            Delete: ArticleWorkflow.DeletionRefusal(staff, article, revisions) is null,
            Rank: publisher && article.Status == ArticleStatus.Published,
            ChangeDate: publisher && article.Status == ArticleStatus.Published);
    }
}
