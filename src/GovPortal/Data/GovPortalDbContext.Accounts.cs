using GovPortal.BackOffice.Accounts;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data;

/// <summary>The back office's security policy and what password expiry and history keep per account.</summary>
public abstract partial class GovPortalDbContext
{
    public DbSet<SecurityPolicy> SecurityPolicies => Set<SecurityPolicy>();

    private static void AccountTables(ModelBuilder model)
    {
        model.Entity<SecurityPolicy>(policy => policy.Property(p => p.Id).ValueGeneratedNever());
        // At most SecurityPolicy.MaxHistory hashes of Identity's format (about 84 characters each).
        model.Entity<StaffUser>(user => user.Property(u => u.PreviousPasswordHashes).HasMaxLength(4000));
    }
}
