using GovPortal.BackOffice.Articles;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Accounts;

/// <summary>账号管理 for administrators: accounts, their roles and channels, password resets, unlocking.</summary>
public static class AccountEndpoints
{
    public static void MapAccounts(this RouteGroupBuilder group)
    {
        group.MapGet("/accounts", async (HttpContext context, BackOfficePages pages, UserManager<StaffUser> users, DatabaseOptions database, TimeProvider time) =>
            await pages.RenderAsync<AccountsPage>(new AccountsPageModel(pages.ShellFor(context, "账号管理"), await RowsAsync(users, database, time), await ChannelsAsync(database), null))
        ).RequireAuthorization(StaffRoles.Administrator);

        group.MapPost("/accounts/new", async (HttpContext context, IFormCollection form, BackOfficePages pages, UserManager<StaffUser> users, DatabaseOptions database, AuditLog audit, TimeProvider time) =>
        {
            var userName = ArticleFormReader.Text(form, "userName").Trim();
            var displayName = ArticleFormReader.Text(form, "displayName").Trim();
            var roles = SelectedRoles(form);
            if (userName.Length is < 2 or > 64) return await Refused(context, pages, "账号名应为 2 到 64 个字符（字母、数字、点、- 和 _）。");
            if (displayName.Length is < 1 or > 50) return await Refused(context, pages, "请填写姓名（不超过 50 个字）。");
            var password = FirstAdministrator.RandomPassword();
            var user = new StaffUser { UserName = userName, DisplayName = displayName, MustChangePassword = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return await Refused(context, pages, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRolesAsync(user, roles);
            var channels = await SetChannelsAsync(database, user.Id, form);
            await audit.WriteAsync(context, AuditActions.AccountCreated, $"账号 {userName}", $"新建账号 {userName}（{displayName}），角色：{RoleList(roles)}，栏目：{channels}");
            return await pages.RenderAsync<AccountsPage>(new AccountsPageModel(pages.ShellFor(context, "账号管理"), await RowsAsync(users, database, time), await ChannelsAsync(database),
                $"已新建账号 {userName}。临时密码：{password}（只显示这一次，请当面或通过安全渠道告知本人；首次登录须修改密码）"));
        }).RequireAuthorization(StaffRoles.Administrator);

        group.MapGet("/accounts/{id}", async (string id, HttpContext context, BackOfficePages pages, UserManager<StaffUser> users, DatabaseOptions database) =>
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return await pages.MessageAsync(context, "找不到账号", "找不到这个账号。", StatusCodes.Status404NotFound, pages.Url("accounts"));
            await using var db = database.CreateContext();
            var granted = await db.ChannelGrants.Where(g => g.UserId == id).Select(g => g.ChannelId).ToListAsync(context.RequestAborted);
            return await pages.RenderAsync<AccountEditPage>(new AccountEditPageModel(pages.ShellFor(context, $"账号 {user.UserName}"), user,
                (await users.GetRolesAsync(user)).ToHashSet(), granted.ToHashSet(), await ChannelsAsync(database), await users.IsLockedOutAsync(user), null));
        }).RequireAuthorization(StaffRoles.Administrator);

        group.MapPost("/accounts/{id}", async (string id, HttpContext context, IFormCollection form, BackOfficePages pages, UserManager<StaffUser> users, DatabaseOptions database, AuditLog audit) =>
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return await pages.MessageAsync(context, "找不到账号", "找不到这个账号。", StatusCodes.Status404NotFound, pages.Url("accounts"));
            var displayName = ArticleFormReader.Text(form, "displayName").Trim();
            if (displayName.Length is < 1 or > 50) return await Refused(context, pages, "请填写姓名（不超过 50 个字）。");
            var roles = SelectedRoles(form);
            var disabled = form["disabled"].ToString() == "1";
            var before = await users.GetRolesAsync(user);
            var self = string.Equals(user.UserName, context.User.Identity?.Name, StringComparison.OrdinalIgnoreCase);
            var losesAdmin = before.Contains(StaffRoles.Administrator) && (!roles.Contains(StaffRoles.Administrator) || disabled);
            if (self && losesAdmin) return await Refused(context, pages, "不能取消自己的系统管理员角色或停用自己的账号，以免无人能管理系统。请由其他系统管理员操作。");
            if (losesAdmin && (await users.GetUsersInRoleAsync(StaffRoles.Administrator)).Count(u => !u.IsDisabled) <= 1)
                return await Refused(context, pages, "这是最后一个可用的系统管理员账号，不能取消其管理员角色或停用。");

            var changes = new List<string>();
            if (user.DisplayName != displayName) changes.Add($"姓名“{user.DisplayName}”→“{displayName}”");
            if (user.IsDisabled != disabled) changes.Add(disabled ? "停用账号" : "启用账号");
            user.DisplayName = displayName;
            user.IsDisabled = disabled;
            await users.UpdateAsync(user);
            var added = roles.Except(before).ToList();
            var removed = before.Except(roles).ToList();
            if (added.Count > 0) await users.AddToRolesAsync(user, added);
            if (removed.Count > 0) await users.RemoveFromRolesAsync(user, removed);
            if (added.Count > 0 || removed.Count > 0) changes.Add($"角色 {RoleList(before)} → {RoleList(roles)}");
            var (channelsBefore, channelsAfter) = (await DescribeGrantsAsync(database, id), await SetChannelsAsync(database, id, form));
            if (channelsBefore != channelsAfter) changes.Add($"栏目 {channelsBefore} → {channelsAfter}");
            // Signed-in sessions of this account pick up the change (or end, if disabled) within a minute.
            await users.UpdateSecurityStampAsync(user);
            if (changes.Count > 0) await audit.WriteAsync(context, AuditActions.AccountChanged, $"账号 {user.UserName}", $"修改账号 {user.UserName}：{string.Join("；", changes)}");
            return pages.RedirectWithNotice(context, $"accounts/{id}", changes.Count > 0 ? "已保存。" : "没有需要保存的修改。");
        }).RequireAuthorization(StaffRoles.Administrator);

        group.MapPost("/accounts/{id}/reset-password", async (string id, HttpContext context, IFormCollection _, BackOfficePages pages, UserManager<StaffUser> users, DatabaseOptions database, AuditLog audit) =>
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return await pages.MessageAsync(context, "找不到账号", "找不到这个账号。", StatusCodes.Status404NotFound, pages.Url("accounts"));
            var password = FirstAdministrator.RandomPassword();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded) return await Refused(context, pages, string.Join(" ", reset.Errors.Select(e => e.Description)));
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
            await audit.WriteAsync(context, AuditActions.PasswordReset, $"账号 {user.UserName}", $"重置账号 {user.UserName} 的密码（须在下次登录时修改）");
            await using var db = database.CreateContext();
            var granted = await db.ChannelGrants.Where(g => g.UserId == id).Select(g => g.ChannelId).ToListAsync(context.RequestAborted);
            return await pages.RenderAsync<AccountEditPage>(new AccountEditPageModel(pages.ShellFor(context, $"账号 {user.UserName}"), user,
                (await users.GetRolesAsync(user)).ToHashSet(), granted.ToHashSet(), await ChannelsAsync(database), await users.IsLockedOutAsync(user),
                $"已重置密码。临时密码：{password}（只显示这一次；本人下次登录须修改密码）"));
        }).RequireAuthorization(StaffRoles.Administrator);

        group.MapPost("/accounts/{id}/unlock", async (string id, HttpContext context, IFormCollection _, BackOfficePages pages, UserManager<StaffUser> users, AuditLog audit) =>
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return await pages.MessageAsync(context, "找不到账号", "找不到这个账号。", StatusCodes.Status404NotFound, pages.Url("accounts"));
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.WriteAsync(context, AuditActions.AccountUnlocked, $"账号 {user.UserName}", $"解除账号 {user.UserName} 的锁定");
            return pages.RedirectWithNotice(context, $"accounts/{id}", "已解除锁定。");
        }).RequireAuthorization(StaffRoles.Administrator);
    }

    private static List<string> SelectedRoles(IFormCollection form) =>
        form["role"].Where(r => r is not null && StaffRoles.All.Contains(r)).Select(r => r!).Distinct().ToList();

    private static string RoleList(IEnumerable<string> roles) =>
        roles.Any() ? string.Join("、", roles.OrderBy(r => StaffRoles.All.ToList().IndexOf(r)).Select(StaffRoles.Label)) : "无";

    private static async Task<string> SetChannelsAsync(DatabaseOptions database, string userId, IFormCollection form)
    {
        await using var db = database.CreateContext();
        var existing = await db.Channels.Select(c => c.Id).ToListAsync();
        var wanted = form["channel"].Select(v => int.TryParse(v, out var id) ? id : 0).Where(existing.Contains).ToHashSet();
        var grants = await db.ChannelGrants.Where(g => g.UserId == userId).ToListAsync();
        db.ChannelGrants.RemoveRange(grants.Where(g => !wanted.Contains(g.ChannelId)));
        db.ChannelGrants.AddRange(wanted.Where(c => grants.All(g => g.ChannelId != c)).Select(c => new ChannelGrant { UserId = userId, ChannelId = c }));
        await db.SaveChangesAsync();
        return await DescribeGrantsAsync(database, userId);
    }

    private static async Task<string> DescribeGrantsAsync(DatabaseOptions database, string userId)
    {
        await using var db = database.CreateContext();
        var names = await db.ChannelGrants.Where(g => g.UserId == userId).Join(db.Channels, g => g.ChannelId, c => c.Id, (g, c) => c.Name).OrderBy(n => n).ToListAsync();
        return names.Count == 0 ? "无" : string.Join("、", names);
    }

    private static async Task<List<ChannelOption>> ChannelsAsync(DatabaseOptions database)
    {
        await using var db = database.CreateContext();
        return ChannelOptions.From(new ChannelTree(await db.Channels.AsNoTracking().ToListAsync()), _ => true);
    }

    private static async Task<List<AccountRow>> RowsAsync(UserManager<StaffUser> users, DatabaseOptions database, TimeProvider time)
    {
        var rows = new List<AccountRow>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
        {
            rows.Add(new AccountRow(user, (await users.GetRolesAsync(user)).ToList(), await DescribeGrantsAsync(database, user.Id),
                user.LockoutEnd is { } end && end > time.GetUtcNow()));
        }
        return rows;
    }

    private static Task<IResult> Refused(HttpContext context, BackOfficePages pages, string message) =>
        pages.MessageAsync(context, "账号未保存", message, StatusCodes.Status400BadRequest, pages.Url("accounts"));
}

public sealed record AccountRow(StaffUser User, IReadOnlyList<string> Roles, string Channels, bool LockedOut);

public sealed record AccountsPageModel(Pages.Shell Shell, IReadOnlyList<AccountRow> Rows, IReadOnlyList<ChannelOption> Channels, string? Secret);

public sealed record AccountEditPageModel(Pages.Shell Shell, StaffUser User, IReadOnlySet<string> Roles, IReadOnlySet<int> Channels,
    IReadOnlyList<ChannelOption> AllChannels, bool LockedOut, string? Secret);
