using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Content.Consultations;
using GovPortal.Data;
using GovPortal.Interaction.Consultations;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Safety;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Consultations;

/// <summary>One consultation in the back office's list.</summary>
public sealed record ConsultationRow(int Id, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc,
    ConsultationState State, int Comments, int Held);

/// <summary>One comment as the 信箱管理员 reads it, opened from the seal.</summary>
public sealed record CommentRow(string Number, DateTime ReceivedAtUtc, bool Held, string ScreeningReason,
    CommentContent Content);

/// <summary>A live article of the site that a consultation can link to.</summary>
public sealed record ArticleChoice(int Id, string Title, string Url);

/// <summary>The outcome of a save: the result, the consultation's id, and what to fix by field when refused.</summary>
public sealed record ConsultationSave(BackOfficeResult Result, int Id, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// 意见征集 in the back office, for the 信箱管理员 only (checked here again, whatever the endpoint let through):
/// creating and editing a consultation (the draft through the sanitizer, the linked article only one of the site's
/// live articles, version-checked), reading its comments (opened from the seal, each reading audited), and publishing
/// the 反馈 after the end. Every change is audited and goes out through the publishers.Current().
/// </summary>
public sealed class ConsultationAdministration(DatabaseOptions database, ISitePublishers publishers,
    RichTextSanitizer sanitizer, CommentSeal seal, AuditLog audit, TimeProvider time)
{
    public const int FeedbackMax = 100_000;

    public static bool MayHandle(Staff staff) => staff.Is(StaffRoles.Mailbox);

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<ConsultationRow>?> ListAsync(Staff staff, CancellationToken cancellationToken)
    {
        if (!MayHandle(staff)) return null;
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.SiteId == siteId)
            .OrderByDescending(c => c.StartsAtUtc).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        var ids = consultations.Select(c => c.Id).ToList();
        var counts = await db.ConsultationComments.AsNoTracking().Where(c => ids.Contains(c.ConsultationId))
            .GroupBy(c => c.ConsultationId)
            .Select(g => new { Id = g.Key, All = g.Count(), Held = g.Count(c => c.Held) })
            .ToDictionaryAsync(g => g.Id, cancellationToken);
        var now = Now;
        return
        [
            .. consultations.Select(c => new ConsultationRow(c.Id, c.Title, c.StartsAtUtc, c.EndsAtUtc,
                ConsultationPeriod.StateAt(c.StartsAtUtc, c.EndsAtUtc, c.FeedbackPublishedAtUtc, now),
                counts.TryGetValue(c.Id, out var n) ? n.All : 0, counts.TryGetValue(c.Id, out var h) ? h.Held : 0)),
        ];
    }

    public async Task<Consultation?> OpenAsync(Staff staff, int id, CancellationToken cancellationToken)
    {
        if (!MayHandle(staff)) return null;
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        return await db.Consultations.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == id && c.SiteId == siteId, cancellationToken);
    }

    /// <summary>Live articles of the site whose title holds <paramref name="words"/> (or whose id it is).</summary>
    public async Task<IReadOnlyList<ArticleChoice>> FindArticlesAsync(Staff staff, string words,
        CancellationToken cancellationToken)
    {
        words = words.Trim();
        if (!MayHandle(staff) || words.Length is 0 or > 100) return [];
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var live = db.Articles.AsNoTracking()
            .Where(a => a.SiteId == siteId && a.Status == ArticleStatus.Published && a.Url != null);
        var byId = int.TryParse(words, out var id) ? id : 0;
        return await live.Where(a => a.Id == byId || a.Title.Contains(words))
            .OrderByDescending(a => a.PublishedAtUtc).Take(20)
            .Select(a => new ArticleChoice(a.Id, a.Title, a.Url!)).ToListAsync(cancellationToken);
    }

    public Task<ConsultationSave> CreateAsync(Staff staff, ConsultationForm form,
        CancellationToken cancellationToken) => WriteAsync(staff, null, 0, form, cancellationToken);

    public Task<ConsultationSave> SaveAsync(Staff staff, int id, int version, ConsultationForm form,
        CancellationToken cancellationToken) => WriteAsync(staff, id, version, form, cancellationToken);

    private async Task<ConsultationSave> WriteAsync(Staff staff, int? id, int version, ConsultationForm form,
        CancellationToken cancellationToken)
    {
        if (!MayHandle(staff))
            return Refused(BackOfficeResult.NotAllowed("只有信箱管理员可以管理意见征集。"), id);
        var (values, errors) = form.Read();
        var problems = new Dictionary<string, string>(errors, StringComparer.Ordinal);
        string draft = "";
        if (values is not null)
        {
            try
            {
                draft = sanitizer.Sanitize(values.DraftHtml);
                if (draft.Length == 0) problems["draft"] = "正文经过安全过滤后为空，请填写征求意见稿的文字内容。";
            }
            catch (RichTextRefusedException e)
            {
                problems["draft"] = e.Message;
            }
        }
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        // Checked even when other fields are wrong, so every problem is told at once.
        var typedArticle = values?.ArticleId ?? (errors.ContainsKey("articleId") ? null
            : int.TryParse(form.ArticleId.Trim(), out var parsed) && parsed > 0 ? parsed : null);
        if (typedArticle is { } articleId && !await db.Articles.AnyAsync(a => a.Id == articleId
                && a.SiteId == siteId && a.Status == ArticleStatus.Published && a.Url != null, cancellationToken))
            problems["articleId"] = $"编号为 {articleId} 的文章不是本网站已发布的文章，请重新选择或留空。";
        if (values is null || problems.Count > 0)
            return new ConsultationSave(BackOfficeResult.Refused("意见征集没有保存，请修改标出的内容。"), id ?? 0,
                problems);

        Consultation consultation;
        var now = Now;
        if (id is null)
        {
            consultation = new Consultation
            {
                SiteId = siteId, CreatedAtUtc = now, CreatedBy = staff.UserName, Version = 0,
            };
            db.Consultations.Add(consultation);
        }
        else
        {
            var found = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id && c.SiteId == siteId,
                cancellationToken);
            if (found is null) return Refused(BackOfficeResult.Missing("找不到这项意见征集。"), id);
            if (found.Version != version) return Refused(Stale(), id);
            consultation = found;
        }
        var periodChanged = consultation.StartsAtUtc != values.StartsAtUtc
                            || consultation.EndsAtUtc != values.EndsAtUtc;
        consultation.Title = values.Title;
        consultation.Summary = values.Summary;
        consultation.DraftHtml = draft;
        consultation.ArticleId = values.ArticleId;
        consultation.StartsAtUtc = values.StartsAtUtc;
        consultation.EndsAtUtc = values.EndsAtUtc;
        // A new period is watched again by the closing service: the page changes state at its new start and end.
        if (periodChanged) consultation.ClosedPageAtUtc = null;
        consultation.Version++;
        using var change = publishers.Current().BeginChange();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            change.Saved();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(Stale(), id);
        }
        await audit.WriteAsync(staff.UserName, staff.IpAddress, id is null ? "意见征集.新建" : "意见征集.修改",
            $"意见征集 {consultation.Id}", $"{consultation.Title}（{ChinaTime.Format(consultation.StartsAtUtc)} 至 " +
            $"{ChinaTime.Format(consultation.EndsAtUtc)}）", cancellationToken);
        await publishers.Current().PublishConsultationsAsync([consultation.Id], cancellationToken);
        change.Published();
        return new ConsultationSave(BackOfficeResult.Done(
            $"意见征集已保存并发布：{ConsultationPeriod.PageUrl(consultation.Id)}"), consultation.Id, NoErrors);
    }

    /// <summary>Publishes the 反馈 (sanitized rich text) on the consultation's page; only after the end.</summary>
    public async Task<ConsultationSave> PublishFeedbackAsync(Staff staff, int id, int version, string feedbackHtml,
        CancellationToken cancellationToken)
    {
        if (!MayHandle(staff))
            return Refused(BackOfficeResult.NotAllowed("只有信箱管理员可以发布意见反馈。"), id);
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id && c.SiteId == siteId,
            cancellationToken);
        if (consultation is null) return Refused(BackOfficeResult.Missing("找不到这项意见征集。"), id);
        if (consultation.Version != version) return Refused(Stale(), id);
        if (Now < consultation.EndsAtUtc)
            return Invalid(id, $"征集到 {ChinaTime.Format(consultation.EndsAtUtc)} 才结束，结束后才能发布意见反馈。");
        if (feedbackHtml.Length > FeedbackMax)
            return Invalid(id, $"意见反馈最多 {FeedbackMax} 个字符，现有 {feedbackHtml.Length} 个。");
        string feedback;
        try
        {
            feedback = sanitizer.Sanitize(feedbackHtml);
        }
        catch (RichTextRefusedException e)
        {
            return Invalid(id, e.Message);
        }
        if (feedback.Length == 0) return Invalid(id, "请填写意见反馈：收到的意见、采纳情况，以及未采纳的理由。");
        var republished = consultation.FeedbackPublishedAtUtc is not null;
        consultation.FeedbackHtml = feedback;
        consultation.FeedbackPublishedAtUtc = Now;
        consultation.FeedbackPublishedBy = staff.UserName;
        consultation.Version++;
        using var change = publishers.Current().BeginChange();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            change.Saved();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(Stale(), id);
        }
        await audit.WriteAsync(staff.UserName, staff.IpAddress, "意见征集.发布反馈", $"意见征集 {id}",
            republished ? "修改并重新发布意见反馈" : "发布意见反馈", cancellationToken);
        await publishers.Current().PublishConsultationsAsync([id], cancellationToken);
        change.Published();
        return new ConsultationSave(BackOfficeResult.Done("意见反馈已发布，显示在征集页面上。"), id, NoErrors);
    }

    /// <summary>The comments of a consultation, opened from the seal; the reading is audited by number only.</summary>
    public async Task<IReadOnlyList<CommentRow>?> CommentsAsync(Staff staff, int id,
        CancellationToken cancellationToken)
    {
        if (!MayHandle(staff)) return null;
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        if (!await db.Consultations.AnyAsync(c => c.Id == id && c.SiteId == siteId, cancellationToken)) return null;
        var comments = await db.ConsultationComments.AsNoTracking().Where(c => c.ConsultationId == id)
            .OrderByDescending(c => c.Held).ThenBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        await audit.WriteAsync(staff.UserName, staff.IpAddress, "意见征集.查看意见", $"意见征集 {id}",
            $"查看 {comments.Count} 条意见", cancellationToken);
        return [.. comments.Select(c => new CommentRow(c.Number, c.ReceivedAtUtc, c.Held, c.ScreeningReason,
            seal.Open(c)))];
    }

    private static ConsultationSave Refused(BackOfficeResult result, int? id) => new(result, id ?? 0, NoErrors);

    private static ConsultationSave Invalid(int id, string message) =>
        new(BackOfficeResult.Refused(message), id, new Dictionary<string, string> { ["feedback"] = message });

    private static BackOfficeResult Stale() =>
        BackOfficeResult.Stale("这项意见征集已被他人修改，页面上的内容已过时。您填写的内容仍在表单中，请核对后重新提交。");

    private static Task<int> SiteIdAsync(GovPortalDbContext db, CancellationToken cancellationToken) =>
        db.CurrentSiteIdAsync(cancellationToken);
}
