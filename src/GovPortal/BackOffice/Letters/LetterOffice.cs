using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using GovPortal.BackOffice.Audit;
using GovPortal.Citizens.Calendar;
using GovPortal.Citizens.Protection;
using GovPortal.Content;
using GovPortal.Content.Organisations;
using GovPortal.Data;
using GovPortal.Disclosure;
using GovPortal.Interaction.Letters;
using GovPortal.Publishing.Output;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Letters;

/// <summary>
/// The letters' office, reading side: the trays, one letter, the 工作台's letters. The citizen's words are opened
/// (LetterSeal) only for the dispatcher and the assigned organisation's members, masked for anyone else, and every
/// look in clear at a letter is in the audit log by number.
/// </summary>
public sealed class LetterOffice(DatabaseOptions database, LetterSeal seal,
    WorkingCalendarStore calendars, AuditLog audit, TimeProvider time)
{
    private const int ListLimit = 2000;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToChina(time.GetUtcNow().UtcDateTime));

    public async Task<LetterStaff> StaffAsync(Accounts.Staff staff, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await LetterStaff.LoadAsync(staff, user, db, await SiteIdAsync(db, cancellationToken),
            cancellationToken);
    }

    public async Task<(IReadOnlyDictionary<LetterTray, int> Counts, IReadOnlyList<LetterRow> Rows)> ListAsync(
        LetterStaff staff, LetterTray tray, CancellationToken cancellationToken)
    {
        var (letters, names, mailboxes, siteId) = await VisibleAsync(staff, cancellationToken);
        var calendar = await calendars.CurrentAsync(siteId, cancellationToken);
        var today = Today;
        var states = letters.ToDictionary(l => l.Id, l => LetterDeadlines.StateOn(l, calendar, today));
        var counts = Enum.GetValues<LetterTray>().ToDictionary(t => t,
            t => letters.Count(l => LetterTrays.Holds(t, l, states[l.Id])));
        var rows = letters.Where(l => LetterTrays.Holds(tray, l, states[l.Id]))
            .Select(l => RowOf(staff, l, names, mailboxes, calendar, states[l.Id])).ToList();
        return (counts, rows);
    }

    public async Task<LetterDashboard> DashboardAsync(LetterStaff staff, CancellationToken cancellationToken)
    {
        if (!staff.IsDispatcher && !staff.HasDuties) return new LetterDashboard(false, [], [], 0, 0, 0, 0);
        var (letters, names, mailboxes, siteId) = await VisibleAsync(staff, cancellationToken);
        // Only what the person has to act on: the dispatcher everything open, a 承办人 what is being drafted, a
        // reviewer what waits for review.
        var mine = letters.Where(l => staff.IsDispatcher
            || (l.Status == LetterStatus.Assigned && staff.Handles(l))
            || (l.Status == LetterStatus.AwaitingReview && staff.Reviews(l))).ToList();
        var calendar = await calendars.CurrentAsync(siteId, cancellationToken);
        var today = Today;
        var rows = mine.Select(l => RowOf(staff, l, names, mailboxes, calendar,
            LetterDeadlines.StateOn(l, calendar, today))).ToList();
        return new LetterDashboard(true,
            rows.Where(r => r.Deadline == DeadlineState.Overdue).ToList(),
            rows.Where(r => r.Deadline == DeadlineState.DueSoon).ToList(),
            mine.Count(l => l.Status == LetterStatus.Screening),
            mine.Count(l => l.Status is LetterStatus.New or LetterStatus.Returned),
            mine.Count(l => l.Status == LetterStatus.Assigned),
            mine.Count(l => l.Status == LetterStatus.AwaitingReview));
    }

    public async Task<LetterDetail?> DetailAsync(LetterStaff staff, int id, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var letter = await db.Letters.AsNoTracking()
            .FirstOrDefaultAsync(l => l.Id == id && l.SiteId == siteId, cancellationToken);
        if (letter is null || !staff.MaySee(letter)) return null;
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.SiteId == siteId)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        var handled = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.Duty == OrganisationDuties.Handler).Select(m => m.OrganisationId).Distinct()
            .ToListAsync(cancellationToken);
        var mailbox = await db.Mailboxes.AsNoTracking().Where(m => m.Id == letter.MailboxId).Select(m => m.Name)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
        var attachments = await db.LetterAttachments.AsNoTracking().Where(a => a.LetterId == id).OrderBy(a => a.Id)
            .Select(a => new AttachmentShown(a.Id, a.FileName, a.Length)).ToListAsync(cancellationToken);
        var mergedInto = letter.MergedIntoId is { } target
            ? await db.Letters.AsNoTracking().Where(l => l.Id == target).Select(l => l.Number)
                .FirstOrDefaultAsync(cancellationToken) ?? ""
            : "";
        var mergedFrom = await db.Letters.AsNoTracking().Where(l => l.MergedIntoId == id).OrderBy(l => l.Number)
            .Select(l => l.Number).ToListAsync(cancellationToken);
        var clear = staff.MayRead(letter);
        // 个人信息保护法: a record of who read whose letter, by number only.
        if (clear)
            await audit.WriteAsync(staff.Staff.UserName, staff.Staff.IpAddress, LetterAudit.Read, letter.Number, "",
                cancellationToken);
        var calendar = await calendars.CurrentAsync(letter.SiteId, cancellationToken);
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        return new LetterDetail(letter, ShownOf(letter, clear),
            mailbox,
            letter.OrganisationId is { } org && names.TryGetValue(org, out var name) ? name : "",
            DueOf(letter, calendar), LetterDeadlines.StateOn(letter, calendar, Today),
            LetterDeadlines.VetoLimit(letter).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            clear ? attachments : [],
            organisations.Where(o => o.Active).Select(o => new OrganisationChoice(o.Id, o.Name, handled.Contains(o.Id)))
                .ToList(),
            mergedInto, mergedFrom, clear ? RatingCommentOf(letter) : "",
            staff.IsDispatcher, staff.Handles(letter), staff.Reviews(letter));
    }

    /// <summary>The attachment, when this person may read the letter it belongs to.</summary>
    public async Task<(Letter Letter, LetterAttachment Attachment)?> AttachmentAsync(LetterStaff staff, int id,
        int attachmentId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var letter = await db.Letters.AsNoTracking()
            .FirstOrDefaultAsync(l => l.Id == id && l.SiteId == siteId, cancellationToken);
        if (letter is null || !staff.MayRead(letter)) return null;
        var attachment = await db.LetterAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.LetterId == id, cancellationToken);
        if (attachment is null) return null;
        await audit.WriteAsync(staff.Staff.UserName, staff.Staff.IpAddress, LetterAudit.Download, letter.Number,
            $"附件 {attachment.Id}", cancellationToken);
        return (letter, attachment);
    }

    // The letters this person may see, with the names of organisations and mailboxes, and the site they are of.
    private async Task<(List<Letter>, Dictionary<int, string>, Dictionary<int, string>, int)> VisibleAsync(
        LetterStaff staff, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var query = db.Letters.AsNoTracking().Where(l => l.SiteId == siteId);
        if (!staff.IsDispatcher)
        {
            var mine = staff.HandlerOf.Concat(staff.ReviewerOf).Distinct().ToList();
            query = staff.IsOverseer
                ? query.Where(l => l.Status != LetterStatus.Screening)
                : query.Where(l => l.OrganisationId != null && mine.Contains(l.OrganisationId.Value));
        }
        var letters = await query.OrderByDescending(l => l.ReceivedAtUtc).ThenByDescending(l => l.Id).Take(ListLimit)
            .ToListAsync(cancellationToken);
        var names = await db.Organisations.AsNoTracking().Where(o => o.SiteId == siteId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => m.SiteId == siteId)
            .ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return (letters, names, mailboxes, siteId);
    }

    private LetterRow RowOf(LetterStaff staff, Letter letter, Dictionary<int, string> names,
        Dictionary<int, string> mailboxes, WorkingDayCalendar calendar, DeadlineState state)
    {
        var clear = staff.MayRead(letter);
        var shown = ShownOf(letter, clear);
        var note = letter.Status switch
        {
            LetterStatus.Returned => "退回理由：" + letter.ReturnReason,
            LetterStatus.Screening => letter.ScreeningReason,
            LetterStatus.Assigned when letter.ReviewComment.Length > 0 => "审核意见：" + letter.ReviewComment,
            _ => "",
        };
        return new LetterRow(letter.Id, letter.Number, mailboxes.GetValueOrDefault(letter.MailboxId, ""),
            LetterKinds.Label(letter.Kind), letter.ReceivedOn, clear ? shown.Subject : "（已隐藏）", letter.Status,
            letter.OrganisationId is { } org ? names.GetValueOrDefault(org, "") : "", DueOf(letter, calendar), state,
            note);
    }

    public LetterShown ShownOf(Letter letter, bool clear)
    {
        LetterContent content;
        try
        {
            content = seal.Open(letter);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return new LetterShown(false, "（无法解密）", "（无法解密：信件内容的密钥不可用）", "", "", "");
        }
        return clear
            ? new LetterShown(true, content.Subject, content.Text, content.Name, content.Mobile, content.Email)
            : new LetterShown(false, Masking.Text(content.Subject), Masking.Text(content.Text),
                Masking.Name(content.Name), Masking.Phone(content.Mobile), Masking.Email(content.Email));
    }

    private string RatingCommentOf(Letter letter)
    {
        try
        {
            return seal.RatingCommentOf(letter);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return "（无法解密）";
        }
    }

    public static string DueOf(Letter letter, WorkingDayCalendar calendar) => letter.Status switch
    {
        LetterStatus.Replied => "已答复",
        LetterStatus.Merged => "已合并办理",
        LetterStatus.Rejected => "不予受理",
        _ => LetterDeadlines.Due(letter, calendar).Display,
    };

    public Task<int> SiteIdAsync(GovPortalDbContext db, CancellationToken cancellationToken) =>
        db.CurrentSiteIdAsync(cancellationToken);
}

/// <summary>The audit log's names for the letters' steps; the target is always the letter's number.</summary>
public static class LetterAudit
{
    public const string Read = "信件.查看";
    public const string Download = "信件.下载附件";
    public const string Release = "信件.甄别通过";
    public const string Reject = "信件.不予受理";
    public const string Assign = "信件.分办";
    public const string Return = "信件.退回分办";
    public const string Draft = "信件.保存答复草稿";
    public const string Submit = "信件.提交审核";
    public const string Approve = "信件.审核通过";
    public const string SendBack = "信件.审核退回";
    public const string Merge = "信件.合并";
}
