using System.Text.Json;
using GovPortal.BackOffice.Audit;
using GovPortal.Citizens.Calendar;
using GovPortal.Citizens.Forms;
using GovPortal.Citizens.Protection;
using GovPortal.Citizens.Receipts;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing.Output;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Disclosure;

/// <summary>
/// A 补正 as taken or refused: <see cref="Application"/> is null when the number and code find nothing; otherwise
/// <see cref="Problem"/> says what to fix, or is null when the correction was taken.
/// </summary>
public sealed record CorrectionOutcome(DisclosureApplication? Application, string? Problem);

/// <summary>What the receipt page shows, once: the number, the secret code, and when the answer is due.</summary>
public sealed record DisclosureReceipt(string Number, string QueryCode, DateOnly ReceivedOn, WorkingDate AnswerDue);

/// <summary>
/// The applicant's side of 依申请公开: submitting (committed before the receipt is shown), looking an application up
/// by number and 查询码, supplying a 补正, and downloading the 答复书. A wrong number or code is indistinguishable
/// from a missing application. The audit log records each step by number, never with personal data.
/// </summary>
public sealed class DisclosureIntake(DatabaseOptions database, PersonalDataCipher cipher,
    WorkingCalendarStore calendars, AuditLog audit, TimeProvider time)
{
    public const string Series = "YSQ";
    public const int CorrectionMax = 2000;
    private const string ApplicantPurpose = "disclosure-applicant:";
    private const string CorrectionPurpose = "disclosure-correction:";

    public DateOnly Today => ChinaTime.Today(time);

    /// <summary>Commits the application and returns its receipt; null when the database stayed busy through every
    /// attempt (nothing is stored then, and the applicant is asked to submit again). The receipt is recorded on
    /// <paramref name="claim"/> in the same transaction.</summary>
    public async Task<DisclosureReceipt?> SubmitAsync(ApplicationForm form, string? clientAddress,
        FormPostClaim? claim, CancellationToken cancellationToken)
    {
        var code = QueryCode.NewCode();
        var hash = QueryCode.Hash(code);
        var details = JsonSerializer.Serialize(form.Details());
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var today = Today;
            await using var db = database.CreateContext();
            var siteId = await db.CurrentSiteIdAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await ReceiptNumbers.NextAsync(db, siteId, Series, today, cancellationToken);
            db.DisclosureApplications.Add(new DisclosureApplication
            {
                SiteId = siteId, Number = number, QueryCodeSalt = hash.Salt, QueryCodeHash = hash.Hash,
                ApplicantType = form.ApplicantType,
                OrganisationKind = form.ApplicantType == ApplicantTypes.Organisation ? form.OrganisationKind : "",
                SealedApplicant = cipher.Seal(details, ApplicantPurpose + number),
                Delivery = form.Delivery, Medium = form.Medium, ReceivedOn = today, ReceivedAtUtc = now,
                Status = DisclosureStatus.Submitted, ClockStartsOn = today,
            });
            claim?.RecordIn(db, number);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another application took the same sequence number first: take the next one, after a short random
                // pause so that a burst does not collide again in step.
                if (attempt == 5) return null;
                await Task.Delay(Random.Shared.Next(5, 40) * attempt, cancellationToken);
                continue;
            }
            await audit.WriteAsync("（申请人）", clientAddress, "依申请公开.提交", number,
                $"申请人类型：{ApplicantTypes.Label(form.ApplicantType)}", cancellationToken);
            var calendar = await calendars.CurrentAsync(siteId, cancellationToken);
            return new DisclosureReceipt(number, code, today,
                calendar.Deadline(today, DisclosureDeadlines.AnswerDays));
        }
    }

    /// <summary>The application with this number and code, or null: the same answer for either being wrong.</summary>
    public async Task<DisclosureApplication?> FindAsync(string? number, string? code,
        CancellationToken cancellationToken)
    {
        var normalized = ReceiptNumbers.Normalize(number);
        DisclosureApplication? found = null;
        if (normalized.Length > 0)
        {
            await using var db = database.CreateContext();
            found = await db.DisclosureApplications.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Number == normalized, cancellationToken);
        }
        var stored = found is null ? null : new QueryCodeHash(found.QueryCodeSalt, found.QueryCodeHash);
        return QueryCode.Matches(code, stored) ? found : null;
    }

    public ApplicantDetails ApplicantOf(DisclosureApplication application) =>
        JsonSerializer.Deserialize<ApplicantDetails>(
            cipher.Open(application.SealedApplicant, ApplicantPurpose + application.Number))!;

    public string CorrectionOf(DisclosureApplication application) =>
        application.SealedCorrection.Length == 0
            ? ""
            : cipher.Open(application.SealedCorrection, CorrectionPurpose + application.Number);

    /// <summary>
    /// The applicant's 补正: accepted only while one is asked for; the answer period counts again from today, and the
    /// application goes back to where it stood before the request (registered, or being handled).
    /// </summary>
    public async Task<CorrectionOutcome> SupplyCorrectionAsync(string? number, string? code, string text,
        string? clientAddress, CancellationToken cancellationToken)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (await FindAsync(number, code, cancellationToken) is not { } found) return new CorrectionOutcome(null, null);
        string? problem = text.Length == 0 ? "请填写补正内容：把申请的信息说明得更具体（名称、文号、时间或其他特征）。"
            : text.Length > CorrectionMax ? $"补正内容最多 {CorrectionMax} 字，现有 {text.Length} 字。"
            : null;
        if (problem is not null) return new CorrectionOutcome(found, problem);
        await using var db = database.CreateContext();
        var application = await db.DisclosureApplications.FirstAsync(a => a.Id == found.Id, cancellationToken);
        if (application.Status != DisclosureStatus.AwaitingCorrection)
            return new CorrectionOutcome(application, application.CorrectionSuppliedOn is not null
                ? "补正已经提交过了，无需再次提交。" : "这件申请现在不需要补正。");
        application.SealedCorrection = cipher.Seal(text, CorrectionPurpose + application.Number);
        application.CorrectionSuppliedOn = Today;
        application.ClockStartsOn = Today;
        application.Status = application.ProcessingAtUtc is null
            ? DisclosureStatus.Registered : DisclosureStatus.Processing;
        application.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Staff acted on the application at the same moment: the applicant's text is kept on the page.
            return new CorrectionOutcome(found, "这件申请刚刚被工作人员处理，补正没有提交。您填写的内容已保留，请再提交一次。");
        }
        await audit.WriteAsync("（申请人）", clientAddress, "依申请公开.补正", application.Number,
            "申请人已补正，答复期限重新计算", cancellationToken);
        return new CorrectionOutcome(application, null);
    }
}
