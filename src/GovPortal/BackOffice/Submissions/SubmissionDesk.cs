using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Content.Submissions;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Submissions;

/// <summary>A channel of another site that takes submissions, as the 报送 form offers it.</summary>
public sealed record SubmissionTarget(int ChannelId, string SiteName, string ChannelName);

/// <summary>
/// 信息报送: sending a published article to another site of the platform, and accepting or returning what was sent.
/// Every step checks the person's role for the channel it touches and the site they work in (a submission is seen by
/// both sites, but only the receiving one decides), and is written to the audit log.
/// </summary>
public sealed class SubmissionDesk(DatabaseOptions database, ArticleWorkflow workflow, AuditLog audit,
    TimeProvider time)
{
    public const int MinimumCommentLength = 5;

    private const string StaleMessage = "这条报送刚被其他人处理过。请刷新页面后再看。";

    /// <summary>The channels of the other running sites that take submissions, by site and channel order.</summary>
    public async Task<IReadOnlyList<SubmissionTarget>> TargetsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var own = await db.CurrentSiteIdAsync(cancellationToken);
        var channels = await EverySite(db.Channels).AsNoTracking()
            .Where(c => c.TakesSubmissions && c.SiteId != own && c.Type != ChannelType.Link)
            .Join(EverySite(db.Sites).Where(s => !s.Suspended), c => c.SiteId, s => s.Id,
                (c, s) => new { c.Id, c.SortOrder, SiteId = s.Id, SiteName = s.Name, ChannelName = c.Name })
            .ToListAsync(cancellationToken);
        return channels.OrderBy(c => c.SiteId).ThenBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new SubmissionTarget(c.Id, c.SiteName, c.ChannelName)).ToList();
    }

    /// <summary>Sends one of this site's published articles to a channel of another site.</summary>
    public async Task<BackOfficeResult> SubmitAsync(Staff actor, int articleId, int channelId, string note,
        CancellationToken cancellationToken = default)
    {
        note = note.Trim();
        if (note.Length > Submission.NoteMax)
            return BackOfficeResult.Refused($"附言不能超过 {Submission.NoteMax} 个字（现在 {note.Length} 个）。");
        await using var db = database.CreateContext();
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null) return BackOfficeResult.Missing("找不到这篇文章。");
        if (!Editorial(actor, article.ChannelId))
            return BackOfficeResult.NotAllowed("只有这篇文章所在栏目的撰稿、审核或发布人员可以报送它。");
        if (article.Status != ArticleStatus.Published || article.Url is null)
            return BackOfficeResult.Refused("只有已发布的文章可以报送。");
        if (article.LinkUrl.Length > 0)
            return BackOfficeResult.Refused("外链文章没有自己的页面，不能报送。");
        var target = (await TargetsAsync(cancellationToken)).FirstOrDefault(t => t.ChannelId == channelId);
        if (target is null) return BackOfficeResult.Refused("请从列表中选择接受报送的栏目。");
        var toSiteId = await EverySite(db.Channels).Where(c => c.Id == channelId).Select(c => c.SiteId)
            .FirstAsync(cancellationToken);
        var open = await db.Submissions.AnyAsync(s => s.FromArticleId == articleId && s.ToSiteId == toSiteId
            && s.State != SubmissionState.Returned, cancellationToken);
        if (open)
            return BackOfficeResult.Refused($"这篇文章已报送给{target.SiteName}，正在处理或已被采用，不能重复报送。");
        var submission = new Submission
        {
            FromSiteId = article.SiteId, FromArticleId = article.Id, ToSiteId = toSiteId, ToChannelId = channelId,
            Title = article.Title, Note = note, State = SubmissionState.Pending, SubmittedBy = actor.UserName,
            SubmittedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);
        // Two sends at the same moment both passed the check above: the earlier one stands, this one goes.
        if (await db.Submissions.AnyAsync(s => s.FromArticleId == articleId && s.ToSiteId == toSiteId
                && s.State != SubmissionState.Returned && s.Id < submission.Id, cancellationToken))
        {
            await db.Submissions.Where(s => s.Id == submission.Id).ExecuteDeleteAsync(cancellationToken);
            return BackOfficeResult.Refused($"这篇文章已报送给{target.SiteName}，正在处理或已被采用，不能重复报送。");
        }
        await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SubmissionSent, $"文章 {article.Id}",
            $"把《{article.Title}》报送到{target.SiteName}的“{target.ChannelName}”栏目", cancellationToken);
        return BackOfficeResult.Done($"已报送到{target.SiteName}的“{target.ChannelName}”栏目，对方处理后可在信息报送中查看结果。");
    }

    /// <summary>
    /// Accepts a submission: the article is published in the channel it was sent to (or goes on to that channel's
    /// next review level), as the reviewer read it: <paramref name="seenTicks"/> is the version of the sender's
    /// article their page showed.
    /// </summary>
    public async Task<WorkflowResult> AcceptAsync(Staff actor, int id, int version, long seenTicks,
        bool acknowledgedWarnings, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var (submission, refusal) = await DecidingAsync(db, actor, id, version, cancellationToken);
        if (submission is null) return refusal!;
        var original = await EverySite(db.Articles).AsNoTracking().Include(a => a.RelatedFiles)
            .FirstOrDefaultAsync(a => a.Id == submission.FromArticleId && a.SiteId == submission.FromSiteId,
                cancellationToken);
        var sender = await EverySite(db.Sites).AsNoTracking().FirstAsync(s => s.Id == submission.FromSiteId,
            cancellationToken);
        if (original is not { Status: ArticleStatus.Published, Url: not null } || sender.Suspended)
            return WorkflowResult.Refused("报送的网站已撤下或删除了这篇文章（或网站已暂停），不能采用。可以退回并说明原因。");
        if (original.UpdatedAtUtc.Ticks != seenTicks)
            return WorkflowResult.Stale("报送的文章在您查看后已被报送单位修改。请重新查看后再决定是否采用。");

        // Claimed before publishing, so that nobody else decides while the copy is made (see DecidingAsync).
        submission.DecidedBy = actor.UserName;
        submission.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
        submission.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowResult.Stale(StaleMessage);
        }
        WorkflowResult copied;
        try
        {
            copied = await workflow.PublishCopyAsync(actor, submission.ToChannelId,
                new CopiedFrom(sender.Name, sender.BaseUrl, original, $"报送 {submission.Id}"), acknowledgedWarnings,
                CancellationToken.None);
        }
        catch
        {
            await ReleaseAsync(db, submission);
            throw;
        }
        if (!copied.Succeeded)
        {
            // Refused (a content finding, a warning not confirmed) or not published: it can be decided again.
            await ReleaseAsync(db, submission);
            return copied;
        }
        submission.State = SubmissionState.Accepted;
        submission.AcceptedArticleId = copied.ArticleId;
        submission.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
        submission.Version++;
        await db.SaveChangesAsync(CancellationToken.None);
        await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SubmissionAccepted,
            $"报送 {submission.Id}", $"采用{sender.Name}报送的《{original.Title}》，为文章 {copied.ArticleId}",
            CancellationToken.None);
        return WorkflowResult.Done(copied.ArticleId, copied.Message.StartsWith("已采用", StringComparison.Ordinal)
            ? copied.Message : $"已采用，已在本站发布（来源：{sender.Name}）。");
    }

    /// <summary>Returns a submission to the site that sent it, with the reason.</summary>
    public async Task<BackOfficeResult> ReturnAsync(Staff actor, int id, int version, string comment,
        CancellationToken cancellationToken = default)
    {
        comment = comment.Trim();
        if (comment.Length < MinimumCommentLength)
            return BackOfficeResult.Refused($"请填写退回意见（至少 {MinimumCommentLength} 个字），让报送单位知道如何修改。");
        if (comment.Length > Submission.CommentMax)
            return BackOfficeResult.Refused($"退回意见不能超过 {Submission.CommentMax} 个字（现在 {comment.Length} 个）。");
        await using var db = database.CreateContext();
        var (submission, refusal) = await DecidingAsync(db, actor, id, version, cancellationToken);
        if (submission is null) return refusal!;
        submission.State = SubmissionState.Returned;
        submission.ReturnComment = comment;
        submission.DecidedBy = actor.UserName;
        submission.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
        submission.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return BackOfficeResult.Stale(StaleMessage);
        }
        await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SubmissionReturned,
            $"报送 {submission.Id}", $"退回《{submission.Title}》，意见：{comment}", cancellationToken);
        return BackOfficeResult.Done("已退回，报送单位可以看到您的意见。");
    }

    private static async Task ReleaseAsync(GovPortalDbContext db, Submission submission)
    {
        submission.DecidedBy = "";
        submission.DecidedAtUtc = null;
        submission.Version++;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>How long an acceptance holds a submission: one left by a process that died is free after.</summary>
    public static readonly TimeSpan ClaimHeld = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A submission this site received, still waiting and not being accepted by someone else at this moment, in a
    /// channel the person reviews or publishes, at the version their page showed.
    /// </summary>
    private async Task<(Submission? Submission, WorkflowResult? Refusal)> DecidingAsync(GovPortalDbContext db,
        Staff actor, int id, int version, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var own = await db.CurrentSiteIdAsync(cancellationToken);
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == id && s.ToSiteId == own,
            cancellationToken);
        if (submission is null) return (null, new WorkflowResult(false, "找不到这条报送。"));
        if (!actor.Can(StaffRoles.Reviewer, submission.ToChannelId)
            && !actor.Can(StaffRoles.Publisher, submission.ToChannelId))
            return (null, WorkflowResult.NotAllowed("只有报送栏目的审核人或发布人可以采用或退回报送。"));
        if (submission.State != SubmissionState.Pending)
            return (null, WorkflowResult.Stale($"这条报送{SubmissionStates.Label(submission.State)}。"));
        if (submission.DecidedBy.Length > 0 && submission.DecidedAtUtc > now - ClaimHeld)
            return (null, WorkflowResult.Stale($"{submission.DecidedBy} 正在采用这条报送，请稍后刷新页面查看结果。"));
        if (submission.Version != version) return (null, WorkflowResult.Stale(StaleMessage));
        return (submission, null);
    }

    public static bool Editorial(Staff actor, int channelId) =>
        actor.Can(StaffRoles.Editor, channelId) || actor.Can(StaffRoles.Reviewer, channelId)
        || actor.Can(StaffRoles.Publisher, channelId);

    /// <summary>Rows of every site: for the other side of a submission, always named by its id and site.</summary>
    private static IQueryable<T> EverySite<T>(IQueryable<T> rows) where T : class =>
        rows.IgnoreQueryFilters([GovPortalDbContext.SiteFilter]);
}
