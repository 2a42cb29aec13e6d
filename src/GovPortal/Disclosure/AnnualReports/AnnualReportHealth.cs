using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Data;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Health;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Disclosure.AnnualReports;

/// <summary>
/// 政府信息公开年报 in the health report: 《政府信息公开条例》 Art. 49 has every body publish the previous year's report
/// by 31 January. From 1 January (China time) until that report is published the report warns; from 1 February it
/// fails with the strongest level the report has, 单项否决. A site is held to the report of a year in which it did
/// 信息公开 work in GovPortal: a document released that year, an application received by its end, or a report of an
/// earlier year; so a plain news site, or a site for the years before it came to GovPortal, is not.
/// </summary>
public sealed class AnnualReportHealth(DatabaseOptions database) : IHealthProblemSource
{
    public const string Indicator = "政府信息公开年报";

    public IReadOnlyList<string> Indicators => [Indicator];

    public async Task<IReadOnlyList<HealthProblem>> ProblemsAsync(string siteCode, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(nowUtc);
        var due = today.Year - 1;
        await using var db = database.CreateContext();
        var code = siteCode;
        var siteId = await db.Sites.Where(s => s.Code == code).Select(s => s.Id).FirstOrDefaultAsync(
            cancellationToken);
        var reports = db.AnnualReports.Where(r => r.SiteId == siteId);
        if (await reports.AnyAsync(r => r.Year == due && r.PublishedAtUtc != null, cancellationToken)) return [];
        var start = new DateOnly(due, 1, 1);
        var end = new DateOnly(due, 12, 31);
        var disclosing = await reports.AnyAsync(r => r.Year < due, cancellationToken)
            || await db.DisclosureApplications.AnyAsync(a => a.SiteId == siteId && a.ReceivedOn <= end,
                cancellationToken)
            || await db.Articles.AnyAsync(a => a.SiteId == siteId && a.Kind == DocumentKind.Key
                && a.Disclosure.ReleasedOn >= start && a.Disclosure.ReleasedOn <= end, cancellationToken);
        if (!disclosing) return [];
        var late = today > new DateOnly(today.Year, 1, 31);
        return
        [
            new HealthProblem(Indicator, late, AnnualReportAddresses.Of(due),
                late
                    ? $"{due} 年政府信息公开工作年度报告应于 {today.Year} 年 1 月 31 日前公布，至今尚未发布。"
                    : $"{due} 年政府信息公开工作年度报告尚未发布：请在 {today.Year} 年 1 月 31 日前编写并发布。"),
        ];
    }
}
