using GovPortal.Content.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data;

/// <summary>The 政府信息公开工作年度报告 of each site and year.</summary>
public abstract partial class GovPortalDbContext
{
    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();

    private static void AnnualReportTables(ModelBuilder model) =>
        model.Entity<AnnualReport>(report =>
        {
            report.HasIndex(r => new { r.SiteId, r.Year }).IsUnique();
            report.HasOne<Content.Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
            report.Property(r => r.Overview).HasMaxLength(AnnualReport.ChapterMax);
            report.Property(r => r.Problems).HasMaxLength(AnnualReport.ChapterMax);
            report.Property(r => r.OtherMatters).HasMaxLength(AnnualReport.ChapterMax);
            report.Property(r => r.TypedFiguresJson).HasMaxLength(4000);
            report.Property(r => r.PublishedJson).HasMaxLength(200000);
            report.Property(r => r.PublishedBy).HasMaxLength(256);
            report.Property(r => r.UpdatedBy).HasMaxLength(256);
            report.Property(r => r.Version).IsConcurrencyToken();
            report.Ignore(r => r.Figures);
            report.Ignore(r => r.Published);
        });
}
