using Microsoft.AspNetCore.Identity;

namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// Who must use two-step sign-in: the three administrators always, everyone when the security policy says so. Such
/// an account that has not enrolled can do nothing but enrol (<see cref="StaffClaims.MustEnrolTwoFactor"/>), and
/// cannot switch it off.
/// </summary>
public sealed class TwoFactorRequirement(SecurityPolicyStore policies)
{
    public async Task<bool> AppliesToAsync(UserManager<StaffUser> users, StaffUser user) =>
        StaffRoles.IncludeOfficer(await users.GetRolesAsync(user))
        || (await policies.GetAsync()).RequireTwoFactorForEveryone;

    public const string RequiredMessage =
        "您的账号必须使用两步验证（系统管理员、安全管理员、审计管理员始终需要，安全管理员也可以要求所有账号使用）。";
}
