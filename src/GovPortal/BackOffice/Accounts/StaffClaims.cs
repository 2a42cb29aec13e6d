using System.Security.Claims;
using GovPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// Puts what every back-office page needs about the signed-in person into the sign-in cookie, including what the
/// person must do before anything else: choose a new password (first sign-in, reset, or expired under the security
/// policy) and enrol in two-step sign-in (<see cref="TwoFactorRequirement"/>). Made at sign-in and again whenever the
/// session is revalidated, so a changed policy or role applies to open sessions too.
/// </summary>
public sealed class StaffClaims(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    SecurityPolicyStore policies, DatabaseOptions database, TimeProvider time)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePassword = "govportal:must-change-password";
    public const string PasswordExpired = "govportal:password-expired";
    public const string MustEnrolTwoFactor = "govportal:must-enrol-two-factor";
    public const string DisplayName = "govportal:display-name";

    /// <summary>The site the account works on, as "{id}:{code}": the back office's site for the request.</summary>
    public const string Site = "govportal:site";

    /// <summary>The site of <paramref name="principal"/>'s account, or null when it names none.</summary>
    public static ScopedSite? SiteOf(ClaimsPrincipal principal)
    {
        var value = principal.FindFirstValue(Site);
        var colon = value?.IndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(value![..colon], out var id) ? new ScopedSite(id, value[(colon + 1)..]) : null;
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var policy = await policies.GetAsync();
        var expired = PasswordExpiry.HasExpired(user, policy, time.GetUtcNow().UtcDateTime);
        if (user.MustChangePassword || expired) identity.AddClaim(new Claim(MustChangePassword, "1"));
        if (expired) identity.AddClaim(new Claim(PasswordExpired, "1"));
        if (!user.TwoFactorEnabled
            && (policy.RequireTwoFactorForEveryone || StaffRoles.IncludeOfficer(await UserManager.GetRolesAsync(user))))
            identity.AddClaim(new Claim(MustEnrolTwoFactor, "1"));
        await using (var db = database.CreateContext())
        {
            var code = await db.Sites.IgnoreQueryFilters().Where(s => s.Id == user.SiteId).Select(s => s.Code)
                .FirstAsync();
            identity.AddClaim(new Claim(Site, $"{user.SiteId}:{code}"));
        }
        identity.AddClaim(new Claim(
            DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}

/// <summary>密码有效期: a password older than the policy's days must be changed before anything else.</summary>
public static class PasswordExpiry
{
    public static bool HasExpired(StaffUser user, SecurityPolicy policy, DateTime nowUtc) =>
        policy.PasswordExpiryDays > 0 && user.PasswordChangedAtUtc is { } changed
        && nowUtc - changed >= TimeSpan.FromDays(policy.PasswordExpiryDays);
}
