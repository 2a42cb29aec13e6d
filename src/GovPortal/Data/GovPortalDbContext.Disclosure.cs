using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovPortal.Data;

// The 信息公开 model: organisations, classification lists, the 索引号 counters and register, and the documents' facts
// as columns of the content tables.
public abstract partial class GovPortalDbContext
{
    private static void DisclosureTables(ModelBuilder model)
    {
        model.Entity<Organisation>(organisation =>
        {
            organisation.Property(o => o.Name).HasMaxLength(Organisation.MaxNameLength);
            organisation.Property(o => o.CreditCode).HasMaxLength(18);
            organisation.HasOne<Site>().WithMany().HasForeignKey(o => o.SiteId).OnDelete(DeleteBehavior.Restrict);
            organisation.HasIndex(o => new { o.SiteId, o.Name }).IsUnique();
            // One copy of each platform entry per site (no key: the platform's entry may go, its copies stay).
            organisation.HasIndex(o => new { o.SiteId, o.PlatformId }).IsUnique();
        });
        model.Entity<Classification>(entry =>
        {
            entry.Property(c => c.Name).HasMaxLength(Classification.MaxNameLength);
            entry.Property(c => c.Scheme).HasConversion<string>().HasMaxLength(20);
            entry.Property(c => c.Role).HasMaxLength(32);
            entry.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
            entry.HasIndex(c => new { c.SiteId, c.Scheme, c.Name }).IsUnique();
            entry.HasIndex(c => new { c.SiteId, c.PlatformId }).IsUnique();
        });
        model.Entity<IndexNumberCounter>(counter =>
        {
            counter.Property(c => c.Scope).HasMaxLength(DisclosureFacts.MaxIndexNumberLength);
            counter.Property(c => c.Last).IsConcurrencyToken();
            counter.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
            counter.HasIndex(c => new { c.SiteId, c.Scope }).IsUnique();
        });
        model.Entity<IssuedIndexNumber>(issued =>
        {
            issued.Property(i => i.Value).HasMaxLength(DisclosureFacts.MaxIndexNumberLength);
            issued.HasOne<Site>().WithMany().HasForeignKey(i => i.SiteId).OnDelete(DeleteBehavior.Restrict);
            // The guarantee that a 索引号 is unique within its site and never given twice.
            issued.HasIndex(i => new { i.SiteId, i.Value }).IsUnique();
            issued.HasIndex(i => i.ArticleId);
        });
    }

    /// <summary>
    /// The queried 信息公开 facts as columns (Disclosure_…) of the live articles and the revisions; the live articles
    /// are indexed for the catalogue's queries. Organisations and classifications in use cannot be deleted.
    /// </summary>
    private static void DisclosureColumns<T>(EntityTypeBuilder<T> content, bool indexed)
        where T : class, IArticleContent
    {
        content.OwnsOne(c => c.Disclosure, facts =>
        {
            facts.Property(f => f.IndexNumber).HasMaxLength(DisclosureFacts.MaxIndexNumberLength);
            facts.Property(f => f.DocumentNumber).HasMaxLength(DisclosureFacts.MaxDocumentNumberLength);
            facts.Property(f => f.Validity).HasConversion<string>().HasMaxLength(20);
            facts.Property(f => f.InterpretationType).HasConversion<string>().HasMaxLength(20);
            facts.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId)
                .OnDelete(DeleteBehavior.Restrict);
            facts.HasOne<Classification>().WithMany().HasForeignKey(f => f.TopicId).OnDelete(DeleteBehavior.Restrict);
            facts.HasOne<Classification>().WithMany().HasForeignKey(f => f.GenreId).OnDelete(DeleteBehavior.Restrict);
            if (!indexed) return;
            facts.HasIndex(f => f.IndexNumber);
            facts.HasIndex(f => f.ReplacedById);
            facts.HasIndex(f => f.PolicyId);
        });
        content.Navigation(c => c.Disclosure).IsRequired();
    }
}
