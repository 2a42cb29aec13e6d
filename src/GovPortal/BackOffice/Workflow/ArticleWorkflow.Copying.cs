using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Content.Submissions;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

/// <summary>Where an accepted submission comes from: the sending site's name and address, its live article.</summary>
public sealed record CopiedFrom(string SiteName, string SiteBaseUrl, Article Article);

// Copying: another site's article published in one of this site's channels (信息报送 accepted).
public sealed partial class ArticleWorkflow
{
    /// <summary>
    /// Publishes a copy of <paramref name="from"/> as a news article of <paramref name="channelId"/>: its text, 题图
    /// and files, with 来源 the sending site and 原文链接 its page. The acceptance is the review: the copy passes the
    /// content checks like any publication (warnings need <paramref name="acknowledgedWarnings"/>), and nothing is
    /// left behind when it is refused or cannot be published.
    /// </summary>
    public async Task<WorkflowResult> PublishCopyAsync(Staff actor, int channelId, CopiedFrom from,
        bool acknowledgedWarnings, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(StaffRoles.Reviewer, channelId) && !actor.Can(StaffRoles.Publisher, channelId))
            return WorkflowResult.NotAllowed("只有本栏目的审核人或发布人可以采用报送的文章。");
        await using var db = database.CreateContext();
        if (await ChannelProblemAsync(db, channelId, null, cancellationToken) is { } channelProblem)
            return WorkflowResult.Refused(channelProblem);
        var siteId = await db.Channels.Where(c => c.Id == channelId).Select(c => c.SiteId)
            .FirstAsync(cancellationToken);
        var now = Now;
        var original = from.Article;
        var pageUrl = ExternalLinks.Absolute(from.SiteBaseUrl.TrimEnd('/'), original.Url ?? "");

        var article = new Article
        {
            Title = original.Title, Kind = NewsKind.Key, SiteId = siteId, ChannelId = channelId,
            Status = ArticleStatus.Draft, PublishedAtUtc = now, UpdatedAtUtc = now,
        };
        var revision = new Revision
        {
            SiteId = siteId, Number = 1, State = RevisionState.Approved, Title = original.Title,
            CreatedBy = actor.UserName, CreatedAtUtc = now, SubmittedBy = actor.UserName, ApprovedBy = actor.UserName,
            RequiredLevels = 1, PassedLevels = 1,
        };
        foreach (var field in NewsKind.Kind.Fields) field.Set(revision, field.Get(original));
        revision.ChannelId = channelId;
        revision.Kind = NewsKind.Key;
        revision.LinkUrl = "";
        revision.Source = from.SiteName;
        revision.Extras[NewsKind.SourceUrlName] = pageUrl;
        revision.BodyHtml = SubmittedCopy.WithLinksTo(original.BodyHtml, from.SiteBaseUrl);
        revision.UpdatedBy = actor.UserName;
        revision.UpdatedAtUtc = now;
        // The same stored files: uploads are kept once for the platform and removed only when no row names them.
        revision.Files = original.RelatedFiles.OrderBy(f => f.SortOrder).Select(RevisionFile.From).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Articles.Add(article);
            await db.SaveChangesAsync(cancellationToken);
            revision.ArticleId = article.Id;
            db.Revisions.Add(revision);
            await db.SaveChangesAsync(cancellationToken);
            if (await ContentGateAsync(db, actor, revision, acknowledgedWarnings, "采用", cancellationToken) is { } no)
            {
                await transaction.RollbackAsync(cancellationToken);
                return no;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        await AuditAsync(actor, AuditActions.ArticleCreated, article.Id,
            $"采用{from.SiteName}报送的《{original.Title}》（原文 {pageUrl}），新建{Quote(revision)}");
        var published = await GoLiveAsync(actor, revision.Id, revision.Version, forcedReason: "",
            AuditActions.ArticlePublished, cancellationToken);
        if (published.Succeeded) return WorkflowResult.Done(article.Id, published.Message);
        // Not on the site: the copy goes again, so that accepting once more does not leave two.
        await db.Articles.Where(a => a.Id == article.Id).ExecuteDeleteAsync(cancellationToken);
        return published;
    }
}
