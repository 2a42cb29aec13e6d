using GovPortal.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovPortal.Data;

/// <summary>
/// The back office's database. Each provider has its own subclass so that SQLite and PostgreSQL keep separate
/// migration histories (<see cref="SqliteGovPortalDbContext"/>, <see cref="PostgresGovPortalDbContext"/>).
/// </summary>
public abstract class GovPortalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<RelatedFile> RelatedFiles => Set<RelatedFile>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Site>(site =>
        {
            site.Property(s => s.Name).HasMaxLength(200);
            site.Property(s => s.BaseUrl).HasMaxLength(300);
            site.Property(s => s.HostNames).HasMaxLength(1000);
            site.Property(s => s.UserLoginUrl).HasMaxLength(500);
        });

        model.Entity<Channel>(channel =>
        {
            channel.Property(c => c.Name).HasMaxLength(100);
            channel.Property(c => c.Slug).HasMaxLength(64);
            channel.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
            channel.HasIndex(c => new { c.ParentId, c.Slug }).IsUnique();
        });

        model.Entity<Article>(article =>
        {
            article.Property(a => a.Title).HasMaxLength(300);
            article.Property(a => a.Subtitle).HasMaxLength(300);
            article.Property(a => a.Source).HasMaxLength(100);
            article.Property(a => a.Author).HasMaxLength(100);
            article.Property(a => a.Summary).HasMaxLength(2000);
            article.Property(a => a.Url).HasMaxLength(400);
            article.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            article.HasOne(a => a.Channel).WithMany().HasForeignKey(a => a.ChannelId).OnDelete(DeleteBehavior.Restrict);
            article.HasMany(a => a.RelatedFiles).WithOne().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
            // Lists and feeds read "newest published in a channel"; this index makes that a range scan at any size.
            article.HasIndex(a => new { a.ChannelId, a.Status, a.PublishedAtUtc, a.Id });
            article.HasIndex(a => a.Url).IsUnique();
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

public sealed class SqliteGovPortalDbContext(DbContextOptions<SqliteGovPortalDbContext> options) : GovPortalDbContext(options)
{
    // SQLite has no date type. Stored as text, every list read parses two dates per row, which costs more than the
    // rest of the row; UTC ticks sort the same way and read as a plain integer.
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTime>().HaveConversion<UtcTicksConverter>();
}

/// <summary>Stores a UTC <see cref="DateTime"/> as its ticks.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTime, long>(v => v.Ticks, v => new DateTime(v, DateTimeKind.Utc));

public sealed class PostgresGovPortalDbContext(DbContextOptions<PostgresGovPortalDbContext> options) : GovPortalDbContext(options);
