using GovPortal.Content;
using GovPortal.Content.Submissions;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data;

// 信息报送 between the sites of the platform.
public abstract partial class GovPortalDbContext
{
    private static void SubmissionTable(ModelBuilder model) => model.Entity<Submission>(submission =>
    {
        submission.Property(s => s.Title).HasMaxLength(300);
        submission.Property(s => s.Note).HasMaxLength(Submission.NoteMax);
        submission.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        submission.Property(s => s.SubmittedBy).HasMaxLength(256);
        submission.Property(s => s.DecidedBy).HasMaxLength(256);
        submission.Property(s => s.ReturnComment).HasMaxLength(Submission.CommentMax);
        submission.Property(s => s.Version).IsConcurrencyToken();
        submission.HasOne<Site>().WithMany().HasForeignKey(s => s.FromSiteId).OnDelete(DeleteBehavior.Restrict);
        submission.HasOne<Site>().WithMany().HasForeignKey(s => s.ToSiteId).OnDelete(DeleteBehavior.Restrict);
        submission.HasOne<Channel>().WithMany().HasForeignKey(s => s.ToChannelId).OnDelete(DeleteBehavior.Restrict);
        // No key to the articles: the counts outlive an article that is later deleted on either site.
        submission.HasIndex(s => new { s.ToSiteId, s.State });
        submission.HasIndex(s => new { s.FromSiteId, s.FromArticleId });
    });
}
