using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Accounts;

/// <summary>Reads and saves the one <see cref="SecurityPolicy"/>; every read is fresh, so a change applies at once.
/// </summary>
public sealed class SecurityPolicyStore(DatabaseOptions database)
{
    public async Task<SecurityPolicy> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.SecurityPolicies.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == SecurityPolicy.SingletonId, cancellationToken) ?? new SecurityPolicy();
    }

    public async Task SaveAsync(SecurityPolicy policy, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var stored = await db.SecurityPolicies.FirstOrDefaultAsync(p => p.Id == SecurityPolicy.SingletonId,
            cancellationToken);
        if (stored is null)
        {
            stored = new SecurityPolicy();
            db.SecurityPolicies.Add(stored);
        }
        stored.RequireTwoFactorForEveryone = policy.RequireTwoFactorForEveryone;
        stored.PasswordExpiryDays = policy.PasswordExpiryDays;
        stored.PasswordHistory = policy.PasswordHistory;
        stored.ChangedAtUtc = policy.ChangedAtUtc;
        await db.SaveChangesAsync(cancellationToken);
    }
}
