using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Sessions;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data;

// The back office's sign-in sessions, checked at every request.
public abstract partial class GovPortalDbContext
{
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    private static void SessionTables(ModelBuilder model) =>
        model.Entity<SignInSession>(session =>
        {
            session.Property(s => s.Id).HasMaxLength(64);
            session.Property(s => s.UserId).HasMaxLength(450);
            session.Property(s => s.ClientAddress).HasMaxLength(64);
            session.Property(s => s.UserAgent).HasMaxLength(SignInSession.UserAgentLength);
            session.Property(s => s.EndedBy).HasMaxLength(256);
            session.Property(s => s.EndReason).HasMaxLength(32);
            session.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            session.HasIndex(s => new { s.UserId, s.LastSeenAtUtc });
        });
}
