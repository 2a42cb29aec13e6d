using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Disclosure.AnnualReports;

/// <summary>What the records say for a year: table 二's 规章 and 行政规范性文件, and table 三.</summary>
public sealed record ComputedFigures(DocumentCounts Regulations, DocumentCounts NormativeDocuments,
    ApplicationsTable Applications);

/// <summary>What one document contributes to table 二: its dates and validity.</summary>
public sealed record CountedDocument(DateOnly? ReleasedOn, DocumentValidity Validity, DateOnly? ValidityChangedOn);

/// <summary>
/// Computes the report's tables from the records of a site. Table 二 counts published 信息公开 documents whose 体裁 has
/// the role 规章 (<see cref="GenreRoles.Regulation"/>) or 规范性文件 (<see cref="GenreRoles.NormativeDocument"/>),
/// found by role, never by name: 本年制发 = 发布日期 in the year; 本年废止 = 已废止 with the change dated in the year;
/// 现行有效 = released by the year's end and not repealed or expired by then (an amended document stays in force,
/// as amended).
/// </summary>
public static class AnnualReportFigures
{
    public static async Task<ComputedFigures> ComputeAsync(GovPortalDbContext db, int siteId, int year,
        CancellationToken cancellationToken)
    {
        var genres = await db.Classifications.AsNoTracking()
            .Where(c => c.SiteId == siteId && c.Scheme == ClassificationScheme.Genre && c.Role != null)
            .Select(c => new { c.Id, c.Role }).ToListAsync(cancellationToken);
        var regulationIds = genres.Where(g => g.Role == GenreRoles.Regulation).Select(g => (int?)g.Id).ToList();
        var normativeIds = genres.Where(g => g.Role == GenreRoles.NormativeDocument).Select(g => (int?)g.Id)
            .ToList();
        var roleIds = regulationIds.Concat(normativeIds).ToList();
        var documents = await db.Articles.AsNoTracking()
            // Published documents (a seeded one gets its address at the next publish).
            .Where(a => a.SiteId == siteId && a.Kind == DocumentKind.Key && a.Status == ArticleStatus.Published
                        && roleIds.Contains(a.Disclosure.GenreId))
            .Select(a => new { a.Disclosure.GenreId, a.Disclosure.ReleasedOn, a.Disclosure.Validity,
                a.Disclosure.ValidityChangedOn })
            .ToListAsync(cancellationToken);
        var applications = await db.DisclosureApplications.AsNoTracking()
            .Where(a => a.SiteId == siteId)
            .Select(a => new CountedApplication(a.ApplicantType, a.OrganisationKind, a.ReceivedOn, a.AnsweredOn,
                a.OutcomeCategory, a.OutcomeReason))
            .ToListAsync(cancellationToken);
        return new ComputedFigures(
            CountDocuments(documents.Where(d => regulationIds.Contains(d.GenreId))
                .Select(d => new CountedDocument(d.ReleasedOn, d.Validity ?? DocumentValidity.Effective,
                    d.ValidityChangedOn)), year),
            CountDocuments(documents.Where(d => normativeIds.Contains(d.GenreId))
                .Select(d => new CountedDocument(d.ReleasedOn, d.Validity ?? DocumentValidity.Effective,
                    d.ValidityChangedOn)), year),
            ApplicationCounting.Count(applications, year));
    }

    public static DocumentCounts CountDocuments(IEnumerable<CountedDocument> documents, int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        int issued = 0, repealed = 0, inForce = 0;
        foreach (var document in documents)
        {
            if (document.ReleasedOn >= start && document.ReleasedOn <= end) issued++;
            if (document.Validity == DocumentValidity.Repealed && document.ValidityChangedOn >= start
                && document.ValidityChangedOn <= end)
                repealed++;
            var ended = document.Validity is DocumentValidity.Repealed or DocumentValidity.Expired
                        && (document.ValidityChangedOn is null || document.ValidityChangedOn <= end);
            if (document.ReleasedOn <= end && !ended) inForce++;
        }
        return new DocumentCounts(issued, repealed, inForce);
    }
}
