using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

// 同时列于: a live article listed in other channels besides its own (one page, one address). Like 置顶, it belongs to
// the live article, not to a revision; the publish plan re-renders the lists, blocks and feeds that gain or lose it.
public sealed partial class ArticleWorkflow
{
    /// <summary>
    /// The channels a publisher may list <paramref name="article"/> in: those they publish for, that hold a list of
    /// articles (not an 外链, not a 单页, which shows one article of its own, not the 政府信息公开 section, whose
    /// address is the section's home), other than its own channel.
    /// </summary>
    public static IEnumerable<Channel> ListableChannels(Staff actor, ChannelTree tree, Article article)
    {
        var section = Publishing.Disclosure.Catalogue.SectionChannelId(tree);
        return tree.InReadingOrder().Select(c => c.Channel).Where(c => c.Id != article.ChannelId
            && c.Id != section && c.HoldsArticles() && c.Type != ChannelType.SinglePage
            && actor.Can(StaffRoles.Publisher, c.Id));
    }

    /// <summary>Lists a live article in exactly <paramref name="channelIds"/> besides its own channel.</summary>
    public async Task<WorkflowResult> ListAlsoInAsync(Staff actor, int articleId, IReadOnlyCollection<int> channelIds,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var article = await db.Articles.AsNoTracking().Include(a => a.AlsoListedIn)
            .FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null) return WorkflowResult.Refused("找不到这篇文章。");
        if (!actor.Can(StaffRoles.Publisher, article.ChannelId))
            return WorkflowResult.NotAllowed("您没有发布这个栏目文章的权限。");
        if (article.Status != ArticleStatus.Published)
            return WorkflowResult.Refused("这篇文章没有在网站上发布，不能同时列于其他栏目。");
        var tree = new ChannelTree(await db.Channels.AsNoTracking().Where(c => c.SiteId == article.SiteId)
            .ToListAsync(cancellationToken));
        // A value that is not a channel's id (0, a typed word) is named as a channel that does not exist.
        var wanted = channelIds.Select(id => id > 0 ? id : -1).Distinct().ToList();
        var before = article.AlsoListedIn.Select(l => l.ChannelId).ToHashSet();
        var listable = ListableChannels(actor, tree, article).Select(c => c.Id).ToHashSet();
        // A channel may be left as it is even when the publisher could not choose it (another publisher's).
        if (wanted.FirstOrDefault(id => !listable.Contains(id) && !before.Contains(id)) is var refused and not 0)
            return WorkflowResult.Refused(refused == article.ChannelId ? "文章本来就在这个栏目中，不需要同时列于它。"
                : !tree.Contains(refused) ? "所选栏目不存在，请重新选择。"
                : !tree[refused].HoldsArticles() || tree[refused].Type == ChannelType.SinglePage
                    || refused == Publishing.Disclosure.Catalogue.SectionChannelId(tree)
                    ? $"栏目“{tree[refused].Name}”没有自己的文章列表（外链、单页或信息公开栏目），不能列入。"
                : $"您没有栏目“{tree[refused].Name}”的发布权限，不能把文章列入这个栏目。");
        if (before.Except(wanted).FirstOrDefault(id => !listable.Contains(id) && tree.Contains(id)) is var kept
            and not 0)
            return WorkflowResult.Refused($"您没有栏目“{tree[kept].Name}”的发布权限，不能把文章从这个栏目中撤出。");
        if (wanted.Count > AlsoListedIn.MaxChannels)
            return WorkflowResult.Refused($"一篇文章最多同时列于 {AlsoListedIn.MaxChannels} 个其他栏目。");
        if (before.SetEquals(wanted)) return WorkflowResult.Refused("同时列于的栏目与现在相同，没有需要保存的改动。");
        var refusal = await ApplyLiveChangeAsync(articleId, a =>
        {
            a.AlsoListedIn.RemoveAll(l => !wanted.Contains(l.ChannelId));
            foreach (var id in wanted.Where(id => a.AlsoListedIn.All(l => l.ChannelId != id)))
                a.AlsoListedIn.Add(new AlsoListedIn { ArticleId = articleId, ChannelId = id });
        }, cancellationToken);
        if (refusal is not null) return refusal;
        string Names(IEnumerable<int> ids) =>
            ids.Any() ? string.Join("、", ids.Where(tree.Contains).Select(id => tree[id].Name)) : "无";
        await AuditAsync(actor, AuditActions.ArticleListed, articleId,
            $"《{article.Title}》（{article.Url}）同时列于：{Names(wanted)}（原为：{Names(before)}）");
        return WorkflowResult.Done(articleId, wanted.Count == 0
            ? "已不再同时列于其他栏目：相关栏目的列表、区块和订阅已更新。"
            : $"已同时列于 {Names(wanted)}：这些栏目的列表、区块和订阅已更新，文章地址不变。");
    }
}
