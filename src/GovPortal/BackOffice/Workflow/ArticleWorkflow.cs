using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Content.Uploads;
using GovPortal.Data;
using GovPortal.Publishing;
using GovPortal.Safety;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

/// <summary>
/// The editorial workflow (撰稿 → 审核 → 发布) of articles. Every action checks the person's role for the article's
/// channel, the revision's state and its version, and is written to the audit log. Only the transitions listed in
/// <see cref="RevisionState"/>'s comments are possible.
/// </summary>
public sealed partial class ArticleWorkflow(
    DatabaseOptions database,
    ISitePublishers publishers,
    UploadStore uploads,
    RichTextSanitizer sanitizer,
    ArticleChecks checks,
    ContentKinds kinds,
    IEnumerable<IContentPreparation> preparations,
    AuditLog audit,
    TimeProvider time,
    ILogger<ArticleWorkflow> logger)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The values to store for a form, after the checks of its kind that need the site's data.</summary>
    private async Task<(ArticleForm Form, string? Problem)> PrepareAsync(GovPortalDbContext db, int siteId,
        int articleId, IArticleContent? current, ArticleForm form, CancellationToken cancellationToken)
    {
        foreach (var preparation in preparations.Where(p => p.KindKey == form.Kind.Key))
        {
            var (values, problem) = await preparation.PrepareAsync(db, siteId, articleId, current, form,
                cancellationToken);
            if (problem is not null) return (form, problem);
            form = form with { Values = values };
        }
        return (form, null);
    }

    /// <summary>
    /// An article with its revisions, oldest first. Articles made before the back office get a first revision from
    /// their live state.
    /// </summary>
    public async Task<(Article Article, List<Revision> Revisions)?> LoadAsync(GovPortalDbContext db, int articleId,
        CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.Include(a => a.RelatedFiles)
            .FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null) return null;
        var revisions = await db.Revisions.Include(r => r.Files).Where(r => r.ArticleId == articleId)
            .OrderBy(r => r.Number).ToListAsync(cancellationToken);
        if (revisions.Count == 0)
        {
            var baseline = new Revision
            {
                ArticleId = article.Id, SiteId = article.SiteId, Number = 1, CreatedBy = "",
                CreatedAtUtc = article.UpdatedAtUtc,
                UpdatedAtUtc = article.UpdatedAtUtc,
                State = article.Status switch { ArticleStatus.Published => RevisionState.Published,
                    ArticleStatus.Withdrawn => RevisionState.Withdrawn, _ => RevisionState.Draft },
                PublishedAtUtc = article.Status == ArticleStatus.Draft ? null : article.PublishedAtUtc,
                Files = article.RelatedFiles.Select(RevisionFile.From).ToList(),
                Title = article.Title,
            };
            kinds.Of(article).Copy(article, baseline);
            db.Revisions.Add(baseline);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                revisions.Add(baseline);
            }
            catch (DbUpdateException)
            {
                // Someone else opened the article at the same moment and made its first revision: use theirs.
                foreach (var file in baseline.Files) db.Entry(file).State = EntityState.Detached;
                db.Entry(baseline).State = EntityState.Detached;
                revisions = await db.Revisions.Include(r => r.Files).Where(r => r.ArticleId == articleId)
                    .OrderBy(r => r.Number).ToListAsync(cancellationToken);
                if (revisions.Count == 0) throw;
            }
        }
        return (article, revisions);
    }

    public static Revision? Working(IEnumerable<Revision> revisions) =>
        revisions.LastOrDefault(r => RevisionStates.IsWorking(r.State));

    /// <summary>
    /// The revision an edit starts from: the one in the workflow, else the newest (live or withdrawn).
    /// </summary>
    public static Revision Current(IReadOnlyList<Revision> revisions) => Working(revisions) ?? revisions[^1];

    private Task AuditAsync(Staff actor, string action, int articleId, string details) =>
        audit.WriteAsync(actor.UserName, actor.IpAddress, action, $"文章 {articleId}", details);

    private static string Quote(Revision revision) => $"《{revision.Title}》第 {revision.Number} 版";

    /// <summary>Saves with the revision's version as the guard; false when someone else saved first.</summary>
    private static async Task<bool> TrySaveAsync(GovPortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>The revision as an article, for the content checks and the preview.</summary>
    public Article AsArticle(Revision revision, Article? live = null)
    {
        var article = new Article
        {
            Id = revision.ArticleId, SiteId = live?.SiteId ?? 0, Title = revision.Title, Url = live?.Url,
            PublishedAtUtc = live is { Status: not ArticleStatus.Draft } ? live.PublishedAtUtc : Now,
        };
        kinds.Of(revision).Copy(revision, article);
        return article;
    }

    /// <summary>
    /// The article's revision in the workflow, if it is in one of <paramref name="states"/>, the person holds
    /// <paramref name="role"/> in its channel, and it is still at the version the person's page showed.
    /// </summary>
    private async Task<(Revision? Revision, WorkflowResult? Refusal)> WorkingAsync(GovPortalDbContext db, Staff actor,
        int articleId, int version,
        string role, string wrongState, RevisionState[] states, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, articleId, cancellationToken) is not var (_, revisions))
            return (null, WorkflowResult.Refused("找不到这篇文章。"));
        if (Working(revisions) is not { } revision || !states.Contains(revision.State))
            return (null, WorkflowResult.Refused(wrongState));
        if (!actor.Can(role, revision.ChannelId)) return (null, WorkflowResult.NotAllowed(NotAllowedMessage(role)));
        if (revision.Version != version) return (null, WorkflowResult.Stale(StaleMessage));
        return (revision, null);
    }

    private static string NotAllowedMessage(string role) => role switch
    {
        StaffRoles.Editor => "您没有在这个栏目撰写和提交文章的权限。",
        StaffRoles.Reviewer => "您没有审核这个栏目文章的权限。",
        _ => "您没有发布这个栏目文章的权限。",
    };

    /// <summary>The content checks of a revision, as the article page shows them.</summary>
    public async Task<IReadOnlyList<Safety.Scanning.Finding>> CheckAsync(GovPortalDbContext db, Revision revision,
        CancellationToken cancellationToken = default)
    {
        // The article's own site: its host names are the ones links may point to.
        var site = await db.Articles.Where(a => a.Id == revision.ArticleId)
            .Join(db.Sites.AsNoTracking(), a => a.SiteId, s => s.Id, (_, s) => s)
            .FirstAsync(cancellationToken);
        return checks.CheckRevision(AsArticle(revision), site);
    }

    /// <summary>
    /// The content checks before a revision moves on (submit, publish, schedule, force-publish): anything blocking
    /// stops it; warnings need the person's confirmation that they checked them, which is audited.
    /// </summary>
    /// <returns>Null when it may move on; otherwise why not.</returns>
    private async Task<WorkflowResult?> ContentGateAsync(GovPortalDbContext db, Staff actor, Revision revision,
        bool acknowledged, string step, CancellationToken cancellationToken)
    {
        var findings = await CheckAsync(db, revision, cancellationToken);
        static string List(IEnumerable<Safety.Scanning.Finding> items) =>
            string.Join("；", items.Select(f => $"{f.Category}：{f.Message}「{f.Excerpt}」").Distinct());
        var blocking = findings.Where(f => f.Severity == Safety.Scanning.Severity.Block).ToList();
        if (blocking.Count > 0)
        {
            await AuditAsync(actor, AuditActions.ContentBlocked, revision.ArticleId,
                $"{Quote(revision)}不能{step}：{List(blocking)}");
            return WorkflowResult.Refused($"内容检查发现 {blocking.Count} 处必须修改的问题，不能{step}：{List(blocking)}。请修改后再试。");
        }
        var warnings = findings.Where(f => f.Severity == Safety.Scanning.Severity.Warn).ToList();
        if (warnings.Count == 0) return null;
        if (!acknowledged)
            return WorkflowResult.Refused($"内容检查有 {warnings.Count} 条警告（{List(warnings)}）。请在文章页核实后勾选“已核实”，再{step}。");
        await AuditAsync(actor, AuditActions.ContentWarningsOverridden, revision.ArticleId,
            $"{step}{Quote(revision)}时确认 {warnings.Count} 条警告：{List(warnings)}");
        return null;
    }

    private const string StaleMessage = "这篇文章刚被其他人处理过，您看到的不是最新状态。请刷新页面后再操作。";
}
