using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Files;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Content.Uploads;
using GovPortal.Data;
using GovPortal.Safety;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

// Writing: create, save (a new draft when the article is live), submit, recall, restore.
public sealed partial class ArticleWorkflow
{
    public async Task<WorkflowResult> CreateAsync(Staff actor, ArticleForm form,
        CancellationToken cancellationToken = default)
    {
        if (form.Problem() is { } problem) return WorkflowResult.Refused(problem);
        if (!actor.Can(StaffRoles.Editor, form.ChannelId)) return WorkflowResult.NotAllowed("您没有在这个栏目撰写文章的权限。");
        var (values, refusal) = Cleaned(form);
        if (refusal is not null) return WorkflowResult.Refused(refusal);
        var files = CheckFiles(form);
        if (files.Error is not null) return WorkflowResult.Refused(files.Error);
        if (LeadImageProblem(form, []) is { } leadImage) return WorkflowResult.Refused(leadImage);

        await using var db = database.CreateContext();
        if (await ChannelProblemAsync(db, form.ChannelId, null, cancellationToken) is { } channelProblem)
            return WorkflowResult.Refused(channelProblem);
        var now = Now;
        var siteId = await db.Channels.Where(c => c.Id == form.ChannelId).Select(c => c.SiteId)
            .FirstAsync(cancellationToken);
        // One transaction: a refusal by the kind's checks (or a 索引号 already used) leaves no article behind.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var article = new Article
        {
            Title = form.Title.Trim(), Kind = form.Kind.Key, SiteId = siteId, ChannelId = form.ChannelId,
            Status = ArticleStatus.Draft, PublishedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        var (prepared, unprepared) = await PrepareAsync(db, siteId, article.Id, null, form, cancellationToken);
        if (unprepared is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return WorkflowResult.Refused(unprepared);
        }
        form = Prepared(prepared, values!);
        var revision = new Revision { ArticleId = article.Id, SiteId = article.SiteId, Number = 1,
            State = RevisionState.Draft, Title = "",
            CreatedBy = actor.UserName, CreatedAtUtc = now };
        Fill(revision, form, values!, actor, now);
        revision.Files = StoreFiles(files.Accepted, 0);
        db.Revisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await AuditAsync(actor, AuditActions.ArticleCreated, article.Id,
            $"新建{Quote(revision)}，相关文件 {revision.Files.Count} 个");
        return WorkflowResult.Done(article.Id, "已保存草稿。");
    }

    /// <summary>
    /// Saves the form. A draft or rejected revision is changed in place (a rejected one becomes a draft again); a
    /// live, withdrawn or history-only article gets a new draft, so its public page stays as it is.
    /// </summary>
    public async Task<WorkflowResult> SaveAsync(Staff actor, int articleId, ArticleForm form,
        CancellationToken cancellationToken = default)
    {
        if (form.Problem() is { } problem) return WorkflowResult.Refused(problem);
        await using var db = database.CreateContext();
        if (await LoadAsync(db, articleId, cancellationToken) is not var (article, revisions))
            return WorkflowResult.Refused("找不到这篇文章。");
        var current = Current(revisions);
        if (!actor.Can(StaffRoles.Editor, current.ChannelId) || !actor.Can(StaffRoles.Editor, form.ChannelId))
            return WorkflowResult.NotAllowed("您没有在这个栏目修改文章的权限。");
        if (current.Id != form.BaseRevisionId || current.Version != form.BaseVersion) return WorkflowResult.Stale(
            "保存未成功：这篇文章在您编辑期间已被其他人修改或处理。您的内容仍在下面的表单中，请复制保存后刷新页面，核对最新版本再修改。");
        if (current.State is RevisionState.Submitted or RevisionState.Approved or RevisionState.Scheduled)
            return WorkflowResult.Refused($"{Quote(current)}正在审核或等待发布，不能修改。如需修改，请先撤回审核或请审核人员退回。");
        if (await ChannelProblemAsync(db, form.ChannelId, article.SiteId, cancellationToken) is { } channelProblem)
            return WorkflowResult.Refused(channelProblem);
        if (form.Kind.Key != current.Kind) return WorkflowResult.Refused("内容类型与文章不符，请刷新页面后重新填写。");
        var (values, refusal) = Cleaned(form);
        if (refusal is not null) return WorkflowResult.Refused(refusal);
        var files = CheckFiles(form);
        if (files.Error is not null) return WorkflowResult.Refused(files.Error);
        if (LeadImageProblem(form, current.Files.Where(f => !form.RemoveFileIds.Contains(f.Id))) is { } leadImage)
            return WorkflowResult.Refused(leadImage);
        if (RemovedPictureInBody(form, values!, current.Files.Where(f => form.RemoveFileIds.Contains(f.Id)))
            is { } inBody)
            return WorkflowResult.Refused(inBody);
        // One transaction, as in CreateAsync: a 索引号 issued for a save that then fails is not used up.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (prepared, unprepared) = await PrepareAsync(db, article.SiteId, articleId, current, form,
            cancellationToken);
        if (unprepared is not null) return WorkflowResult.Refused(unprepared);
        form = Prepared(prepared, values!);

        var now = Now;
        Revision target;
        if (current.State is RevisionState.Draft or RevisionState.Rejected)
        {
            target = current;
        }
        else
        {
            target = new Revision { ArticleId = articleId, SiteId = article.SiteId,
                Number = revisions[^1].Number + 1, Title = "",
                CreatedBy = actor.UserName, CreatedAtUtc = now };
            target.Files = current.Files.Select(f => f.Copy()).ToList();
            db.Revisions.Add(target);
        }
        // The reviewer's comment stays with a rejected revision until it is submitted again.
        target.State = RevisionState.Draft;
        Fill(target, form, values!, actor, now);
        // Removal refers to the files of the revision the form was loaded from; a new draft holds copies of them.
        var removedNames = current.Files.Where(f => form.RemoveFileIds.Contains(f.Id)).Select(f => f.StoredName)
            .ToHashSet();
        target.Files.RemoveAll(f => removedNames.Contains(f.StoredName));
        var order = target.Files.Count == 0 ? 0 : target.Files.Max(f => f.SortOrder) + 1;
        target.Files.AddRange(StoreFiles(files.Accepted, order));
        target.Version++;
        if (!await TrySaveAsync(db, cancellationToken)) return WorkflowResult.Stale(StaleMessage);
        await transaction.CommitAsync(cancellationToken);
        await AuditAsync(actor, AuditActions.ArticleSaved, articleId, $"保存{Quote(target)}" +
            (files.Accepted.Count > 0 ? $"，新上传文件 {files.Accepted.Count} 个" : ""));
        return WorkflowResult.Done(articleId, target == current ? "已保存。"
            : $"已保存为新草稿（第 {target.Number} 版）；网站上的页面在新版本发布前保持不变。");
    }

    public async Task<WorkflowResult> SubmitAsync(Staff actor, int articleId, int version,
        bool acknowledgedWarnings = false, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var (revision, refusal) = await WorkingAsync(db, actor, articleId, version, StaffRoles.Editor,
            "只有草稿或被退回的文章可以提交审核。",
            [RevisionState.Draft, RevisionState.Rejected], cancellationToken);
        if (revision is null) return refusal!;
        if (await ContentGateAsync(db, actor, revision, acknowledgedWarnings, "提交审核", cancellationToken) is { } refused)
            return refused;
        var channel = await db.Channels.FirstAsync(c => c.Id == revision.ChannelId, cancellationToken);
        revision.State = RevisionState.Submitted;
        revision.SubmittedBy = actor.UserName;
        revision.RequiredLevels = Math.Clamp(channel.ReviewLevels, 1, 3);
        revision.PassedLevels = 0;
        revision.ApprovedBy = "";
        revision.ApprovalComments = "";
        revision.RejectionComment = "";
        revision.RejectedBy = "";
        revision.Version++;
        if (!await TrySaveAsync(db, cancellationToken)) return WorkflowResult.Stale(StaleMessage);
        await AuditAsync(actor, AuditActions.ArticleSubmitted, articleId,
            $"提交{Quote(revision)}，需 {revision.RequiredLevels} 级审核");
        return WorkflowResult.Done(articleId, "已提交审核。");
    }

    /// <summary>撤回: the editor takes a submitted revision back to change it.</summary>
    public async Task<WorkflowResult> RecallAsync(Staff actor, int articleId, int version,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var (revision, refusal) = await WorkingAsync(db, actor, articleId, version, StaffRoles.Editor, "只有待审核的文章可以撤回。",
            [RevisionState.Submitted], cancellationToken);
        if (revision is null) return refusal!;
        revision.State = RevisionState.Draft;
        revision.PassedLevels = 0;
        revision.ApprovedBy = "";
        revision.ApprovalComments = "";
        revision.Version++;
        if (!await TrySaveAsync(db, cancellationToken)) return WorkflowResult.Stale(StaleMessage);
        await AuditAsync(actor, AuditActions.ArticleRecalled, articleId, $"撤回{Quote(revision)}的审核");
        return WorkflowResult.Done(articleId, "已撤回，可以继续修改。");
    }

    /// <summary>
    /// Copies an old revision into a new draft; refused while another revision is in the workflow, so nothing is
    /// overwritten.
    /// </summary>
    public async Task<WorkflowResult> RestoreAsync(Staff actor, int articleId, int revisionId,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        if (await LoadAsync(db, articleId, cancellationToken) is not var (_, revisions))
            return WorkflowResult.Refused("找不到这篇文章。");
        var old = revisions.FirstOrDefault(r => r.Id == revisionId);
        if (old is null) return WorkflowResult.Refused("找不到这个历史版本。");
        if (!actor.Can(StaffRoles.Editor, old.ChannelId) || !actor.Can(StaffRoles.Editor, Current(revisions).ChannelId))
            return WorkflowResult.NotAllowed("您没有在这个栏目修改文章的权限。");
        if (Working(revisions) is { } working)
            return WorkflowResult.Refused($"第 {working.Number} 版（{RevisionStates.Label(working.State)}）尚未处理完。请先发布、" +
                $"退回或删除其中的修改，再恢复历史版本，以免覆盖未发布的内容。");
        var now = Now;
        var restored = new Revision { ArticleId = articleId, SiteId = revisions[^1].SiteId,
            Number = revisions[^1].Number + 1,
            State = RevisionState.Draft, Title = "", CreatedBy = actor.UserName, CreatedAtUtc = now,
            UpdatedBy = actor.UserName, UpdatedAtUtc = now };
        kinds.Of(old).Copy(old, restored);
        restored.Files = old.Files.Select(f => f.Copy()).ToList();
        db.Revisions.Add(restored);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, AuditActions.ArticleRestored, articleId,
            $"以第 {old.Number} 版为底稿新建草稿（第 {restored.Number} 版）");
        return WorkflowResult.Done(articleId, $"已将第 {old.Number} 版恢复为新草稿（第 {restored.Number} 版），审核发布后生效。");
    }

    /// <summary>
    /// The values as stored: rich text through the sanitizer, the rest trimmed; or, before anything is written, why
    /// the sanitizer refused a field (nested too deep, too slow to clean).
    /// </summary>
    /// <summary>
    /// The form as the kind's preparation completed it; its plain values (a generated 索引号) replace the cleaned
    /// ones. Rich text is never changed by a preparation and stays as the sanitizer cleaned it.
    /// </summary>
    private static ArticleForm Prepared(ArticleForm prepared, Dictionary<string, string> values)
    {
        foreach (var field in prepared.Kind.Fields.Where(f => f.Input != FieldInput.RichText))
            values[field.Name] = prepared.Value(field.Name).Trim();
        return prepared;
    }

    private (Dictionary<string, string>? Values, string? Refusal) Cleaned(ArticleForm form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Kind.Fields)
        {
            var value = form.Value(field.Name);
            try
            {
                values[field.Name] = field.Input == FieldInput.RichText ? sanitizer.Sanitize(value) : value.Trim();
            }
            catch (RichTextRefusedException e)
            {
                return (null, $"{field.Label}的{e.Message}本次保存未执行，您填写的内容仍在下面的表单中。");
            }
        }
        return (values, null);
    }

    private static void Fill(Revision revision, ArticleForm form, Dictionary<string, string> values, Staff actor,
        DateTime now)
    {
        revision.ChannelId = form.ChannelId;
        revision.Kind = form.Kind.Key;
        foreach (var field in form.Kind.Fields) field.Set(revision, values[field.Name]);
        revision.UpdatedBy = actor.UserName;
        revision.UpdatedAtUtc = now;
    }

    /// <summary>
    /// A 题图 must be one of the pictures the revision keeps: one being removed in the same save, or a name the form
    /// never offered, is refused with what to do.
    /// </summary>
    private static string? LeadImageProblem(ArticleForm form, IEnumerable<RevisionFile> kept)
    {
        var field = form.Kind.Fields.FirstOrDefault(f => f.Choices?.Key == ChoiceSource.ArticlePictures);
        var chosen = field is null ? "" : form.Value(field.Name).Trim();
        if (chosen.Length == 0) return null;
        if (kept.Any(f => f.Width > 0 && ArticlePictures.NameOf(f.StoredName, f.Extension) == chosen)) return null;
        return $"所选{field!.Label}不是本文保留的图片（可能正在删除，或尚未上传）。请先上传图片并保存，再从列表中选择{field.Label}；"
            + "本次保存未执行，您填写的内容仍在下面的表单中。";
    }

    /// <summary>
    /// A picture the body still shows cannot be removed: the published page would point at a file nobody publishes.
    /// </summary>
    private static string? RemovedPictureInBody(ArticleForm form, Dictionary<string, string> values,
        IEnumerable<RevisionFile> removed)
    {
        var shown = form.Kind.Fields.Where(f => f.Input == FieldInput.RichText)
            .SelectMany(f => Publishing.Rendering.BodyPictures.NamesIn(values[f.Name])).ToHashSet();
        var inBody = removed.FirstOrDefault(f => shown.Contains(ArticlePictures.NameOf(f.StoredName, f.Extension)));
        return inBody is null ? null
            : $"文件“{inBody.DisplayName}”仍在正文中显示（图片、视频或视频封面），不能删除。请先从正文中删去它，再删除文件；"
                + "本次保存未执行，您填写的内容仍在下面的表单中。";
    }

    /// <summary>Why an article cannot be in the channel: it does not exist (in the site), or it is an 外链.</summary>
    private static async Task<string?> ChannelProblemAsync(GovPortalDbContext db, int channelId, int? siteId,
        CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == channelId && (siteId == null || c.SiteId == siteId), cancellationToken);
        return channel is null ? "所选栏目不存在，请重新选择栏目。"
            : !channel.HoldsArticles() ? $"栏目“{channel.Name}”是外链栏目，只链接到其他网址，不能存放文章。请选择其他栏目。"
            : null;
    }

    private static (List<AcceptedUpload> Accepted, string? Error) CheckFiles(ArticleForm form)
    {
        var accepted = new List<AcceptedUpload>();
        if (form.NewFiles.Count > 20) return ([], "一次最多上传 20 个文件。");
        foreach (var (name, content) in form.NewFiles)
        {
            var (kept, error) = UploadRules.Accept(name, content);
            if (kept is null) return ([], error + "本次保存未执行，其他内容也未保存，请处理后重新选择文件再保存。");
            accepted.Add(kept);
        }
        return (accepted, null);
    }

    // Called only after every file passed the checks, so a refused save stores nothing. A picture's smaller copies
    // (for srcset) are stored beside it, before the row that names it.
    private List<RevisionFile> StoreFiles(IEnumerable<AcceptedUpload> files, int firstOrder) =>
        files.Select((f, i) =>
        {
            var storedName = uploads.Save(f.Content);
            if (f.Width > 0)
                foreach (var (width, bytes) in ImageReencoder.SmallerCopies(f.Content, f.Extension))
                    uploads.SaveSmaller(storedName, width, bytes);
            return new RevisionFile
            {
                DisplayName = f.DisplayName, Extension = f.Extension, StoredName = storedName,
                SizeBytes = f.Content.Length, ContentType = f.ContentType, SortOrder = firstOrder + i,
                Width = f.Width, Height = f.Height,
            };
        }).ToList();
}
