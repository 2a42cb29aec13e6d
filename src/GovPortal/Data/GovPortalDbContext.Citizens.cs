using GovPortal.Citizens.Calendar;
using GovPortal.Citizens.Forms;
using GovPortal.Citizens.Receipts;
using GovPortal.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data;

/// <summary>The tables of citizens' services: the working-day calendar, receipt counters, handled form posts and
/// 依申请公开.</summary>
public abstract partial class GovPortalDbContext
{
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<SiteCalendarDay> SiteCalendarDays => Set<SiteCalendarDay>();
    public DbSet<ReceiptCounter> ReceiptCounters => Set<ReceiptCounter>();
    public DbSet<DisclosureApplication> DisclosureApplications => Set<DisclosureApplication>();
    public DbSet<HandledFormPost> HandledFormPosts => Set<HandledFormPost>();

    private static void CitizenTables(ModelBuilder model)
    {
        model.Entity<CalendarYear>(year =>
        {
            year.HasKey(y => y.Year);
            year.Property(y => y.Year).ValueGeneratedNever();
            year.Property(y => y.Source).HasMaxLength(200);
            year.Property(y => y.UpdatedBy).HasMaxLength(256);
        });
        model.Entity<CalendarDay>(day =>
        {
            day.HasIndex(d => d.Date).IsUnique();
            day.Property(d => d.Name).HasMaxLength(20);
        });
        model.Entity<SiteCalendarDay>(day =>
        {
            day.HasIndex(d => new { d.SiteId, d.Date }).IsUnique();
            day.Property(d => d.Name).HasMaxLength(20);
            day.HasOne<Content.Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<ReceiptCounter>(counter =>
        {
            counter.Property(c => c.Series).HasMaxLength(8);
            counter.HasIndex(c => new { c.SiteId, c.Series, c.Day }).IsUnique();
            counter.Property(c => c.Last).IsConcurrencyToken();
            counter.HasOne<Content.Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<HandledFormPost>(post =>
        {
            post.HasKey(p => p.TokenHash);
            post.Property(p => p.TokenHash).HasMaxLength(64);
            post.Property(p => p.Holder).HasMaxLength(32).IsConcurrencyToken();
            post.Property(p => p.ReceiptNumber).HasMaxLength(32);
            post.HasIndex(p => p.ExpiresAtUtc);
        });
        model.Entity<DisclosureApplication>(application =>
        {
            application.Property(a => a.Number).HasMaxLength(32);
            application.HasIndex(a => a.Number).IsUnique();
            application.HasOne<Content.Site>().WithMany().HasForeignKey(a => a.SiteId)
                .OnDelete(DeleteBehavior.Restrict);
            application.Property(a => a.QueryCodeSalt).HasMaxLength(16);
            application.Property(a => a.QueryCodeHash).HasMaxLength(32);
            application.Property(a => a.ApplicantType).HasMaxLength(20);
            application.Property(a => a.OrganisationKind).HasMaxLength(20);
            application.Property(a => a.SealedApplicant).HasMaxLength(12000);
            application.Property(a => a.Delivery).HasMaxLength(20);
            application.Property(a => a.Medium).HasMaxLength(20);
            application.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
            application.Property(a => a.RegisteredBy).HasMaxLength(256);
            application.Property(a => a.CorrectionRequest).HasMaxLength(2000);
            application.Property(a => a.SealedCorrection).HasMaxLength(12000);
            application.Property(a => a.ExtensionReason).HasMaxLength(1000);
            application.Property(a => a.ExtensionApprovedBy).HasMaxLength(100);
            application.Property(a => a.OutcomeCategory).HasMaxLength(32);
            application.Property(a => a.OutcomeReason).HasMaxLength(40);
            application.Property(a => a.AnswerNote).HasMaxLength(2000);
            application.Property(a => a.AnsweredBy).HasMaxLength(256);
            application.Property(a => a.AnswerFileName).HasMaxLength(255);
            application.Property(a => a.AnswerStoredName).HasMaxLength(64);
            application.Property(a => a.AnswerContentType).HasMaxLength(100);
            application.Property(a => a.Version).IsConcurrencyToken();
            // The annual report counts by year of receipt and outcome; lists filter by status.
            application.HasIndex(a => new { a.SiteId, a.ReceivedOn });
            application.HasIndex(a => new { a.SiteId, a.Status });
        });
    }
}
