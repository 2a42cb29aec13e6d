using System.Globalization;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Files;
using GovPortal.Citizens.Calendar;
using GovPortal.Citizens.Protection;
using GovPortal.Content.Uploads;
using GovPortal.Data;
using GovPortal.Disclosure;
using GovPortal.Publishing.Output;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.DisclosureRequests;

/// <summary>The staff list: the newest applications (<see cref="Cut"/> when there are more), and every open one
/// that is overdue or due soon.</summary>
public sealed record ApplicationList(IReadOnlyList<ApplicationRow> Rows, bool Cut,
    IReadOnlyList<ApplicationRow> Overdue, IReadOnlyList<ApplicationRow> DueSoon);

/// <summary>One application in the staff list.</summary>
public sealed record ApplicationRow(int Id, string Number, DateOnly ReceivedOn, string Applicant, string Type,
    DisclosureStatus Status, string Due, DeadlineState Deadline);

/// <summary>The applicant as staff see them: in clear for the 信息公开 role, masked for everyone else.</summary>
public sealed record ApplicantShown(bool Clear, string Name, string IdType, string IdNumber, string Phone,
    string Address, string PostCode, string Email, string Description, string Correction);

/// <summary>One application with everything the detail page shows.</summary>
public sealed record ApplicationDetail(DisclosureApplication Application, ApplicantShown Applicant, string Due,
    DeadlineState Deadline, string CorrectionDeadline, bool CorrectionAllowed, string OriginalDue);

/// <summary>
/// Staff handling of 依申请公开: 登记 → 补正 (once, within 7 working days of receipt; the clock stops) → 办理 →
/// 延期 (once, at most 20 working days, reason and approving head recorded) → 答复 (outcome code, reason code, the
/// 答复书 file). Only the 信息公开 role acts and sees personal data; every step and every look at personal data is in
/// the audit log by application number, never with the data itself.
/// </summary>
public sealed class DisclosureHandling(DatabaseOptions database, DisclosureIntake intake,
    WorkingCalendarStore calendars, AuditLog audit, UploadStore uploads, TimeProvider time)
{
    /// <summary>The most applications one list shows; the overdue and due-soon lists are never cut.</summary>
    public const int ListLimit = 500;

    /// <summary>
    /// The newest applications (of one status when given), and every open application that is overdue or due soon,
    /// however old; null for an account that may not look. The 信息公开 role sees names, and that look is audited.
    /// </summary>
    public async Task<ApplicationList?> ListAsync(Staff staff, DisclosureStatus? status,
        CancellationToken cancellationToken)
    {
        if (!MayLook(staff)) return null;
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var query = db.DisclosureApplications.AsNoTracking().Where(a => a.SiteId == siteId);
        if (status is { } only) query = query.Where(a => a.Status == only);
        var rows = await query.OrderByDescending(a => a.ReceivedAtUtc).Take(ListLimit).ToListAsync(cancellationToken);
        var open = await db.DisclosureApplications.AsNoTracking()
            .Where(a => a.SiteId == siteId && a.Status != DisclosureStatus.Answered
                        && a.Status != DisclosureStatus.AwaitingCorrection)
            .OrderBy(a => a.ReceivedAtUtc).ToListAsync(cancellationToken);
        var calendar = await calendars.CurrentAsync(siteId, cancellationToken);
        var clear = staff.Is(StaffRoles.Disclosure);
        var today = intake.Today;
        var shown = rows.Select(a => RowOf(a, calendar, clear, today)).ToList();
        var pressing = open.Select(a => RowOf(a, calendar, clear, today)).ToList();
        if (clear && (shown.Count > 0 || pressing.Count > 0))
            // 个人信息保护法: a list of names is a look at personal data too.
            await audit.WriteAsync(staff.UserName, staff.IpAddress, "依申请公开.查看申请列表", "",
                $"列出 {shown.Count} 件，逾期或临近到期 {pressing.Count(r => r.Deadline != DeadlineState.OnTime)} 件",
                cancellationToken);
        return new ApplicationList(shown, rows.Count == ListLimit,
            pressing.Where(r => r.Deadline == DeadlineState.Overdue).ToList(),
            pressing.Where(r => r.Deadline == DeadlineState.DueSoon).ToList());
    }

    private ApplicationRow RowOf(DisclosureApplication a, WorkingDayCalendar calendar, bool clear, DateOnly today)
    {
        string name;
        try
        {
            name = intake.ApplicantOf(a).Name;
            if (!clear) name = Masking.Name(name);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // One row sealed with a key this portal lacks must not take the whole list down.
            name = "（无法解密：密钥缺失）";
        }
        return new ApplicationRow(a.Id, a.Number, a.ReceivedOn, name, ApplicantTypes.Label(a.ApplicantType),
            a.Status, DueOf(a, calendar), DisclosureDeadlines.StateOn(a, calendar, today));
    }

    /// <summary>The 信息公开 role handles; administrators oversee the deadlines with personal data masked.</summary>
    private static bool MayLook(Staff staff) => staff.Is(StaffRoles.Disclosure) || staff.Is(StaffRoles.Administrator);

    public async Task<ApplicationDetail?> DetailAsync(Staff staff, int id, CancellationToken cancellationToken)
    {
        if (!MayLook(staff)) return null;
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var application = await db.DisclosureApplications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && a.SiteId == siteId, cancellationToken);
        if (application is null) return null;
        var details = intake.ApplicantOf(application);
        var correction = intake.CorrectionOf(application);
        var clear = staff.Is(StaffRoles.Disclosure);
        var idType = IdTypes.Label(application.ApplicantType == ApplicantTypes.Organisation
            ? IdTypes.CreditCode : IdTypes.ResidentId);
        var shown = clear
            ? new ApplicantShown(true, details.Name, idType, details.IdNumber, details.Phone, details.Address,
                details.PostCode, details.Email, details.Description, correction)
            : new ApplicantShown(false, Masking.Name(details.Name), idType, Masking.IdNumber(details.IdNumber),
                Masking.Phone(details.Phone), Masking.Address(details.Address), "******", Masking.Email(details.Email),
                Masking.Text(details.Description), Masking.Text(correction));
        // 个人信息保护法: a record of who looked at whose data.
        if (clear)
            await audit.WriteAsync(staff.UserName, staff.IpAddress, "依申请公开.查看个人信息", application.Number, "",
                cancellationToken);
        var calendar = await calendars.CurrentAsync(application.SiteId, cancellationToken);
        var correctionDeadline = DisclosureDeadlines.CorrectionDeadline(application, calendar);
        return new ApplicationDetail(application, shown, DueOf(application, calendar),
            DisclosureDeadlines.StateOn(application, calendar, intake.Today), correctionDeadline.Display,
            CanAskCorrection(application, correctionDeadline),
            DisclosureDeadlines.OriginalDue(application, calendar).Display);
    }

    public Task<BackOfficeResult> RegisterAsync(Staff staff, int id, int version,
        CancellationToken cancellationToken) =>
        ActAsync(staff, id, version, "依申请公开.登记", cancellationToken, (application, _) =>
        {
            if (application.Status != DisclosureStatus.Submitted) return "只有待登记的申请可以登记。";
            application.Status = DisclosureStatus.Registered;
            application.RegisteredAtUtc = time.GetUtcNow().UtcDateTime;
            application.RegisteredBy = staff.UserName;
            return null;
        }, "已登记。");

    public Task<BackOfficeResult> RequestCorrectionAsync(Staff staff, int id, int version, string request,
        CancellationToken cancellationToken)
    {
        request = request.Trim();
        return ActAsync(staff, id, version, "依申请公开.补正告知", cancellationToken, (application, calendar) =>
        {
            if (request.Length == 0) return "请写明需要申请人补正的内容。";
            if (request.Length > 2000) return "补正要求最多 2000 字。";
            if (application.Status is not (DisclosureStatus.Submitted or DisclosureStatus.Registered
                or DisclosureStatus.Processing)) return "这件申请现在不能要求补正。";
            var deadline = DisclosureDeadlines.CorrectionDeadline(application, calendar);
            if (!CanAskCorrection(application, deadline))
                return application.CorrectionRequestedOn is not null
                    ? "补正只能要求一次（《政府信息公开条例》第三十条）。"
                    : deadline.Date is null
                        ? deadline.Display + "，无法确认是否仍在补正期限内。"
                        : $"补正应在收到申请之日起 7 个工作日内（{deadline.Display} 前）一次性告知，已超过期限。";
            application.CorrectionRequest = request;
            application.CorrectionRequestedOn = intake.Today;
            if (application.Status == DisclosureStatus.Submitted)
            {
                application.RegisteredAtUtc = time.GetUtcNow().UtcDateTime;
                application.RegisteredBy = staff.UserName;
            }
            application.Status = DisclosureStatus.AwaitingCorrection;
            return null;
        }, "已告知申请人补正；申请人补正前答复期限暂停计算。");
    }

    public Task<BackOfficeResult> StartAsync(Staff staff, int id, int version, CancellationToken cancellationToken) =>
        ActAsync(staff, id, version, "依申请公开.办理", cancellationToken, (application, _) =>
        {
            if (application.Status != DisclosureStatus.Registered) return "只有已登记的申请可以开始办理。";
            application.Status = DisclosureStatus.Processing;
            application.ProcessingAtUtc = time.GetUtcNow().UtcDateTime;
            return null;
        }, "已开始办理。");

    public Task<BackOfficeResult> ExtendAsync(Staff staff, int id, int version, string daysText, string reason,
        string approvedBy, CancellationToken cancellationToken)
    {
        reason = reason.Trim();
        approvedBy = approvedBy.Trim();
        return ActAsync(staff, id, version, "依申请公开.延期", cancellationToken, (application, calendar) =>
        {
            if (application.Status is not (DisclosureStatus.Registered or DisclosureStatus.Processing))
                return "只有办理中的申请可以延期。";
            if (application.ExtensionDays > 0) return "答复期限只能延长一次（《政府信息公开条例》第三十三条）。";
            // Art. 33: the extension is decided within the period; afterwards it would only hide an overdue case.
            if (DisclosureDeadlines.OriginalDue(application, calendar).Date is not { } due)
                return "缺少工作日历，无法确认是否仍在答复期限内，暂不能延期。请先录入工作日历。";
            if (intake.Today > due)
                return $"答复期限已于 {due:yyyy-MM-dd} 届满，不能再延期（《政府信息公开条例》第三十三条：延期应在答复期限内决定）。";
            if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                || days is < 1 or > DisclosureDeadlines.MaxExtensionDays)
                return $"延长的期限应为 1 到 {DisclosureDeadlines.MaxExtensionDays} 个工作日。";
            if (reason.Length == 0) return "请填写延期理由。";
            if (reason.Length > 1000) return "延期理由最多 1000 字。";
            if (approvedBy.Length == 0) return "请填写批准延期的负责人。";
            if (approvedBy.Length > 100) return "批准人最多 100 字。";
            application.ExtensionDays = days;
            application.ExtensionReason = reason;
            application.ExtensionApprovedBy = approvedBy;
            application.ExtendedOn = intake.Today;
            return null;
        }, "已延期，申请人查询时可看到新的答复期限。", a => $"延长 {a.ExtensionDays} 个工作日，批准人：{a.ExtensionApprovedBy}");
    }

    public async Task<BackOfficeResult> AnswerAsync(Staff staff, int id, int version, string category,
        string reason, string note, string? fileName, byte[]? file, CancellationToken cancellationToken)
    {
        note = note.Trim();
        string? stored = null, displayName = null, contentType = null, fileError = null;
        if (fileName is null || file is null || file.Length == 0) fileError = "请上传答复书文件。";
        else
        {
            var (kept, error) = UploadRules.Accept(fileName, file);
            if (kept is null) fileError = error;
            else
            {
                displayName = kept.DisplayName;
                contentType = kept.ContentType;
                file = kept.Content;
            }
        }
        var result = await ActAsync(staff, id, version, "依申请公开.答复", cancellationToken, (application, _) =>
        {
            if (application.Status is not (DisclosureStatus.Registered or DisclosureStatus.Processing))
                return "只有已登记或办理中的申请可以答复。";
            if (DisclosureOutcomes.Find(category) is not { } found) return "请选择答复结果。";
            if (found.Reasons.Count > 0 && found.Reasons.All(r => r.Code != reason))
                return $"“{found.Label}”需要选择理由。";
            if (found.Reasons.Count == 0) reason = "";
            if (note.Length > 2000) return "说明最多 2000 字。";
            if (fileError is not null) return fileError;
            // Stored only when everything else is right, so a refused answer leaves no file behind.
            stored ??= uploads.Save(file);
            application.Status = DisclosureStatus.Answered;
            application.OutcomeCategory = found.Code;
            application.OutcomeReason = reason;
            application.AnswerNote = note;
            application.AnsweredOn = intake.Today;
            application.AnsweredBy = staff.UserName;
            application.AnswerFileName = displayName!;
            application.AnswerStoredName = stored;
            application.AnswerContentType = contentType!;
            return null;
        }, "已答复，申请人可在查询页面看到答复结果并下载答复书。",
            // The file's name often names the applicant: the audit log records only its kind.
            a => $"答复结果：{DisclosureOutcomes.Label(a.OutcomeCategory, a.OutcomeReason)}；答复书：" +
                 Path.GetExtension(a.AnswerFileName).TrimStart('.').ToUpperInvariant() + " 文件");
        // Saved by someone else in between: the file stored for this answer belongs to nothing.
        if (!result.Succeeded && stored is not null) uploads.Delete(stored);
        return result;
    }

    public async Task<(string Path, string Name, string ContentType)?> AnswerFileAsync(Staff staff, int id,
        CancellationToken cancellationToken)
    {
        // The 答复书 is addressed to the applicant (name, address): only the 信息公开 role opens it.
        if (!staff.Is(StaffRoles.Disclosure)) return null;
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var application = await db.DisclosureApplications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && a.SiteId == siteId, cancellationToken);
        if (application is null || application.AnswerStoredName.Length == 0) return null;
        await audit.WriteAsync(staff.UserName, staff.IpAddress, "依申请公开.下载答复书", application.Number, "",
            cancellationToken);
        return (uploads.PathOf(application.AnswerStoredName), application.AnswerFileName,
            application.AnswerContentType);
    }

    private bool CanAskCorrection(DisclosureApplication application, WorkingDate deadline) =>
        application.CorrectionRequestedOn is null
        && application.Status is DisclosureStatus.Submitted or DisclosureStatus.Registered
            or DisclosureStatus.Processing
        && deadline.Date is { } last && intake.Today <= last;

    private static string DueOf(DisclosureApplication application, WorkingDayCalendar calendar) =>
        application.Status switch
        {
            DisclosureStatus.AwaitingCorrection => "补正中（暂停计算）",
            DisclosureStatus.Answered => "已答复",
            _ => DisclosureDeadlines.AnswerDue(application, calendar).Display,
        };

    private static Task<int> SiteIdAsync(GovPortalDbContext db, CancellationToken cancellationToken) =>
        db.CurrentSiteIdAsync(cancellationToken);

    /// <summary>
    /// One step: the role checked on the server, the application loaded by id and version, the step's own checks
    /// (a Chinese message refuses it and nothing changes), saved, audited.
    /// </summary>
    private async Task<BackOfficeResult> ActAsync(Staff staff, int id, int version, string action,
        CancellationToken cancellationToken, Func<DisclosureApplication, WorkingDayCalendar, string?> step,
        string done, Func<DisclosureApplication, string>? details = null)
    {
        if (!staff.Is(StaffRoles.Disclosure)) return BackOfficeResult.NotAllowed("只有“信息公开”角色可以办理依申请公开。");
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var application = await db.DisclosureApplications
            .FirstOrDefaultAsync(a => a.Id == id && a.SiteId == siteId, cancellationToken);
        if (application is null) return BackOfficeResult.Missing("找不到这件申请。");
        if (application.Version != version)
            return BackOfficeResult.Stale("这件申请已被他人处理，页面上的信息已过时。请刷新后再操作。");
        var calendar = await calendars.CurrentAsync(application.SiteId, cancellationToken);
        if (step(application, calendar) is { } problem) return BackOfficeResult.Refused(problem);
        application.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return BackOfficeResult.Stale("这件申请已被他人处理，页面上的信息已过时。请刷新后再操作。");
        }
        await audit.WriteAsync(staff.UserName, staff.IpAddress, action, application.Number,
            details?.Invoke(application) ?? DisclosureStatusLabels.Of(application.Status), cancellationToken);
        return BackOfficeResult.Done(done);
    }
}
