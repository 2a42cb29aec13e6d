using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Content.Submissions;
using GovPortal.Safety.Scanning;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

/// <summary>Where an accepted submission comes from: the sending site's name, its live article and its page.
/// </summary>
/// <param name="AuditTarget">What a refusal by the content checks is audited against (the submission).</param>
public sealed record CopiedFrom(string SiteName, string SiteBaseUrl, Article Article, string AuditTarget);

// Copying: another site's article taken into one of this site's channels (信息报送 accepted).
public sealed partial class ArticleWorkflow
{
    /// <summary>
    /// Makes a copy of <paramref name="from"/> a news article of <paramref name="channelId"/>: its text, 题图 and
    /// files, with 来源 the sending site and 原文链接 its page. The acceptance is the first review: in a channel of one
    /// review level the copy is published at once, in one of more it goes on to the next level like any submitted
    /// article. It passes the content checks first (warnings need <paramref name="acknowledgedWarnings"/>), and
    /// nothing is left behind when it is refused or cannot be published.
    /// </summary>
    public async Task<WorkflowResult> PublishCopyAsync(Staff actor, int channelId, CopiedFrom from,
        bool acknowledgedWarnings, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(StaffRoles.Reviewer, channelId) && !actor.Can(StaffRoles.Publisher, channelId))
            return WorkflowResult.NotAllowed("只有本栏目的审核人或发布人可以采用报送的文章。");
        await using var db = database.CreateContext();
        if (await ChannelProblemAsync(db, channelId, null, cancellationToken) is { } channelProblem)
            return WorkflowResult.Refused(channelProblem);
        var channel = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == channelId, cancellationToken);
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == channel.SiteId, cancellationToken);
        var now = Now;
        var original = from.Article;
        var pageUrl = ExternalLinks.Absolute(from.SiteBaseUrl.TrimEnd('/'), original.Url ?? "");
        var levels = Math.Clamp(channel.ReviewLevels, 1, 3);
        var revision = new Revision
        {
            SiteId = site.Id, Number = 1, State = levels == 1 ? RevisionState.Approved : RevisionState.Submitted,
            Title = original.Title, CreatedBy = actor.UserName, CreatedAtUtc = now, SubmittedBy = actor.UserName,
            ApprovedBy = actor.UserName, RequiredLevels = levels, PassedLevels = 1,
        };
        foreach (var field in NewsKind.Kind.Fields) field.Set(revision, field.Get(original));
        revision.ChannelId = channelId;
        revision.Kind = NewsKind.Key;
        revision.LinkUrl = "";
        revision.Source = from.SiteName;
        revision.Extras[NewsKind.SourceUrlName] = pageUrl;
        revision.BodyHtml = SubmittedCopy.WithLinksTo(original.BodyHtml, pageUrl);
        revision.UpdatedBy = actor.UserName;
        revision.UpdatedAtUtc = now;
        // The same stored files: uploads are kept once for the platform and removed only when no row names them.
        revision.Files = original.RelatedFiles.OrderBy(f => f.SortOrder).Select(RevisionFile.From).ToList();

        // Checked before anything is written, so that no transaction is open while a refusal is audited.
        var findings = checks.CheckRevision(AsArticle(revision), site);
        static string List(IEnumerable<Finding> items) =>
            string.Join("；", items.Select(f => $"{f.Category}：{f.Message}「{f.Excerpt}」").Distinct());
        var blocking = findings.Where(f => f.Severity == Severity.Block).ToList();
        if (blocking.Count > 0)
        {
            await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.ContentBlocked, from.AuditTarget,
                $"采用{from.SiteName}报送的《{original.Title}》被内容检查拦截：{List(blocking)}", cancellationToken);
            return WorkflowResult.Refused($"内容检查发现 {blocking.Count} 处必须修改的问题，不能采用：{List(blocking)}。" +
                "请退回并说明原因，由报送单位修改后再报。");
        }
        var warnings = findings.Where(f => f.Severity == Severity.Warn).ToList();
        if (warnings.Count > 0 && !acknowledgedWarnings)
            return WorkflowResult.Refused($"内容检查有 {warnings.Count} 条警告（{List(warnings)}）。请核实后勾选" +
                "“已核实内容检查的警告”再采用，或退回并说明原因。");

        var article = new Article
        {
            Title = original.Title, Kind = NewsKind.Key, SiteId = site.Id, ChannelId = channelId,
            Status = ArticleStatus.Draft, PublishedAtUtc = now, UpdatedAtUtc = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Articles.Add(article);
            await db.SaveChangesAsync(cancellationToken);
            revision.ArticleId = article.Id;
            db.Revisions.Add(revision);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await AuditAsync(actor, AuditActions.ArticleCreated, article.Id,
            $"采用{from.SiteName}报送的《{original.Title}》（原文 {pageUrl}），新建{Quote(revision)}");
        if (warnings.Count > 0)
            await AuditAsync(actor, AuditActions.ContentWarningsOverridden, article.Id,
                $"采用{Quote(revision)}时确认 {warnings.Count} 条警告：{List(warnings)}");
        if (levels > 1)
            return WorkflowResult.Done(article.Id,
                $"已采用，文章已进入本栏目的{LevelName(2)}（共 {levels} 级），审核通过后发布。");

        WorkflowResult published;
        try
        {
            // Not cancelled half-way by a closed page: the copy is published, or it goes again below.
            published = await GoLiveAsync(actor, revision.Id, revision.Version, forcedReason: "",
                AuditActions.ArticlePublished, CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or IOException or InvalidOperationException)
        {
            logger.LogError(e, "Publishing the accepted copy {ArticleId} failed", article.Id);
            published = WorkflowResult.Refused("未能发布，请稍后再试。");
        }
        if (published.Succeeded) return WorkflowResult.Done(article.Id, published.Message);
        // Not on the site: the copy goes again, so that accepting once more does not leave two.
        await db.Articles.Where(a => a.Id == article.Id).ExecuteDeleteAsync(CancellationToken.None);
        return published;
    }
}
