using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// On the first run, creates the one system administrator with a random password and prints both once. The
/// password is shown nowhere else and must be changed at the first sign-in.
/// </summary>
public sealed class FirstAdministrator(
    IServiceScopeFactory scopes,
    BackOfficeOptions options,
    FirstAdministratorOutput output,
    ILogger<FirstAdministrator> logger)
{
    private TextWriter Output => output.Writer;

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (users.Users.Any()) return;
        var password = RandomPassword();
        var admin = new StaffUser
        {
            UserName = options.FirstAdministratorName, DisplayName = "系统管理员", MustChangePassword = true,
        };
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, StaffRoles.Administrator));
        logger.LogWarning(
            "Created the first administrator account {UserName}; its password is printed once on the console",
            admin.UserName);
        await Output.WriteLineAsync("已创建系统管理员账号（首次登录后须修改密码，此密码只显示这一次）：");
        await Output.WriteLineAsync($"用户名: {admin.UserName}");
        await Output.WriteLineAsync($"密码: {password}");
        await Output.FlushAsync(cancellationToken);
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
