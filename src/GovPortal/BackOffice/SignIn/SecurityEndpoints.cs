using System.Text;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Forms;
using GovPortal.Publishing.Rendering;
using Microsoft.AspNetCore.Identity;

namespace GovPortal.BackOffice.SignIn;

/// <summary>
/// 账号安全: two-factor sign-in with an authenticator app (TOTP), and recovery codes. Optional, except for the accounts
/// <see cref="TwoFactorRequirement"/> names, which must enrol before anything else and cannot switch it off.
/// </summary>
public static class SecurityEndpoints
{
    public const string Issuer = "GovPortal";

    public static void MapSecurity(this RouteGroupBuilder group)
    {
        group.MapGet("/security", async (HttpContext context, BackOfficePages pages, UserManager<StaffUser> users) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is null) return Results.Redirect(pages.Url("login"));
            return await pages.RenderAsync<SecurityPage, SecurityPageModel>(
                await ModelAsync(context, pages, users, user, error: null, newCodes: null));
        });

        group.MapPost("/security/2fa/enable", async (HttpContext context, IFormCollection form, BackOfficePages pages,
            UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is null) return Results.Redirect(pages.Url("login"));
            var code = new string(form.Text("code").Where(char.IsAsciiDigit).ToArray());
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                var model = await ModelAsync(context, pages, users, user,
                    error: "验证码不正确。请确认手机时间准确，并输入身份验证器当前显示的 6 位数字。", newCodes: null);
                return await pages.RenderAsync<SecurityPage, SecurityPageModel>(model, StatusCodes.Status400BadRequest);
            }
            await users.SetTwoFactorEnabledAsync(user, true);
            // The session no longer waits for enrolment.
            await signIn.RefreshSignInAsync(user);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            await audit.WriteAsync(context, AuditActions.TwoFactorEnabled, $"账号 {user.UserName}", "启用两步验证");
            return await pages.RenderAsync<SecurityPage, SecurityPageModel>(
                await ModelAsync(context, pages, users, user, error: null, newCodes: codes));
        });

        group.MapPost("/security/2fa/disable", async (HttpContext context, IFormCollection form,
            BackOfficePages pages, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is null) return Results.Redirect(pages.Url("login"));
            if (await context.RequestServices.GetRequiredService<TwoFactorRequirement>().AppliesToAsync(users, user))
                return await pages.RenderAsync<SecurityPage, SecurityPageModel>(
                    await ModelAsync(context, pages, users, user, error: TwoFactorRequirement.RequiredMessage
                        + "不能关闭。", newCodes: null), StatusCodes.Status400BadRequest);
            // Switching the second step off is what someone at an unattended, signed-in desk would do first.
            if (await SignInEndpoints.CheckPasswordAsync(context, signIn, pages, audit, user, form.Text("password"))
                is { } wrong)
                return wrong.LockedOut ? wrong.Result : await pages.RenderAsync<SecurityPage, SecurityPageModel>(
                    await ModelAsync(context, pages, users, user, error: wrong.Message + "两步验证仍然启用。",
                        newCodes: null), StatusCodes.Status400BadRequest);
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await audit.WriteAsync(context, AuditActions.TwoFactorDisabled, $"账号 {user.UserName}", "关闭两步验证");
            return pages.RedirectWithNotice(context, "security", "已关闭两步验证。");
        });

        group.MapPost("/security/recovery-codes", async (HttpContext context, IFormCollection _, BackOfficePages pages,
            UserManager<StaffUser> users, AuditLog audit) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is null) return Results.Redirect(pages.Url("login"));
            if (!user.TwoFactorEnabled)
                return pages.RedirectWithNotice(context, "security", "请先启用两步验证。", isError: true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            await audit.WriteAsync(context, AuditActions.TwoFactorEnabled, $"账号 {user.UserName}",
                "重新生成两步验证恢复码（旧恢复码作废）");
            return await pages.RenderAsync<SecurityPage, SecurityPageModel>(
                await ModelAsync(context, pages, users, user, error: null, newCodes: codes));
        });
    }

    private static async Task<SecurityPageModel> ModelAsync(
        HttpContext context,
        BackOfficePages pages,
        UserManager<StaffUser> users,
        StaffUser user,
        string? error,
        IReadOnlyList<string>? newCodes)
    {
        string? key = null, qr = null;
        if (!user.TwoFactorEnabled)
        {
            key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }
            qr = QrCodeSvg.Create(AuthenticatorUri(user.UserName!, key!), "用身份验证器扫描此二维码");
        }
        return new SecurityPageModel(
            Shell: pages.ShellFor(context, "账号安全"),
            Enabled: user.TwoFactorEnabled,
            Required: await context.RequestServices.GetRequiredService<TwoFactorRequirement>()
                .AppliesToAsync(users, user),
            Key: key is null ? null : Grouped(key),
            QrSvg: qr,
            RecoveryCodesLeft: user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
            Error: error,
            NewCodes: newCodes);
    }

    /// <summary>
    /// The otpauth:// address that authenticator apps (Microsoft, Google, 腾讯身份验证器 …) read from the QR code.
    /// </summary>
    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}"
        + $"&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}

public sealed record SecurityPageModel(
    Pages.Shell Shell,
    bool Enabled,
    bool Required,
    string? Key,
    string? QrSvg,
    int RecoveryCodesLeft,
    string? Error,
    IReadOnlyList<string>? NewCodes);
