using GovPortal.BackOffice.Articles;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Sessions;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// 账号管理 under 三员分立: the 系统管理员 creates accounts, renames, disables, resets passwords and unlocks; the
/// 安全管理员 gives accounts their roles and channels. Every action checks the person's role, whatever the page
/// offered, and is audited with what changed (never a password). The system always keeps one usable holder of each of
/// the three administrator roles once there is one, and nobody changes their own roles or disables themselves.
/// </summary>
/// <remarks>
/// Bootstrap: roles are the 安全管理员's, but a new install (or one from before 三员分立) has none. While no usable
/// account holds the 安全管理员 or the 审计管理员 role, the 系统管理员 may create an account holding that one role and
/// nothing else; from then on only a 安全管理员 gives roles, and since the last usable holder of a role can neither be
/// disabled nor lose it, the 系统管理员 cannot reopen the door.
/// </remarks>
public sealed class AccountAdministration(UserManager<StaffUser> users, DatabaseOptions database, AuditLog audit,
    TimeProvider time, SignInSessions sessions, Publishing.ISitePublishers publishers)
{
    private const string NotAllowedMessage = "只有系统管理员可以新建、停用账号和重置密码。";
    private const string RolesNotAllowedMessage = "只有安全管理员可以分配角色和栏目。";
    private const string MissingMessage = "找不到这个账号。";
    private const string DisplayNameProblem = "请填写姓名（不超过 50 个字）。";

    /// <summary>Every account with its roles, channels and state, and the officer roles nobody holds yet.</summary>
    public async Task<AccountList> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<AccountRow>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken))
        {
            rows.Add(new AccountRow(
                User: user,
                Roles: (await users.GetRolesAsync(user)).ToList(),
                Channels: await DescribeGrantsAsync(user.Id, cancellationToken),
                LockedOut: user.LockoutEnd is { } end && end > time.GetUtcNow()));
        }
        return new AccountList(Rows: rows, BootstrapRoles: await BootstrapRolesAsync());
    }

    /// <summary>One account as its page shows it; null when there is no such account.</summary>
    public async Task<AccountDetail?> DetailAsync(string id, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        await using var db = database.CreateContext();
        var granted = await db.ChannelGrants.Where(g => g.UserId == id).Select(g => g.ChannelId)
            .ToListAsync(cancellationToken);
        return new AccountDetail(
            User: user,
            Roles: (await users.GetRolesAsync(user)).ToHashSet(),
            Channels: granted.ToHashSet(),
            AllChannels: await ChannelOptionsAsync(cancellationToken),
            LockedOut: await users.IsLockedOutAsync(user));
    }

    /// <summary>
    /// The 安全管理员 and 审计管理员 roles that no usable account holds: the ones the 系统管理员 may create an account
    /// for (see the remarks of this class).
    /// </summary>
    public async Task<IReadOnlyList<string>> BootstrapRolesAsync()
    {
        var open = new List<string>();
        foreach (var role in new[] { StaffRoles.SecurityAdministrator, StaffRoles.AuditAdministrator })
            if (!(await users.GetUsersInRoleAsync(role)).Any(u => !u.IsDisabled)) open.Add(role);
        return open;
    }

    /// <summary>
    /// Creates an account with a random temporary password, to be changed at the first sign-in. Without roles: the
    /// 安全管理员 gives them, except the one officer role of a bootstrap (<see cref="BootstrapRolesAsync"/>). The
    /// message of a success carries that password: show it on the page once, never in the notice cookie or a log.
    /// </summary>
    public async Task<BackOfficeResult> CreateAsync(Staff actor, NewAccountForm form,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var userName = form.UserName.Trim();
        var displayName = form.DisplayName.Trim();
        var roles = KnownRoles(form.Roles);
        if (userName.Length is < 2 or > 64) return BackOfficeResult.Refused("账号名应为 2 到 64 个字符（字母、数字、点、- 和 _）。");
        if (displayName.Length is < 1 or > 50) return BackOfficeResult.Refused(DisplayNameProblem);
        if (form.ChannelIds.Count > 0 || roles.Count > 1
            || (roles.Count == 1 && !(await BootstrapRolesAsync()).Contains(roles[0])))
            return BackOfficeResult.Refused("三员分立：角色和栏目由安全管理员分配，系统管理员新建的账号不带角色。"
                + "只有在还没有可用的安全管理员或审计管理员账号时，系统管理员才可以新建一个只担任该角色的账号。");

        var password = FirstAdministrator.RandomPassword();
        var user = new StaffUser { UserName = userName, DisplayName = displayName, MustChangePassword = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return BackOfficeResult.Refused(Describe(created));
        if (roles.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, roles);
            if (!added.Succeeded)
            {
                await users.DeleteAsync(user);
                return BackOfficeResult.Refused(Describe(added));
            }
        }
        await AuditAsync(actor, AuditActions.AccountCreated, userName,
            $"新建账号 {userName}（{displayName}），角色：{RoleList(roles)}", cancellationToken);
        return BackOfficeResult.Done(
            $"已新建账号 {userName}。临时密码：{password}（只显示这一次，请当面或通过安全渠道告知本人；首次登录须修改密码）");
    }

    /// <summary>Name, disabled or not (the 系统管理员's part); the account's sessions follow at their next request.
    /// </summary>
    public async Task<BackOfficeResult> UpdateAsync(Staff actor, string id, AccountSettingsForm form,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var user = await users.FindByIdAsync(id);
        if (user is null) return BackOfficeResult.Missing(MissingMessage);
        var displayName = form.DisplayName.Trim();
        if (displayName.Length is < 1 or > 50) return BackOfficeResult.Refused(DisplayNameProblem);
        var roles = await users.GetRolesAsync(user);
        if (form.Disabled && !user.IsDisabled)
        {
            if (string.Equals(user.UserName, actor.UserName, StringComparison.OrdinalIgnoreCase))
                return BackOfficeResult.Refused("不能停用自己的账号，以免无人能管理系统。请由其他系统管理员操作。");
            if (roles.FirstOrDefault(r => r is StaffRoles.SecurityAdministrator or StaffRoles.AuditAdministrator)
                is { } officer)
                return BackOfficeResult.Refused($"三员分立：这是{StaffRoles.Label(officer)}账号，系统管理员不能停用。"
                    + "请先由安全管理员取消其角色，再停用。");
            if (roles.Contains(StaffRoles.Administrator) && await UsableHoldersAsync(StaffRoles.Administrator) <= 1)
                return BackOfficeResult.Refused("这是最后一个可用的系统管理员账号，不能停用。");
        }

        var changes = new List<string>();
        if (user.DisplayName != displayName) changes.Add($"姓名“{user.DisplayName}”→“{displayName}”");
        if (user.IsDisabled != form.Disabled) changes.Add(form.Disabled ? "停用账号" : "启用账号");
        user.DisplayName = displayName;
        user.IsDisabled = form.Disabled;
        await users.UpdateAsync(user);
        // Signed-in sessions of this account read the change at their next request (Sessions.SessionCookie); a
        // disabled account's sessions end now, each recorded as ended by the administrator.
        await users.UpdateSecurityStampAsync(user);
        if (form.Disabled)
            await sessions.EndAllAsync(user.Id, keep: null, SessionEndReason.AccountDisabled, actor.UserName,
                actor.IpAddress, cancellationToken);
        if (changes.Count == 0) return BackOfficeResult.Done("没有需要保存的修改。");
        await AuditAsync(actor, AuditActions.AccountChanged, user.UserName!,
            $"修改账号 {user.UserName}：{string.Join("；", changes)}", cancellationToken);
        return BackOfficeResult.Done("已保存。");
    }

    /// <summary>
    /// Roles and channels (the 安全管理员's part), under 三员分立; the account's sessions follow at their next request.
    /// </summary>
    public async Task<BackOfficeResult> SetRolesAsync(Staff actor, string id, AccountRolesForm form,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.SecurityAdministrator)) return BackOfficeResult.NotAllowed(RolesNotAllowedMessage);
        var user = await users.FindByIdAsync(id);
        if (user is null) return BackOfficeResult.Missing(MissingMessage);
        if (string.Equals(user.UserName, actor.UserName, StringComparison.OrdinalIgnoreCase))
            return BackOfficeResult.Refused("不能修改自己的角色和栏目。请由其他安全管理员操作。");
        var roles = KnownRoles(form.Roles);
        if (RoleSeparation.Problem(roles) is { } problem) return BackOfficeResult.Refused(problem);
        if (roles.Contains(StaffRoles.PlatformAdministrator) && SiteScope.Current is { } site
            && site.Code != publishers.First.SiteCode)
            return BackOfficeResult.Refused("平台管理员只能由平台首个网站的账号担任。");
        var before = await users.GetRolesAsync(user);
        foreach (var officer in StaffRoles.Officers.Where(r => before.Contains(r) && !roles.Contains(r)))
            if (!user.IsDisabled && await UsableHoldersAsync(officer) <= 1)
                return BackOfficeResult.Refused(
                    $"这是最后一个可用的{StaffRoles.Label(officer)}账号，不能取消其角色。请先为其他账号分配该角色。");

        var changes = new List<string>();
        var added = roles.Except(before).ToList();
        var removed = before.Except(roles).ToList();
        // Removed first, so that an account can move from one of the three administrator roles to another.
        if (removed.Count > 0) await users.RemoveFromRolesAsync(user, removed);
        if (added.Count > 0 && await users.AddToRolesAsync(user, added) is { Succeeded: false } refused)
        {
            await users.AddToRolesAsync(user, removed);
            return BackOfficeResult.Refused(Describe(refused));
        }
        if (added.Count > 0 || removed.Count > 0) changes.Add($"角色 {RoleList(before)} → {RoleList(roles)}");
        var channelsBefore = await DescribeGrantsAsync(id, cancellationToken);
        var channelsAfter = await SetChannelsAsync(id, form.ChannelIds, cancellationToken);
        if (channelsBefore != channelsAfter) changes.Add($"栏目 {channelsBefore} → {channelsAfter}");
        await users.UpdateSecurityStampAsync(user);
        if (changes.Count == 0) return BackOfficeResult.Done("没有需要保存的修改。");
        await AuditAsync(actor, AuditActions.AccountChanged, user.UserName!,
            $"修改账号 {user.UserName}：{string.Join("；", changes)}", cancellationToken);
        return BackOfficeResult.Done("已保存。");
    }

    /// <summary>
    /// A new random password that must be changed at the next sign-in. The message of a success carries it: show it
    /// on the page once, never in the notice cookie or a log. A 安全管理员's or 审计管理员's password is reset only
    /// once that account uses two-step sign-in, which a reset leaves in place: otherwise the 系统管理员 could take the
    /// account over with the password just made.
    /// </summary>
    public async Task<BackOfficeResult> ResetPasswordAsync(Staff actor, string id,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var user = await users.FindByIdAsync(id);
        if (user is null) return BackOfficeResult.Missing(MissingMessage);
        if (!user.TwoFactorEnabled && (await users.GetRolesAsync(user)).FirstOrDefault(
                r => r is StaffRoles.SecurityAdministrator or StaffRoles.AuditAdministrator) is { } officer)
            return BackOfficeResult.Refused($"三员分立：这个{StaffRoles.Label(officer)}账号还没有启用两步验证，"
                + "系统管理员重置其密码就能登录该账号，因此不能重置。请由安全管理员先取消其角色，或由本人启用两步验证后再重置。");
        var password = FirstAdministrator.RandomPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded) return BackOfficeResult.Refused(Describe(reset));
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        // Nobody goes on working with the old password's sessions.
        await sessions.EndAllAsync(user.Id, keep: null, SessionEndReason.PasswordReset, actor.UserName,
            actor.IpAddress, cancellationToken);
        await AuditAsync(actor, AuditActions.PasswordReset, user.UserName!,
            $"重置账号 {user.UserName} 的密码（须在下次登录时修改）", cancellationToken);
        return BackOfficeResult.Done($"已重置密码。临时密码：{password}（只显示这一次；本人下次登录须修改密码）");
    }

    /// <summary>Ends a lock-out after too many failed sign-ins.</summary>
    public async Task<BackOfficeResult> UnlockAsync(Staff actor, string id,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var user = await users.FindByIdAsync(id);
        if (user is null) return BackOfficeResult.Missing(MissingMessage);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(actor, AuditActions.AccountUnlocked, user.UserName!, $"解除账号 {user.UserName} 的锁定",
            cancellationToken);
        return BackOfficeResult.Done("已解除锁定。");
    }

    private async Task<int> UsableHoldersAsync(string role) =>
        (await users.GetUsersInRoleAsync(role)).Count(u => !u.IsDisabled);

    private Task AuditAsync(Staff actor, string action, string userName, string details,
        CancellationToken cancellationToken) =>
        audit.WriteAsync(actor.UserName, actor.IpAddress, action, $"账号 {userName}", details, cancellationToken);

    private static List<string> KnownRoles(IEnumerable<string> roles) =>
        roles.Where(StaffRoles.All.Contains).Distinct().ToList();

    private static string RoleList(IEnumerable<string> roles) =>
        roles.Any()
            ? string.Join("、", roles.OrderBy(r => StaffRoles.All.ToList().IndexOf(r)).Select(StaffRoles.Label))
            : "无";

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    /// <summary>Grants exactly the existing channels among <paramref name="channelIds"/>; returns them named.</summary>
    private async Task<string> SetChannelsAsync(string userId, IEnumerable<int> channelIds,
        CancellationToken cancellationToken)
    {
        await using (var db = database.CreateContext())
        {
            var existing = await db.Channels.Select(c => c.Id).ToListAsync(cancellationToken);
            var wanted = channelIds.Where(existing.Contains).ToHashSet();
            var grants = await db.ChannelGrants.Where(g => g.UserId == userId).ToListAsync(cancellationToken);
            db.ChannelGrants.RemoveRange(grants.Where(g => !wanted.Contains(g.ChannelId)));
            db.ChannelGrants.AddRange(wanted.Where(c => grants.All(g => g.ChannelId != c))
                .Select(c => new ChannelGrant { UserId = userId, ChannelId = c }));
            await db.SaveChangesAsync(cancellationToken);
        }
        return await DescribeGrantsAsync(userId, cancellationToken);
    }

    private async Task<string> DescribeGrantsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var names = await db.ChannelGrants.Where(g => g.UserId == userId)
            .Join(db.Channels, g => g.ChannelId, c => c.Id, (g, c) => c.Name).OrderBy(n => n)
            .ToListAsync(cancellationToken);
        return names.Count == 0 ? "无" : string.Join("、", names);
    }

    private async Task<List<ChannelOption>> ChannelOptionsAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var tree = new ChannelTree(await db.Channels.AsNoTracking().ToListAsync(cancellationToken));
        return ChannelOptions.From(tree, _ => true);
    }
}

/// <summary>The accounts as the account list shows them.</summary>
/// <param name="BootstrapRoles">The roles the 系统管理员 may create an account for (nobody holds them yet).</param>
public sealed record AccountList(IReadOnlyList<AccountRow> Rows, IReadOnlyList<string> BootstrapRoles);

/// <summary>One account as its page shows it.</summary>
public sealed record AccountDetail(StaffUser User, IReadOnlySet<string> Roles, IReadOnlySet<int> Channels,
    IReadOnlyList<ChannelOption> AllChannels, bool LockedOut);
