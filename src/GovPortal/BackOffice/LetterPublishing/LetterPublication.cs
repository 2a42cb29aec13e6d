using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Articles;
using GovPortal.BackOffice.Audit;
using GovPortal.Citizens.Protection;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Interaction.Letters;
using GovPortal.Publishing;
using GovPortal.Publishing.Interaction;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Scanning;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.LetterPublishing;

/// <summary>A replied letter as the 选登 page shows it to the mailbox administrator.</summary>
/// <param name="Subject">The public subject: as published, or the citizen's own to start from.</param>
/// <param name="Text">The public text: as published, or the citizen's own to start from.</param>
/// <param name="Refusal">Why the letter can never be published (state, consent), or "".</param>
public sealed record LetterForPublishing(int Id, string Number, string Kind, string Status, bool MayPublish,
    string MaskedName, DateOnly ReceivedOn, string Organisation, DateOnly? RepliedOn, string Reply,
    bool Published, string PublishedAt, string PublishedBy, string PublicUrl, string Subject, string Text,
    int Version, string Refusal);

/// <summary>What the publish form sent, kept to be shown again when the publish is refused.</summary>
public sealed record LetterPublishInput(string Subject, string Text, bool AcknowledgedWarnings);

/// <summary>The outcome of a publish: done, or refused with the reason and the content findings to show inline.
/// </summary>
public sealed record LetterPublishResult(BackOfficeResult Result, IReadOnlyList<ShownFinding> Findings)
{
    public static implicit operator LetterPublishResult(BackOfficeResult result) => new(result, []);
}

/// <summary>
/// 选登: the mailbox administrator publishes a replied letter whose writer allowed it — a public copy of the subject
/// and text (shortened to leave personal details out), the name masked (王*), the reply — after the content checks
/// every article passes, through the publish plan; and withdraws it again. Phone numbers and e-mail are never part
/// of the copy. Every publication, refusal and withdrawal is audited by letter number.
/// </summary>
public sealed class LetterPublication(DatabaseOptions database, ISitePublishers publishers,
    ArticleChecks checks, LetterSeal seal, AuditLog audit, TimeProvider time)
{
    public const int MinimumReasonLength = 5;
    private const string StaleMessage = "这封信件已被他人处理，页面上的信息已过时。请刷新后再操作。";

    public async Task<LetterForPublishing?> FindAsync(Staff staff, int id, CancellationToken cancellationToken)
    {
        if (!staff.Is(StaffRoles.Mailbox)) return null;
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var letter = await db.Letters.AsNoTracking()
            .FirstOrDefaultAsync(l => l.Id == id && l.SiteId == siteId, cancellationToken);
        if (letter is null) return null;
        var organisation = letter.OrganisationId is { } organisationId
            ? await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name)
                .FirstOrDefaultAsync(cancellationToken) ?? ""
            : "";
        var published = letter.PublishedAtUtc is not null;
        // The citizen's own words start the public copy; the administrator takes personal details out.
        var content = seal.Open(letter);
        await audit.WriteAsync(staff.UserName, staff.IpAddress, "信件选登.查看原文", letter.Number, "打开公开选登页面",
            cancellationToken);
        var subject = letter.PublicSubject.Length > 0 ? letter.PublicSubject : content.Subject;
        var text = letter.PublicText.Length > 0 ? letter.PublicText : content.Text;
        return new LetterForPublishing(letter.Id, letter.Number, LetterKinds.Label(letter.Kind),
            LetterStatusLabels.Of(letter.Status), letter.MayPublish, Masking.Name(content.Name), letter.ReceivedOn,
            organisation, letter.RepliedOn, letter.Reply, published,
            letter.PublishedAtUtc is { } at ? ChinaTime.Format(at) : "", letter.PublishedBy,
            published ? "/" + InteractionSection.PagePathOf(letter.Number) : "", subject, text, letter.Version,
            RefusalOf(letter));
    }

    /// <summary>Why a letter can never be published, or "" when it may.</summary>
    public static string RefusalOf(Letter letter) =>
        letter.Status != LetterStatus.Replied
            ? $"这封信件的状态是“{LetterStatusLabels.Of(letter.Status)}”：只有已答复的信件可以公开选登。"
            : !letter.MayPublish ? "来信人没有同意公开这封信件，不能公开选登。" : "";

    public async Task<LetterPublishResult> PublishAsync(Staff staff, int id, int version, LetterPublishInput input,
        CancellationToken cancellationToken)
    {
        if (!staff.Is(StaffRoles.Mailbox)) return BackOfficeResult.NotAllowed("只有信箱管理员可以公开选登信件。");
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var letter = await db.Letters.AsNoTracking()
            .FirstOrDefaultAsync(l => l.Id == id && l.SiteId == siteId, cancellationToken);
        if (letter is null) return BackOfficeResult.Missing("找不到这封信件。");
        if (letter.Version != version) return BackOfficeResult.Stale(StaleMessage);
        if (RefusalOf(letter) is { Length: > 0 } refusal) return BackOfficeResult.Refused(refusal);
        var subject = input.Subject.Trim();
        var text = input.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (LetterCopyRules.Problem(subject, text, seal.Open(letter)) is { } problem)
            return BackOfficeResult.Refused(problem);

        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == siteId, cancellationToken);
        var html = LetterChecks.ContentOf(subject, text, letter.Reply);
        var findings = checks.CheckHtml(html, site);
        var shown = ShownFinding.ForRevision(findings, html);
        if (findings.Any(f => f.Severity == Severity.Block))
        {
            await audit.WriteAsync(staff.UserName, staff.IpAddress, "信件选登.内容检查阻止", letter.Number,
                string.Join("；", findings.Where(f => f.Severity == Severity.Block)
                    .Select(f => $"{f.Category}：{f.Message}「{f.Excerpt}」")), cancellationToken);
            return new LetterPublishResult(BackOfficeResult.Refused(
                "内容检查发现必须处理的问题，信件没有公开。请修改公开内容后再发布（答复中的问题请联系承办单位）。"), shown);
        }
        var warnings = findings.Where(f => f.Severity == Severity.Warn).ToList();
        if (warnings.Count > 0 && !input.AcknowledgedWarnings)
            return new LetterPublishResult(BackOfficeResult.Refused(
                "内容检查有需要人工核实的警告。核实后请勾选“已核实”再发布。"), shown);

        var stale = false;
        var name = Masking.Name(seal.Open(letter).Name);
        PublishPlan plan;
        try
        {
            plan = await publishers.Current().ApplyLetterChangeAsync(id, l =>
            {
                if (l.Version != version)
                {
                    stale = true;
                    return;
                }
                l.PublicSubject = subject;
                l.PublicText = text;
                l.PublicName = name;
                // The date of the first publication stays when the copy is corrected.
                l.PublishedAtUtc ??= time.GetUtcNow().UtcDateTime;
                l.PublishedBy = staff.UserName;
                l.Version++;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return BackOfficeResult.Stale(StaleMessage);
        }
        catch (PublishException e)
        {
            await audit.WriteAsync(staff.UserName, staff.IpAddress, "信件选登.公开失败", letter.Number, e.Message,
                cancellationToken);
            return BackOfficeResult.Refused("未能公开：" + e.Message);
        }
        if (stale) return BackOfficeResult.Stale(StaleMessage);
        if (warnings.Count > 0)
            await audit.WriteAsync(staff.UserName, staff.IpAddress, "信件选登.确认内容警告", letter.Number,
                string.Join("；", warnings.Select(f => $"{f.Category}：{f.Message}「{f.Excerpt}」")), cancellationToken);
        var again = letter.PublishedAtUtc is not null;
        await audit.WriteAsync(staff.UserName, staff.IpAddress, again ? "信件选登.更新" : "信件选登.公开",
            letter.Number, $"《{subject}》，地址 /{InteractionSection.PagePathOf(letter.Number)}", cancellationToken);
        var unmade = plan.Failures.Count == 0 ? ""
            : $"但有 {plan.Failures.Count} 个页面未能生成，暂保留上次发布的版本，下次发布时重试：{plan.Failures[0].Message}";
        return BackOfficeResult.Done((again ? "已更新公开的信件。" : "信件已公开选登，网站上的相关页面已更新。") + unmade);
    }

    public async Task<BackOfficeResult> WithdrawAsync(Staff staff, int id, int version, string reason,
        CancellationToken cancellationToken)
    {
        if (!staff.Is(StaffRoles.Mailbox)) return BackOfficeResult.NotAllowed("只有信箱管理员可以撤下公开的信件。");
        reason = (reason ?? "").Trim();
        if (reason.Length < MinimumReasonLength)
            return BackOfficeResult.Refused($"撤下须写明理由（至少 {MinimumReasonLength} 个字）。");
        if (reason.Length > 2000) return BackOfficeResult.Refused("理由不能超过 2000 个字。");
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var letter = await db.Letters.AsNoTracking()
            .FirstOrDefaultAsync(l => l.Id == id && l.SiteId == siteId, cancellationToken);
        if (letter is null) return BackOfficeResult.Missing("找不到这封信件。");
        if (letter.Version != version) return BackOfficeResult.Stale(StaleMessage);
        if (letter.PublishedAtUtc is null) return BackOfficeResult.Refused("这封信件没有公开，无需撤下。");
        var stale = false;
        try
        {
            await publishers.Current().ApplyLetterChangeAsync(id, l =>
            {
                if (l.Version != version)
                {
                    stale = true;
                    return;
                }
                l.PublishedAtUtc = null;
                l.PublishedBy = staff.UserName;
                l.Version++;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return BackOfficeResult.Stale(StaleMessage);
        }
        catch (PublishException e)
        {
            return BackOfficeResult.Refused("撤下失败：" + e.Message);
        }
        if (stale) return BackOfficeResult.Stale(StaleMessage);
        await audit.WriteAsync(staff.UserName, staff.IpAddress, "信件选登.撤下", letter.Number,
            $"撤下《{letter.PublicSubject}》，理由：{reason}", cancellationToken);
        return BackOfficeResult.Done("已撤下：信件页面已从网站删除，信件选登列表和互动交流首页已更新。");
    }

    private static Task<int> SiteIdAsync(GovPortalDbContext db, CancellationToken cancellationToken) =>
        db.CurrentSiteIdAsync(cancellationToken);
}
