using GovPortal.BackOffice.Accounts;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

// 移动 (from the article list's 批量 actions): a change of channel is an edit like any other, so it is a save of the
// current revision with another channel. A draft moves at once; a live article gets a new draft in the new channel,
// which is reviewed and published as usual, and its page stays where it is until then.
public sealed partial class ArticleWorkflow
{
    public async Task<WorkflowResult> MoveAsync(Staff actor, int articleId, int channelId,
        CancellationToken cancellationToken = default)
    {
        if (channelId <= 0) return WorkflowResult.Refused("请选择要移动到的栏目。");
        await using var db = database.CreateContext();
        if (await LoadAsync(db, articleId, cancellationToken) is not var (_, revisions))
            return WorkflowResult.Refused("找不到这篇文章。");
        var current = Current(revisions);
        if (current.ChannelId == channelId) return WorkflowResult.Refused("文章已经在这个栏目中，无需移动。");
        var kind = kinds.Of(current);
        var form = new ArticleForm
        {
            ChannelId = channelId, Kind = kind, Values = kind.ValuesOf(current),
            BaseRevisionId = current.Id, BaseVersion = current.Version,
        };
        var saved = await SaveAsync(actor, articleId, form, cancellationToken);
        if (!saved.Succeeded) return saved;
        var name = await db.Channels.Where(c => c.Id == channelId).Select(c => c.Name)
            .FirstAsync(cancellationToken);
        return WorkflowResult.Done(articleId, $"已移到“{name}”栏目：" + saved.Message);
    }
}
