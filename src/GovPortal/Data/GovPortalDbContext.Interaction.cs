using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Content.Organisations;
using GovPortal.Interaction.Consultations;
using GovPortal.Interaction.Letters;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data;

// The 互动交流 model: mailboxes, letters and their attachments, organisations' members, consultations and comments.
public abstract partial class GovPortalDbContext
{
    public DbSet<Mailbox> Mailboxes => Set<Mailbox>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<LetterAttachment> LetterAttachments => Set<LetterAttachment>();
    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ConsultationComment> ConsultationComments => Set<ConsultationComment>();

    private static void InteractionTables(ModelBuilder model)
    {
        model.Entity<Mailbox>(mailbox =>
        {
            mailbox.Property(m => m.Code).HasMaxLength(32);
            mailbox.Property(m => m.Name).HasMaxLength(Mailbox.MaxNameLength);
            mailbox.Property(m => m.Description).HasMaxLength(500);
            mailbox.HasOne<Site>().WithMany().HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Restrict);
            mailbox.HasIndex(m => new { m.SiteId, m.Code }).IsUnique();
        });
        model.Entity<Letter>(letter =>
        {
            letter.Property(l => l.Number).HasMaxLength(32);
            letter.HasIndex(l => l.Number).IsUnique();
            letter.HasOne<Site>().WithMany().HasForeignKey(l => l.SiteId).OnDelete(DeleteBehavior.Restrict);
            letter.HasOne<Mailbox>().WithMany().HasForeignKey(l => l.MailboxId).OnDelete(DeleteBehavior.Restrict);
            letter.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId)
                .OnDelete(DeleteBehavior.Restrict);
            letter.HasOne<Letter>().WithMany().HasForeignKey(l => l.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
            letter.Property(l => l.QueryCodeSalt).HasMaxLength(16);
            letter.Property(l => l.QueryCodeHash).HasMaxLength(32);
            letter.Property(l => l.Kind).HasMaxLength(16);
            letter.Property(l => l.SealedContent).HasMaxLength(20000);
            letter.Property(l => l.Status).HasConversion<string>().HasMaxLength(24);
            letter.Property(l => l.ScreeningReason).HasMaxLength(500);
            letter.Property(l => l.AssignedBy).HasMaxLength(256);
            letter.Property(l => l.ReturnReason).HasMaxLength(1000);
            letter.Property(l => l.DraftReply).HasMaxLength(Letter.ReplyMax);
            letter.Property(l => l.DraftedBy).HasMaxLength(256);
            letter.Property(l => l.ReviewComment).HasMaxLength(1000);
            letter.Property(l => l.Reply).HasMaxLength(Letter.ReplyMax);
            letter.Property(l => l.ApprovedBy).HasMaxLength(256);
            letter.Property(l => l.Rating).HasMaxLength(16);
            letter.Property(l => l.SealedRatingComment).HasMaxLength(4000);
            letter.Property(l => l.PublishedBy).HasMaxLength(256);
            letter.Property(l => l.PublicSubject).HasMaxLength(Letter.SubjectMax);
            letter.Property(l => l.PublicText).HasMaxLength(Letter.TextMax);
            letter.Property(l => l.PublicName).HasMaxLength(20);
            letter.Property(l => l.Version).IsConcurrencyToken();
            // Lists filter by status, statistics count by month of receipt, the public list by publication.
            letter.HasIndex(l => new { l.SiteId, l.Status });
            letter.HasIndex(l => new { l.SiteId, l.ReceivedOn });
            letter.HasIndex(l => new { l.SiteId, l.PublishedAtUtc });
            letter.HasIndex(l => l.OrganisationId);
        });
        model.Entity<LetterAttachment>(attachment =>
        {
            attachment.Property(a => a.FileName).HasMaxLength(255);
            attachment.Property(a => a.StoredName).HasMaxLength(64);
            attachment.Property(a => a.ContentType).HasMaxLength(100);
            attachment.HasOne<Letter>().WithMany().HasForeignKey(a => a.LetterId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<OrganisationMember>(member =>
        {
            member.Property(m => m.UserId).HasMaxLength(450);
            member.Property(m => m.Duty).HasMaxLength(16);
            member.HasIndex(m => new { m.OrganisationId, m.UserId, m.Duty }).IsUnique();
            member.HasIndex(m => m.UserId);
            member.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId)
                .OnDelete(DeleteBehavior.Cascade);
            member.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Consultation>(consultation =>
        {
            consultation.Property(c => c.Title).HasMaxLength(Consultation.TitleMax);
            consultation.Property(c => c.Summary).HasMaxLength(2000);
            consultation.Property(c => c.DraftHtml).HasMaxLength(200_000);
            consultation.Property(c => c.CreatedBy).HasMaxLength(256);
            consultation.Property(c => c.FeedbackHtml).HasMaxLength(100_000);
            consultation.Property(c => c.FeedbackPublishedBy).HasMaxLength(256);
            consultation.Property(c => c.Version).IsConcurrencyToken();
            consultation.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
            consultation.HasIndex(c => new { c.SiteId, c.EndsAtUtc });
        });
        model.Entity<ConsultationComment>(comment =>
        {
            comment.Property(c => c.Number).HasMaxLength(32);
            comment.HasIndex(c => c.Number).IsUnique();
            comment.Property(c => c.QueryCodeSalt).HasMaxLength(16);
            comment.Property(c => c.QueryCodeHash).HasMaxLength(32);
            comment.Property(c => c.SealedContent).HasMaxLength(20000);
            comment.Property(c => c.ScreeningReason).HasMaxLength(500);
            comment.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId)
                .OnDelete(DeleteBehavior.Restrict);
        });
    }
}
