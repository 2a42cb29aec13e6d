using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

// Where a live article stands in its lists: 置顶 (with an end), 权重, and its 发布日期. These belong to the live
// article, not to a revision: a publisher changes them on the live page, and the publish plan re-renders exactly the
// lists, blocks and feeds whose order changes.
public sealed partial class ArticleWorkflow
{
    /// <summary>
    /// Sets 置顶 (until <paramref name="pinEndsAtUtc"/>, or until unpinned when null), 权重 and 焦点图 of a live
    /// article; <paramref name="featured"/> null leaves 焦点图 as it is.
    /// </summary>
    public async Task<WorkflowResult> RankAsync(Staff actor, int articleId, bool pinned, DateTime? pinEndsAtUtc,
        int weight, bool? featured = null, CancellationToken cancellationToken = default)
    {
        if (weight is < 0 or > ListRank.MaxWeight)
            return WorkflowResult.Refused($"权重须为 0 到 {ListRank.MaxWeight} 之间的整数（数字越大越靠前）。");
        DateTime? ends = pinned && pinEndsAtUtc is { } end ? ChinaTime.TruncateToMinute(end) : null;
        if (ends <= Now)
            return WorkflowResult.Refused(
                $"置顶截止时间必须晚于现在（北京时间 {ChinaTime.Format(Now)}），您填写的 {ChinaTime.Format(ends.Value)} 已经过去。");
        if (ends > Now.AddYears(WithdrawalYearsAhead))
            return WorkflowResult.Refused($"置顶截止时间不能超过 {WithdrawalYearsAhead} 年以后；不填则一直置顶，直到取消。");
        await using var db = database.CreateContext();
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null) return WorkflowResult.Refused("找不到这篇文章。");
        if (!actor.Can(StaffRoles.Publisher, article.ChannelId))
            return WorkflowResult.NotAllowed("您没有发布这个栏目文章的权限。");
        if (article.Status != ArticleStatus.Published)
            return WorkflowResult.Refused("这篇文章没有在网站上发布，不能置顶或设置权重。");
        var feature = featured ?? article.Featured;
        if (feature && !article.Featured && (article.LeadImage.Length == 0 || article.LinkUrl.Length > 0))
            return WorkflowResult.Refused(article.LinkUrl.Length > 0
                ? "外链文章没有自己的页面和图片，不能设为焦点图。"
                : "焦点图显示文章的题图：请先编辑文章、选择题图并发布，再设为焦点图。");
        if (article.Pinned == pinned && article.PinEndsAtUtc == ends && article.Weight == weight
            && article.Featured == feature)
            return WorkflowResult.Refused("置顶、权重和焦点图与现在相同，没有需要保存的改动。");
        var refusal = await ApplyLiveChangeAsync(articleId, a =>
        {
            a.Pinned = pinned;
            a.PinEndsAtUtc = ends;
            a.Weight = weight;
            a.Featured = feature;
        }, cancellationToken);
        if (refusal is not null) return refusal;
        var pin = !pinned ? "不置顶" : ends is { } at ? $"置顶至 {ChinaTime.Format(at)}" : "置顶（不设截止时间）";
        var focus = feature ? "，焦点图" : "";
        await AuditAsync(actor, AuditActions.ArticleRanked, articleId,
            $"《{article.Title}》（{article.Url}）：{pin}，权重 {weight}{focus}（原为{Describe(article)}）");
        return WorkflowResult.Done(articleId,
            $"已保存（{pin}，权重 {weight}{focus}）：栏目列表、首页区块、焦点图和订阅已按新的顺序更新。");
    }

    /// <summary>
    /// Changes the 发布日期 of a live article. The date readers see is a fact of record (伪造发稿日期 is a failing item of
    /// the national inspection), so it needs a reason, may not lie in the future, and is audited with both dates.
    /// </summary>
    public async Task<WorkflowResult> ChangePublishedDateAsync(Staff actor, int articleId, DateTime atUtc,
        string reason, CancellationToken cancellationToken = default)
    {
        if (ReasonRefusal("修改发布日期", reason) is { } refused) return refused;
        reason = reason.Trim();
        atUtc = ChinaTime.TruncateToMinute(atUtc);
        if (atUtc > Now)
            return WorkflowResult.Refused(
                $"发布日期不能晚于现在（北京时间 {ChinaTime.Format(Now)}）；要在将来发布，请使用定时发布。");
        if (atUtc.Year < EarliestPublishedYear)
            return WorkflowResult.Refused($"发布日期不能早于 {EarliestPublishedYear} 年。");
        await using var db = database.CreateContext();
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null) return WorkflowResult.Refused("找不到这篇文章。");
        if (!actor.Can(StaffRoles.Publisher, article.ChannelId))
            return WorkflowResult.NotAllowed("您没有发布这个栏目文章的权限。");
        if (article.Status != ArticleStatus.Published)
            return WorkflowResult.Refused("只有已发布的文章可以修改发布日期；未发布的文章以发布时的时间为发布日期。");
        if (article.PublishedAtUtc == atUtc)
            return WorkflowResult.Refused($"新的发布日期与原来的相同（{ChinaTime.Format(atUtc)}）。");
        var refusal = await ApplyLiveChangeAsync(articleId, a => a.PublishedAtUtc = atUtc, cancellationToken);
        if (refusal is not null) return refusal;
        await AuditAsync(actor, AuditActions.ArticleDateChanged, articleId,
            $"《{article.Title}》（{article.Url}）发布日期由 {ChinaTime.Format(article.PublishedAtUtc)} 改为 " +
            $"{ChinaTime.Format(atUtc)}，理由：{reason}");
        return WorkflowResult.Done(articleId,
            $"发布日期已改为 {ChinaTime.Format(atUtc)}：文章页、栏目列表和订阅已更新，原地址不变。");
    }

    /// <summary>Government websites began in the late 1990s: an earlier date is a typing error.</summary>
    public const int EarliestPublishedYear = 1990;

    /// <summary>
    /// Ends every pin whose end has come; called by <see cref="ScheduledPublishing"/>. The end read is compared again
    /// under the publisher's lock, so a pin changed in between, or already ended by another node, is left alone.
    /// </summary>
    public async Task<int> UnpinDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var now = Now;
        // Compared here, as the scheduled publishing is: the providers store times differently.
        var due = (await db.Articles.AsNoTracking().Where(a => a.Pinned && a.PinEndsAtUtc != null)
                .Select(a => new { a.Id, a.Title, a.PinEndsAtUtc }).ToListAsync(cancellationToken))
            .Where(a => a.PinEndsAtUtc <= now).OrderBy(a => a.PinEndsAtUtc).ToList();
        var ended = 0;
        foreach (var article in due)
        {
            var changed = false;
            try
            {
                await publishers.Current().ApplyArticleChangeAsync(article.Id, a =>
                {
                    if (!a.Pinned || a.PinEndsAtUtc != article.PinEndsAtUtc) return;
                    (a.Pinned, a.PinEndsAtUtc, changed) = (false, null, true);
                }, cancellationToken);
            }
            catch (PublishException e)
            {
                logger.LogError("Ending the pin of article {ArticleId} failed: {Message}", article.Id, e.Message);
                continue;
            }
            if (!changed) continue;
            ended++;
            await AuditAsync(Staff.PinExpiry, AuditActions.ArticleRanked, article.Id,
                $"《{article.Title}》置顶到期（{ChinaTime.Format(article.PinEndsAtUtc!.Value)}），已取消置顶");
        }
        return ended;
    }

    private static string Describe(Article article) =>
        (!article.Pinned ? "不置顶" : article.PinEndsAtUtc is { } at ? $"置顶至 {ChinaTime.Format(at)}" : "置顶")
        + $"，权重 {article.Weight}" + (article.Featured ? "，焦点图" : "");

    /// <summary>Applies a change to the live article through the publish plan; a refusal when it cannot be.</summary>
    private async Task<WorkflowResult?> ApplyLiveChangeAsync(int articleId, Action<Article> change,
        CancellationToken cancellationToken)
    {
        try
        {
            await publishers.Current().ApplyArticleChangeAsync(articleId, a =>
            {
                // Withdrawn between the check and the publisher's lock: nothing is changed.
                if (a.Status != ArticleStatus.Published)
                    throw new PublishException("这篇文章刚刚已不在网站上发布，没有保存改动。");
                change(a);
            }, cancellationToken);
            return null;
        }
        catch (PublishException e)
        {
            return WorkflowResult.Refused("没有保存：" + e.Message);
        }
    }
}
