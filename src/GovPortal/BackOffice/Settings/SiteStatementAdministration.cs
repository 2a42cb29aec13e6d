using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing;
using GovPortal.Safety;
using GovPortal.Safety.Scanning;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Settings;

/// <summary>One statement as the settings show it: its wording now, and whether it is the site's own.</summary>
public sealed record StatementView(SiteStatementKind Kind, string BodyHtml, DateTime? UpdatedAtUtc, string UpdatedBy);

/// <summary>
/// 网站声明: the administrator rewrites the site's 隐私声明, 版权声明, 无障碍声明 and 联系我们, or returns one to its
/// default wording. A wording passes the same sanitizer and content checks as an article (a statement is read by the
/// public like one), is audited, and its page is republished at once.
/// </summary>
public sealed class SiteStatementAdministration(DatabaseOptions database, ISitePublishers publishers,
    RichTextSanitizer sanitizer, ArticleChecks checks, AuditLog audit, TimeProvider time)
{
    private string SiteCode => publishers.Current().SiteCode;

    private const string NotAllowedMessage = "只有系统管理员可以修改网站声明。";

    public async Task<IReadOnlyList<StatementView>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Code == SiteCode, cancellationToken);
        var saved = await db.SiteStatements.AsNoTracking().Where(s => s.SiteId == site.Id)
            .ToDictionaryAsync(s => s.Key, cancellationToken);
        return SiteStatements.All.Select(kind => saved.TryGetValue(kind.Key, out var own)
                ? new StatementView(kind, own.BodyHtml, own.UpdatedAtUtc, own.UpdatedBy)
                : new StatementView(kind, SiteStatements.DefaultBody(kind, site), null, ""))
            .ToList();
    }

    /// <summary>Saves the wording typed for <paramref name="kind"/> (or the default, when
    /// <paramref name="restoreDefault"/>) and republishes its page.</summary>
    public async Task<BackOfficeResult> SaveAsync(Staff actor, SiteStatementKind kind, string typedHtml,
        bool restoreDefault, CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        await using var db = database.CreateContext();
        var site = await db.Sites.SingleAsync(s => s.Code == SiteCode, cancellationToken);
        var row = await db.SiteStatements.FirstOrDefaultAsync(s => s.SiteId == site.Id && s.Key == kind.Key,
            cancellationToken);
        string details;
        if (restoreDefault)
        {
            if (row is null) return BackOfficeResult.Refused($"{kind.Title}已经是默认内容，没有需要恢复的改动。");
            db.SiteStatements.Remove(row);
            details = $"{kind.Title}：恢复默认内容";
        }
        else
        {
            string html;
            try
            {
                html = sanitizer.Sanitize(typedHtml);
            }
            catch (RichTextRefusedException e)
            {
                return BackOfficeResult.Refused($"{kind.Title}的{e.Message}内容未保存。");
            }
            if (PlainLength(html) == 0) return BackOfficeResult.Refused($"请填写{kind.Title}的内容。内容未保存。");
            if (html.Length > SiteStatements.MaxLength)
                return BackOfficeResult.Refused($"{kind.Title}过长（超过 {SiteStatements.MaxLength} 个字符），请精简后再保存。");
            var blocking = checks.CheckHtml(html, site).Concat(PictureAltCheck.Check(html))
                .Where(f => f.Severity == Severity.Block).ToList();
            if (blocking.Count > 0)
                return BackOfficeResult.Refused($"{kind.Title}未保存：发布前检查发现 {blocking.Count} 处必须处理的问题。"
                    + string.Concat(blocking.Select(f => $" {f.Category}：{f.Message}「{f.Excerpt}」")));
            if (html == (row?.BodyHtml ?? SiteStatements.DefaultBody(kind, site)))
                return BackOfficeResult.Refused($"{kind.Title}的内容没有变化，无需保存。");
            row ??= db.SiteStatements.Add(new SiteStatement { SiteId = site.Id, Key = kind.Key, BodyHtml = "" })
                .Entity;
            row.BodyHtml = html;
            row.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
            row.UpdatedBy = actor.UserName;
            details = $"{kind.Title}：修改内容（{PlainLength(html)} 字）";
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved the same statement first (the unique site and key): nothing was saved.
            return BackOfficeResult.Stale(
                $"其他管理员刚刚保存了{kind.Title}，您的内容未保存，仍在下面的表单中。请复制后刷新页面，核对最新内容再修改。");
        }
        await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SettingsChanged, "网站声明", details,
            cancellationToken);
        await publishers.Current().PublishStatementAsync(kind, cancellationToken);
        return BackOfficeResult.Done(restoreDefault
            ? $"{kind.Title}已恢复默认内容，并已重新发布 /{kind.Path}。"
            : $"{kind.Title}已保存，并已重新发布 /{kind.Path}。");
    }

    // How much a reader reads: the text without markup.
    private static int PlainLength(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", "",
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)).Trim().Length;
}
