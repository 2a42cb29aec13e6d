using GovPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// Identity's user manager with the back office's rules on every path that saves roles or passwords: 三员分立
/// (<see cref="RoleSeparation"/>) whoever adds a role, and the date and history of every password set.
/// </summary>
public sealed class StaffUserManager(
    IUserStore<StaffUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<StaffUser> passwordHasher,
    IEnumerable<IUserValidator<StaffUser>> userValidators,
    IEnumerable<IPasswordValidator<StaffUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<StaffUser>> logger,
    SecurityPolicyStore policies,
    DatabaseOptions database,
    GovPortalDbContext context,
    TimeProvider time)
    : UserManager<StaffUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer,
        errors, services, logger)
{
    public override Task<IdentityResult> AddToRoleAsync(StaffUser user, string role) =>
        AddToRolesAsync(user, [role]);

    public override async Task<IdentityResult> AddToRolesAsync(StaffUser user, IEnumerable<string> roles)
    {
        var adding = roles.ToList();
        var after = (await GetRolesAsync(user)).Concat(adding);
        if (RoleSeparation.Problem(after) is { } problem)
            return IdentityResult.Failed(new IdentityError { Code = "RoleSeparation", Description = problem });
        return await base.AddToRolesAsync(user, adding);
    }

    /// <summary>
    /// An account is made on the site of the work that makes it (an administrator's request), or, outside any site
    /// (the first administrator, the demo's accounts), on the first site.
    /// </summary>
    public override async Task<IdentityResult> CreateAsync(StaffUser user)
    {
        if (user.SiteId == 0)
        {
            if (SiteScope.Current is { } site) user.SiteId = site.Id;
            else
            {
                await using var db = database.CreateContext();
                user.SiteId = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(CancellationToken);
            }
        }
        return await base.CreateAsync(user);
    }

    /// <summary>
    /// Account names are unique on the whole platform (one sign-in page for every site), so a name is looked for on
    /// every site: a site's administrator cannot make a second account of a name another site already has.
    /// </summary>
    public override async Task<StaffUser?> FindByNameAsync(string userName)
    {
        var normalized = NormalizeName(userName);
        var held = context.ChangeTracker.Entries<StaffUser>().Any(e => e.Entity.NormalizedUserName == normalized);
        StaffUser? user;
        using (SiteScope.Leave()) user = await base.FindByNameAsync(userName);
        // Found for its name only: another site's account is not kept by this request's context, where a later
        // look-up by id (which the context answers from what it holds) could find it. An account the context
        // already held (one being made or changed now) stays as it is.
        if (user is not null && !held && SiteScope.Current is { } site && user.SiteId != site.Id)
            context.Entry(user).State = EntityState.Detached;
        return user;
    }

    public override async Task<IdentityResult> CreateAsync(StaffUser user, string password)
    {
        user.PasswordChangedAtUtc = time.GetUtcNow().UtcDateTime;
        return await base.CreateAsync(user, password);
    }

    public override async Task<IdentityResult> ChangePasswordAsync(StaffUser user, string currentPassword,
        string newPassword) =>
        await RememberAsync(user, user.PasswordHash,
            await base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override async Task<IdentityResult> ResetPasswordAsync(StaffUser user, string token, string newPassword) =>
        await RememberAsync(user, user.PasswordHash, await base.ResetPasswordAsync(user, token, newPassword));

    public override async Task<IdentityResult> AddPasswordAsync(StaffUser user, string password) =>
        await RememberAsync(user, user.PasswordHash, await base.AddPasswordAsync(user, password));

    /// <summary>
    /// After a new password is set: when it was set, and the one it replaced among the earlier ones, as many as the
    /// history needs (the current password is one of them, so N − 1 earlier ones).
    /// </summary>
    private async Task<IdentityResult> RememberAsync(StaffUser user, string? previousHash, IdentityResult result)
    {
        if (!result.Succeeded) return result;
        var keep = Math.Max(0, (await policies.GetAsync()).PasswordHistory - 1);
        var earlier = string.IsNullOrEmpty(previousHash) ? Array.Empty<string>() : [previousHash];
        user.PreviousPasswordHashes = string.Join('\n', earlier.Concat(PasswordHistoryRule.Hashes(user)).Take(keep));
        user.PasswordChangedAtUtc = time.GetUtcNow().UtcDateTime;
        return await UpdateUserAsync(user);
    }
}
