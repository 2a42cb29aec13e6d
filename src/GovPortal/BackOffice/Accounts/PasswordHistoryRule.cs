using Microsoft.AspNetCore.Identity;

namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// 密码历史: when the security policy keeps a history of N, a new password may not be the current one or any of the
/// N − 1 before it. Compared by hash; no password is kept.
/// </summary>
public sealed class PasswordHistoryRule(SecurityPolicyStore policies) : IPasswordValidator<StaffUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var history = (await policies.GetAsync()).PasswordHistory;
        if (history <= 0 || string.IsNullOrEmpty(password) || string.IsNullOrEmpty(user.PasswordHash))
            return IdentityResult.Success;
        var hashes = new[] { user.PasswordHash }.Concat(Hashes(user)).Take(history);
        if (hashes.All(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password)
                == PasswordVerificationResult.Failed))
            return IdentityResult.Success;
        return IdentityResult.Failed(new IdentityError
        {
            Code = "PasswordHistory",
            Description = $"新密码不能与最近使用过的 {history} 个密码（含当前密码）相同，请换一个。",
        });
    }

    public static IEnumerable<string> Hashes(StaffUser user) =>
        user.PreviousPasswordHashes.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
