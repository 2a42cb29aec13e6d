using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Organisations;
using GovPortal.Content.Uploads;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovPortal.Data;

/// <summary>
/// The back office's database. Each provider has its own subclass so that SQLite and PostgreSQL keep separate
/// migration histories (<see cref="SqliteGovPortalDbContext"/>, <see cref="PostgresGovPortalDbContext"/>).
/// </summary>
public abstract partial class GovPortalDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<RelatedFile> RelatedFiles => Set<RelatedFile>();
    public DbSet<AlsoListedIn> AlsoListedIn => Set<AlsoListedIn>();
    public DbSet<SiteStatement> SiteStatements => Set<SiteStatement>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<RevisionFile> RevisionFiles => Set<RevisionFile>();
    public DbSet<RetiredAddress> RetiredAddresses => Set<RetiredAddress>();
    public DbSet<ImportedPage> ImportedPages => Set<ImportedPage>();
    public DbSet<Content.Submissions.Submission> Submissions => Set<Content.Submissions.Submission>();
    public DbSet<ChannelGrant> ChannelGrants => Set<ChannelGrant>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainAnchor> AuditChainAnchors => Set<AuditChainAnchor>();
    public DbSet<BackOffice.Health.HealthSnapshot> HealthSnapshots => Set<BackOffice.Health.HealthSnapshot>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Classification> Classifications => Set<Classification>();
    public DbSet<IndexNumberCounter> IndexNumberCounters => Set<IndexNumberCounter>();
    public DbSet<IssuedIndexNumber> IssuedIndexNumbers => Set<IssuedIndexNumber>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The audit log is append-only for the application too, not only for the database triggers.
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only.");
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        CitizenTables(model);
        AnnualReportTables(model);
        InteractionTables(model);
        AccountTables(model);
        SessionTables(model);
        model.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(50);
            user.HasOne<Site>().WithMany().HasForeignKey(u => u.SiteId).OnDelete(DeleteBehavior.Restrict);
        });
        SiteFilters(model);
        model.Entity<ChannelGrant>(grant =>
        {
            grant.Property(g => g.UserId).HasMaxLength(450);
            grant.HasIndex(g => new { g.UserId, g.ChannelId }).IsUnique();
            grant.HasOne<StaffUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
            grant.HasOne<Channel>().WithMany().HasForeignKey(g => g.ChannelId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AuditEntry>(entry =>
        {
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.Target).HasMaxLength(300);
            entry.Property(e => e.Details).HasMaxLength(4000);
            entry.HasIndex(e => e.AtUtc);
            // Unique: two writers can never both append the same place in the hash chain.
            entry.HasIndex(e => e.Sequence).IsUnique();
            entry.Property(e => e.Algorithm).HasMaxLength(16);
            entry.Property(e => e.PreviousHash).HasMaxLength(128);
            entry.Property(e => e.Hash).HasMaxLength(128);
        });
        model.Entity<AuditChainAnchor>(anchor =>
        {
            anchor.Property(a => a.LastPrunedHash).HasMaxLength(128);
            anchor.Property(a => a.ExportFile).HasMaxLength(1000);
            anchor.Property(a => a.ExportSha256).HasMaxLength(64);
            anchor.HasIndex(a => a.PrunedThroughSequence).IsUnique();
        });
        model.Entity<BackOffice.Health.HealthSnapshot>(snapshot => snapshot.HasIndex(s => s.CheckedAtUtc));
        model.Entity<Revision>(revision =>
        {
            ContentColumns(revision);
            DisclosureColumns(revision, indexed: false);
            revision.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            foreach (var name in new[] { nameof(Revision.CreatedBy), nameof(Revision.UpdatedBy),
                nameof(Revision.SubmittedBy), nameof(Revision.RejectedBy), nameof(Revision.PublishedBy),
                nameof(Revision.ForcedReviewedBy) })
                revision.Property<string>(name).HasMaxLength(256);
            revision.Property(r => r.ApprovedBy).HasMaxLength(800);
            revision.Property(r => r.RejectionComment).HasMaxLength(2000);
            revision.Property(r => r.ForcedReason).HasMaxLength(2000);
            revision.Property(r => r.Version).IsConcurrencyToken();
            revision.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            revision.HasOne<Channel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Restrict);
            revision.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.RevisionId).OnDelete(DeleteBehavior.Cascade);
            revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
            revision.HasIndex(r => r.State);
        });
        model.Entity<RevisionFile>(file =>
        {
            file.Property(f => f.DisplayName).HasMaxLength(255);
            file.Property(f => f.StoredName).HasMaxLength(64);
            file.Property(f => f.Extension).HasMaxLength(10);
            file.Property(f => f.ContentType).HasMaxLength(100);
        });
        model.Entity<Site>(site =>
        {
            site.Property(s => s.Code).HasMaxLength(32).HasDefaultValue("main");
            site.HasIndex(s => s.Code).IsUnique();
            site.Property(s => s.Name).HasMaxLength(200);
            site.Property(s => s.BaseUrl).HasMaxLength(300);
            site.Property(s => s.HostNames).HasMaxLength(1000);
            site.Property(s => s.UserLoginUrl).HasMaxLength(500);
            site.Property(s => s.ThemeColour).HasMaxLength(20).HasDefaultValue("");
            site.Property(s => s.LogoImage).HasMaxLength(ArticlePictures.MaxNameLength).HasDefaultValue("");
            site.Property(s => s.NewMediaAccounts).HasMaxLength(Content.NewMediaAccounts.MaxLength).HasDefaultValue("");
            // A JSON list of at most HomeLayout.MaxBlocks small blocks; no length limit, so text suits both databases.
            site.Property(s => s.HomeLayout).HasDefaultValue("");
            site.Property(s => s.HomeLayoutDraft).HasDefaultValue("");
            site.Property(s => s.IndexNumberPattern).HasMaxLength(IndexNumberPattern.MaxLength)
                .HasDefaultValue(IndexNumberPattern.Default);
        });
        DisclosureTables(model);

        model.Entity<Channel>(channel =>
        {
            channel.Property(c => c.Name).HasMaxLength(100);
            channel.Property(c => c.Slug).HasMaxLength(64);
            channel.Property(c => c.DisclosureRole).HasConversion<string>().HasMaxLength(20)
                .HasDefaultValue(ChannelDisclosureRole.None).HasSentinel(ChannelDisclosureRole.None);
            channel.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId)
                .OnDelete(DeleteBehavior.Restrict);
            channel.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
            channel.HasIndex(c => new { c.SiteId, c.ParentId, c.Slug }).IsUnique();
            channel.Property(c => c.Type).HasConversion<string>().HasMaxLength(20)
                .HasDefaultValue(ChannelType.List).HasSentinel(ChannelType.List);
            channel.Property(c => c.ListStyle).HasConversion<string>().HasMaxLength(20)
                .HasDefaultValue(ListStyle.Titles).HasSentinel(ListStyle.Titles);
            channel.Property(c => c.LinkUrl).HasMaxLength(ExternalLinks.MaxLength).HasDefaultValue("");
            channel.Property(c => c.Introduction).HasMaxLength(ChannelTypes.MaxIntroductionLength).HasDefaultValue("");
            channel.Property(c => c.BannerImage).HasMaxLength(ArticlePictures.MaxNameLength).HasDefaultValue("");
            channel.Property(c => c.BannerAlt).HasMaxLength(ChannelTypes.MaxBannerAltLength).HasDefaultValue("");
        });

        model.Entity<Article>(article =>
        {
            ContentColumns(article);
            DisclosureColumns(article, indexed: true);
            article.Property(a => a.Url).HasMaxLength(400);
            article.Property(a => a.WithdrawReason).HasMaxLength(2000);
            article.Property(a => a.WithdrawSetBy).HasMaxLength(256);
            article.Property(a => a.DeletedBy).HasMaxLength(256);
            // What is in the 回收站 is invisible to every query but those that ask for it (IgnoreQueryFilters).
            article.HasQueryFilter(TrashFilter, a => a.DeletedAtUtc == null);
            article.HasIndex(a => a.DeletedAtUtc);
            article.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            article.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
            article.HasOne(a => a.Channel).WithMany().HasForeignKey(a => a.ChannelId).OnDelete(DeleteBehavior.Restrict);
            article.HasMany(a => a.RelatedFiles).WithOne().HasForeignKey(f => f.ArticleId)
                .OnDelete(DeleteBehavior.Cascade);
            article.HasMany(a => a.AlsoListedIn).WithOne().HasForeignKey(l => l.ArticleId)
                .OnDelete(DeleteBehavior.Cascade);
            // Lists and feeds read "first published in a channel, in list order" (ListRank); this index makes that a
            // range scan at any size.
            article.HasIndex(a => new { a.ChannelId, a.Status, a.Pinned, a.Weight, a.PublishedAtUtc, a.Id });
            article.HasIndex(a => a.Url).IsUnique();
            // The home page's 焦点图 are read for every change to a featured article: a few rows of this index.
            article.HasIndex(a => new { a.SiteId, a.Featured });
        });

        model.Entity<AlsoListedIn>(listed =>
        {
            listed.ToTable("AlsoListedIn");
            listed.HasKey(l => new { l.ArticleId, l.ChannelId });
            // A channel's list reads the articles listed in it by this index; a deleted channel takes its rows along.
            listed.HasIndex(l => l.ChannelId);
            listed.HasOne<Channel>().WithMany().HasForeignKey(l => l.ChannelId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<SiteStatement>(statement =>
        {
            statement.Property(s => s.Key).HasMaxLength(32);
            statement.Property(s => s.BodyHtml).HasMaxLength(Content.SiteStatements.MaxLength);
            statement.Property(s => s.UpdatedBy).HasMaxLength(256);
            statement.HasIndex(s => new { s.SiteId, s.Key }).IsUnique();
            statement.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Cascade);
        });

        SubmissionTable(model);
        model.Entity<ImportedPage>(imported =>
        {
            imported.Property(i => i.OldPath).HasMaxLength(ImportedPage.MaxPathLength);
            imported.Property(i => i.ContentSha256).HasMaxLength(64);
            imported.HasIndex(i => new { i.SiteId, i.OldPath }).IsUnique();
            imported.HasIndex(i => new { i.SiteId, i.ContentSha256 });
            imported.HasOne<Site>().WithMany().HasForeignKey(i => i.SiteId).OnDelete(DeleteBehavior.Restrict);
            imported.HasOne<Article>().WithMany().HasForeignKey(i => i.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<RetiredAddress>(retired =>
        {
            retired.Property(r => r.Url).HasMaxLength(400);
            retired.HasIndex(r => r.Url).IsUnique();
            retired.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<RelatedFile>(file =>
        {
            file.Property(f => f.DisplayName).HasMaxLength(255);
            file.Property(f => f.StoredName).HasMaxLength(64);
            file.Property(f => f.Extension).HasMaxLength(10);
            file.Property(f => f.ContentType).HasMaxLength(100);
        });
    }
}

public abstract partial class GovPortalDbContext
{
    /// <summary>
    /// The columns of what an editor writes, the same on the live article and on its revisions (limits as the
    /// news kind's fields state them; the form refuses longer values first).
    /// </summary>
    private static void ContentColumns<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> content)
        where T : class, IArticleContent
    {
        content.Property(c => c.Title).HasMaxLength(300);
        content.Property(c => c.Subtitle).HasMaxLength(300);
        content.Property(c => c.TitleColour).HasMaxLength(16).HasDefaultValue("");
        content.Property(c => c.LinkUrl).HasMaxLength(ExternalLinks.MaxLength).HasDefaultValue("");
        content.Property(c => c.LeadImage).HasMaxLength(Content.Uploads.ArticlePictures.MaxNameLength)
            .HasDefaultValue("");
        content.Property(c => c.Source).HasMaxLength(100);
        content.Property(c => c.Author).HasMaxLength(100);
        content.Property(c => c.Summary).HasMaxLength(2000);
        content.Property(c => c.Kind).HasMaxLength(32).HasDefaultValue(Content.Kinds.NewsKind.Key);
        content.Property(c => c.Extras).HasConversion(new ExtrasConverter(), ExtrasConverter.Comparer)
            .HasDefaultValue(new Dictionary<string, string>());
    }
}

public sealed class SqliteGovPortalDbContext(DbContextOptions<SqliteGovPortalDbContext> options)
    : GovPortalDbContext(options)
{
    // SQLite has no date type. Stored as text, every list read parses two dates per row, which costs more than the
    // rest of the row; UTC ticks sort the same way and read as a plain integer.
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTime>().HaveConversion<UtcTicksConverter>();
}

/// <summary>Stores a UTC <see cref="DateTime"/> as its ticks.</summary>
public sealed class UtcTicksConverter()
    : ValueConverter<DateTime, long>(v => v.Ticks, v => new DateTime(v, DateTimeKind.Utc));

public sealed class PostgresGovPortalDbContext(DbContextOptions<PostgresGovPortalDbContext> options)
    : GovPortalDbContext(options);
