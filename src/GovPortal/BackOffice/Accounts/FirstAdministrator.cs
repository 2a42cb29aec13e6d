using System.Security.Cryptography;
using GovPortal.Data;
using GovPortal.Data.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// On the first run, creates the one system administrator (系统管理员, who cannot read the audit log or give roles)
/// with a random password and prints both once; on the demo site also its 安全管理员 and 审计管理员, so that each of
/// 三员分立 can be tried. The passwords are shown nowhere else and must be changed at the first sign-in, and each of
/// these accounts must then enrol in two-step sign-in. Every start also creates roles that are missing, which is how an
/// install from before 三员分立 gets the two new ones: its administrators keep the role "Administrator", now 系统管理员.
/// </summary>
public sealed class FirstAdministrator(
    IServiceScopeFactory scopes,
    BackOfficeOptions options,
    FirstAdministratorOutput output,
    DatabaseOptions database,
    TimeProvider time,
    ILogger<FirstAdministrator> logger)
{
    private TextWriter Output => output.Writer;

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));

        await StartPasswordAgesAsync(cancellationToken);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (users.Users.Any()) return;
        await CreateAsync(users, options.FirstAdministratorName, StaffRoles.Administrator, cancellationToken);
        await using var db = database.CreateContext();
        if (!await db.Sites.AnyAsync(s => s.Name == DemoSiteSeeder.SiteName, cancellationToken)) return;
        foreach (var (userName, role) in DemoOfficers)
            if (await users.FindByNameAsync(userName) is null)
                await CreateAsync(users, userName, role, cancellationToken);
        // The demo platform's other sites each get their 系统管理员, e.g. hdadmin for 黄埭镇.
        var codes = DemoPlatformSeeder.Sites.Select(s => s.Code).ToList();
        foreach (var site in await db.Sites.Where(s => codes.Contains(s.Code)).OrderBy(s => s.Id)
                     .ToListAsync(cancellationToken))
            if (await users.FindByNameAsync(site.Code + "admin") is null)
                await CreateAsync(users, site.Code + "admin", StaffRoles.Administrator, cancellationToken, site);
    }

    /// <summary>The demo site's 安全管理员 and 审计管理员, created with the first administrator.</summary>
    public static readonly IReadOnlyList<(string UserName, string Role)> DemoOfficers =
        [("security", StaffRoles.SecurityAdministrator), ("auditor", StaffRoles.AuditAdministrator),
            ("platform", StaffRoles.PlatformAdministrator)];

    private async Task CreateAsync(UserManager<StaffUser> users, string userName, string role,
        CancellationToken cancellationToken, Content.Site? site = null)
    {
        var password = RandomPassword();
        var label = site is null ? StaffRoles.Label(role) : site.Name + StaffRoles.Label(role);
        var account = new StaffUser
        {
            UserName = userName, DisplayName = label, MustChangePassword = true, SiteId = site?.Id ?? 0,
        };
        Check(await users.CreateAsync(account, password));
        Check(await users.AddToRoleAsync(account, role));
        logger.LogWarning("Created the {Role} account {UserName}; its password is printed once on the console",
            role, account.UserName);
        await Output.WriteLineAsync($"已创建{label}账号（首次登录后须修改密码并启用两步验证，此密码只显示这一次）：");
        await Output.WriteLineAsync($"用户名: {account.UserName}");
        await Output.WriteLineAsync($"密码: {password}");
        await Output.FlushAsync(cancellationToken);
    }

    // Accounts from before password expiry existed have no date: their passwords' age counts from this start.
    private async Task StartPasswordAgesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        await db.Users.Where(u => u.PasswordChangedAtUtc == null && u.PasswordHash != null)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.PasswordChangedAtUtc, now), cancellationToken);
    }

    /// <summary>
    /// 16 characters from every class, without look-alikes (0/O, 1/l/I) so it can be typed from the console.
    /// </summary>
    public static string RandomPassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ",
            digits = "23456789", symbols = "-_.!@#%+=";
        var all = lower + upper + digits + symbols;
        var chars = new List<char> { Pick(lower), Pick(upper), Pick(digits), Pick(symbols) };
        while (chars.Count < 16) chars.Add(Pick(all));
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());

        static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                "Could not create the first administrator: "
                + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>Where the first administrator's password is printed: the console, unless a test listens.</summary>
public sealed record FirstAdministratorOutput(TextWriter Writer);
