using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Workflow;

namespace GovPortal.BackOffice.Articles;

/// <summary>What the article list can do to several articles at once.</summary>
public enum BulkAction { Submit, Approve, Publish, Withdraw, Move, Delete }

/// <param name="Reason">The one 撤稿理由 for every item of a 撤稿.</param>
/// <param name="ChannelId">The channel a 移动 moves every item to.</param>
/// <param name="VersionOf">The version of an item's revision as the list showed it (0 when none was shown).</param>
public sealed record BulkRequest(BulkAction Action, string Reason, int ChannelId, Func<int, int> VersionOf);

public sealed record BulkItemResult(int ArticleId, string Title, bool Succeeded, string Message);

/// <summary>
/// Runs a bulk action item by item through the same workflow method as the article page's button, so every item is
/// checked for the person's role, its state and its version exactly as one would be; nothing is skipped silently.
/// Warnings of the content checks are never confirmed in bulk: an item with warnings is refused and must be opened.
/// </summary>
public static class BulkActions
{
    public const int MaxItems = 100;

    public static IReadOnlyList<(BulkAction Action, string Label)> All { get; } =
    [
        (BulkAction.Submit, "提交审核"), (BulkAction.Approve, "审核通过"), (BulkAction.Publish, "立即发布"),
        (BulkAction.Withdraw, "撤稿"), (BulkAction.Move, "移动到栏目"), (BulkAction.Delete, "删除（移入回收站）"),
    ];

    public static string Label(BulkAction action) => All.First(a => a.Action == action).Label;

    public static BulkAction? Parse(string text) =>
        Enum.TryParse<BulkAction>(text, ignoreCase: true, out var action) && Enum.IsDefined(action) ? action : null;

    public static async Task<WorkflowResult> RunAsync(ArticleWorkflow workflow, Staff staff, int articleId,
        BulkRequest request, CancellationToken cancellationToken)
    {
        var version = request.VersionOf(articleId);
        return request.Action switch
        {
            BulkAction.Submit => await workflow.SubmitAsync(staff, articleId, version,
                cancellationToken: cancellationToken),
            BulkAction.Approve => await workflow.ApproveAsync(staff, articleId, version, "", cancellationToken),
            BulkAction.Publish => await workflow.PublishAsync(staff, articleId, version,
                cancellationToken: cancellationToken),
            BulkAction.Withdraw => await workflow.WithdrawAsync(staff, articleId, request.Reason, cancellationToken),
            BulkAction.Move => await workflow.MoveAsync(staff, articleId, request.ChannelId, cancellationToken),
            BulkAction.Delete => await workflow.DeleteAsync(staff, articleId, cancellationToken),
            _ => WorkflowResult.Refused("无法识别的批量操作。"),
        };
    }
}
