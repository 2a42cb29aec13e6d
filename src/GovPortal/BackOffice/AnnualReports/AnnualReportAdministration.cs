using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Data;
using GovPortal.Disclosure.AnnualReports;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.AnnualReports;

/// <summary>One year in the list of reports.</summary>
public sealed record AnnualReportRow(int Year, DateTime? PublishedAtUtc, DateTime UpdatedAtUtc, string UpdatedBy);

/// <summary>One year's report as the edit page shows it: what is saved, and the tables computed now.</summary>
public sealed record AnnualReportDraft(int Year, AnnualReport? Saved, AnnualReportSnapshot Computed);

/// <summary>
/// The annual report in the back office, for the 信息公开 role and administrators (the report holds no personal
/// data): computing the tables of a year from the records, saving the chapters and typed figures, and publishing
/// (only once the year is over), which freezes everything and writes the pages through the publisher. Every save
/// and publication is audited.
/// </summary>
public sealed class AnnualReportAdministration(DatabaseOptions database, ISitePublishers publishers,
    AuditLog audit, TimeProvider time)
{
    /// <summary>The first year the 条例 applied (2008): no report is older.</summary>
    public const int FirstYear = 2008;

    public static bool MayHandle(Staff staff) =>
        staff.Is(StaffRoles.Disclosure) || staff.Is(StaffRoles.Administrator);

    private DateOnly Today => ChinaTime.Today(time);

    /// <summary>The years a report may be written for: from 2008 to this year.</summary>
    public bool IsYear(int year) => year >= FirstYear && year <= Today.Year;

    public int DefaultYear => Today.Year - 1;

    public async Task<IReadOnlyList<AnnualReportRow>?> ListAsync(Staff staff, CancellationToken cancellationToken)
    {
        if (!MayHandle(staff)) return null;
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        return await db.AnnualReports.AsNoTracking().Where(r => r.SiteId == siteId).OrderByDescending(r => r.Year)
            .Select(r => new AnnualReportRow(r.Year, r.PublishedAtUtc, r.UpdatedAtUtc, r.UpdatedBy))
            .ToListAsync(cancellationToken);
    }

    public async Task<AnnualReportDraft?> OpenAsync(Staff staff, int year, CancellationToken cancellationToken)
    {
        if (!MayHandle(staff) || !IsYear(year)) return null;
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var saved = await db.AnnualReports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.SiteId == siteId && r.Year == year, cancellationToken);
        var snapshot = await SnapshotAsync(db, siteId, year, saved ?? new AnnualReport { Year = year },
            saved?.Figures ?? TypedFigures.Empty, cancellationToken);
        return new AnnualReportDraft(year, saved, snapshot);
    }

    public Task<BackOfficeResult> SaveAsync(Staff staff, int year, int version, AnnualReportForm form,
        CancellationToken cancellationToken) =>
        WriteAsync(staff, year, version, form, publish: false, cancellationToken);

    public Task<BackOfficeResult> PublishAsync(Staff staff, int year, int version, AnnualReportForm form,
        CancellationToken cancellationToken) =>
        WriteAsync(staff, year, version, form, publish: true, cancellationToken);

    private async Task<BackOfficeResult> WriteAsync(Staff staff, int year, int version, AnnualReportForm form,
        bool publish, CancellationToken cancellationToken)
    {
        if (!MayHandle(staff))
            return BackOfficeResult.NotAllowed("只有“信息公开”角色和系统管理员可以编写政府信息公开年报。");
        if (!IsYear(year)) return BackOfficeResult.Missing($"年份须在 {FirstYear} 年到今年之间。");
        var (figures, problem) = form.Read();
        if (figures is null) return BackOfficeResult.Refused(problem!);
        if (publish && year >= Today.Year)
            return BackOfficeResult.Refused($"{year} 年尚未结束，年度报告要到 {year + 1} 年 1 月 1 日起才能发布。");
        if (publish && form.Overview.Trim().Length == 0)
            return BackOfficeResult.Refused("请先填写“一、总体情况”，再发布年度报告。");

        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var report = await db.AnnualReports
            .FirstOrDefaultAsync(r => r.SiteId == siteId && r.Year == year, cancellationToken);
        if (report is null)
        {
            if (version != 0) return Stale();
            report = new AnnualReport { SiteId = siteId, Year = year, Version = 0 };
            db.AnnualReports.Add(report);
        }
        else if (report.Version != version) return Stale();

        var now = time.GetUtcNow().UtcDateTime;
        report.Overview = form.Overview.Trim();
        report.Problems = form.Problems.Trim();
        report.OtherMatters = form.OtherMatters.Trim();
        report.TypedFiguresJson = figures.ToJson();
        report.UpdatedAtUtc = now;
        report.UpdatedBy = staff.UserName;
        report.Version++;
        if (publish)
        {
            var snapshot = await SnapshotAsync(db, siteId, year, report, figures, cancellationToken);
            report.PublishedJson = snapshot.ToJson();
            report.PublishedAtUtc = now;
            report.PublishedBy = staff.UserName;
        }
        using var change = publish ? publishers.Current().BeginChange() : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            change?.Saved();
        }
        catch (DbUpdateException)
        {
            return Stale();
        }
        await audit.WriteAsync(staff.UserName, staff.IpAddress, publish ? "年报.发布" : "年报.保存",
            $"{year}年政府信息公开年报", publish ? "发布并冻结统计表" : "保存草稿", cancellationToken);
        if (!publish) return BackOfficeResult.Done($"{year} 年年度报告草稿已保存。");
        await publishers.Current().PublishAnnualReportsAsync(cancellationToken);
        change?.Published();
        return BackOfficeResult.Done($"{year} 年年度报告已发布：{AnnualReportAddresses.Of(year)}");
    }

    private static BackOfficeResult Stale() =>
        BackOfficeResult.Stale("这份年度报告已被他人修改，页面上的内容已过时。您填写的内容仍在表单中，请核对后重新提交。");

    private async Task<AnnualReportSnapshot> SnapshotAsync(GovPortalDbContext db, int siteId, int year,
        AnnualReport report, TypedFigures figures, CancellationToken cancellationToken)
    {
        var computed = await AnnualReportFigures.ComputeAsync(db, siteId, year, cancellationToken);
        var name = await db.Sites.Where(s => s.Id == siteId).Select(s => s.Name).FirstAsync(cancellationToken);
        return new AnnualReportSnapshot(year, AnnualReportSnapshot.TitleOf(name, year), report.Overview,
            computed.Regulations, computed.NormativeDocuments, figures, computed.Applications, report.Problems,
            report.OtherMatters, Today);
    }

    private static Task<int> SiteIdAsync(GovPortalDbContext db, CancellationToken cancellationToken) =>
        db.CurrentSiteIdAsync(cancellationToken);
}
