using System.Security.Claims;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Pages;
using GovPortal.BackOffice.Sessions;
using Microsoft.AspNetCore.Identity;

namespace GovPortal.BackOffice.SignIn;

/// <summary>Sign-in (with lockout and the optional second step), sign-out and changing one's password.</summary>
public static class SignInEndpoints
{
    public static void MapSignIn(this RouteGroupBuilder group)
    {
        group.MapGet("/login", (HttpContext context, BackOfficePages pages, SignInSessions sessions,
            string? returnUrl, string? ended) =>
            pages.RenderAsync<LoginPage, LoginPageModel>(new LoginPageModel(
                Shell: pages.ShellFor(context, "登录"), UserName: "", ReturnUrl: SafeReturn(pages, returnUrl),
                Error: null) { Ended = SessionEndMessages.ForSignInPage(ended, sessions) })
        ).AllowAnonymous();

        group.MapPost("/login", async (HttpContext context, IFormCollection data, BackOfficePages pages,
            SignInManager<StaffUser> signIn, AuditLog audit, SignInThrottle throttle) =>
        {
            var userName = data["userName"].ToString().Trim();
            var password = data["password"].ToString();
            var returnUrl = SafeReturn(pages, data["returnUrl"]);
            var ip = context.Connection.RemoteIpAddress?.ToString();
            async Task<IResult> Fail(string message, string action, int status = StatusCodes.Status401Unauthorized)
            {
                if (status == StatusCodes.Status401Unauthorized) throttle.Failed(context);
                await audit.WriteAsync(
                    userName.Length > 64 ? userName[..64] : userName, ip, action, $"账号 {Clip(userName)}", message);
                return await pages.RenderAsync<LoginPage, LoginPageModel>(new LoginPageModel(
                    Shell: pages.ShellFor(context, "登录"), UserName: userName, ReturnUrl: returnUrl, Error: message),
                    status);
            }
            if (!throttle.Allows(context))
                return await Fail(SignInThrottle.RefusedMessage, AuditActions.SignInFailed,
                    StatusCodes.Status429TooManyRequests);
            if (userName.Length == 0 || password.Length == 0) return await Fail("请输入账号和密码。", AuditActions.SignInFailed);
            var user = await signIn.UserManager.FindByNameAsync(userName);
            // Only someone who knows the password learns that the account is disabled; a wrong one reads as any
            // other wrong password, and counts toward the lockout.
            if (user is { IsDisabled: true })
                return (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded
                    ? await Fail("账号已停用，请联系系统管理员。", AuditActions.SignInFailed)
                    : await Fail("账号或密码不正确。", AuditActions.SignInFailed);
            if (user is not null && await Sessions.SessionCookie.SiteSuspendedAsync(context.RequestServices, user))
                return (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded
                    ? await Fail("账号所在的网站已暂停服务，暂时不能登录，请联系平台管理员。", AuditActions.SignInFailed)
                    : await Fail("账号或密码不正确。", AuditActions.SignInFailed);
            var result = await signIn.PasswordSignInAsync(
                userName, password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await audit.WriteAsync(user!.UserName!, ip, AuditActions.SignIn, $"账号 {user.UserName}", "登录成功");
                return Results.Redirect(returnUrl);
            }
            if (result.RequiresTwoFactor)
                return Results.Redirect(pages.Url("login/2fa") + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
            if (result.IsLockedOut)
                return await Fail(
                    $"登录失败次数过多，账号已锁定 {BackOfficeServices.LockoutTime.TotalMinutes:0} 分钟。请稍后再试，或请系统管理员解锁。",
                    AuditActions.SignInLockedOut);
            return await Fail("账号或密码不正确。", AuditActions.SignInFailed);
        }).AllowAnonymous();

        group.MapGet("/login/2fa", async (HttpContext context, BackOfficePages pages, SignInManager<StaffUser> signIn,
            string? returnUrl) =>
            await signIn.GetTwoFactorAuthenticationUserAsync() is null
                ? Results.Redirect(pages.Url("login"))
                : await pages.RenderAsync<TwoFactorLoginPage, TwoFactorLoginPageModel>(new TwoFactorLoginPageModel(
                    Shell: pages.ShellFor(context, "两步验证"), ReturnUrl: SafeReturn(pages, returnUrl), Error: null))
        ).AllowAnonymous();

        group.MapPost("/login/2fa", async (HttpContext context, IFormCollection data, BackOfficePages pages,
            SignInManager<StaffUser> signIn, AuditLog audit, SignInThrottle throttle) =>
        {
            var recovery = data["recovery"].ToString() == "1";
            var returnUrl = SafeReturn(pages, data["returnUrl"]);
            var user = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (user is null) return Results.Redirect(pages.Url("login"));
            if (!throttle.Allows(context))
                return await pages.RenderAsync<TwoFactorLoginPage, TwoFactorLoginPageModel>(new TwoFactorLoginPageModel(
                    Shell: pages.ShellFor(context, "两步验证"), ReturnUrl: returnUrl,
                    Error: SignInThrottle.RefusedMessage), StatusCodes.Status429TooManyRequests);
            // Recovery codes are written XXXXX-XXXXX; authenticator codes may be typed with spaces.
            var code = new string(data["code"].ToString()
                .Where(c => !char.IsWhiteSpace(c) && (recovery || c != '-')).ToArray());
            var result = recovery
                ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
                : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
            var ip = context.Connection.RemoteIpAddress?.ToString();
            if (result.Succeeded)
            {
                await audit.WriteAsync(user.UserName!, ip, AuditActions.SignIn, $"账号 {user.UserName}",
                    recovery ? "登录成功（使用恢复码）" : "登录成功（两步验证）");
                return Results.Redirect(returnUrl);
            }
            throttle.Failed(context);
            var message = result.IsLockedOut
                ? $"失败次数过多，账号已锁定 {BackOfficeServices.LockoutTime.TotalMinutes:0} 分钟。"
                : "验证码不正确或已过期。";
            await audit.WriteAsync(user.UserName!, ip,
                result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, $"账号 {user.UserName}",
                "两步验证失败");
            return await pages.RenderAsync<TwoFactorLoginPage, TwoFactorLoginPageModel>(new TwoFactorLoginPageModel(
                Shell: pages.ShellFor(context, "两步验证"), ReturnUrl: returnUrl, Error: message),
                StatusCodes.Status401Unauthorized);
        }).AllowAnonymous();

        group.MapPost("/logout", async (HttpContext context, IFormCollection _, BackOfficePages pages,
            SignInManager<StaffUser> signIn, AuditLog audit) =>
        {
            await audit.WriteAsync(context, AuditActions.SignOut, $"账号 {context.User.Identity?.Name}", "退出登录");
            await signIn.SignOutAsync();
            return Results.Redirect(pages.Url("login"));
        });

        group.MapGet("/password", (HttpContext context, BackOfficePages pages) =>
            pages.RenderAsync<PasswordPage, PasswordPageModel>(new PasswordPageModel(
                Shell: pages.ShellFor(context, "修改密码"),
                MustChange: context.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword),
                Error: null)));

        group.MapPost("/password", async (HttpContext context, IFormCollection data, BackOfficePages pages,
            SignInManager<StaffUser> signIn, AuditLog audit, SignInSessions sessions) =>
        {
            var (current, chosen, confirmed) = (data["currentPassword"].ToString(), data["newPassword"].ToString(),
                data["confirmPassword"].ToString());
            var mustChange = context.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword);
            async Task<IResult> Refuse(string message) =>
                await pages.RenderAsync<PasswordPage, PasswordPageModel>(new PasswordPageModel(
                    Shell: pages.ShellFor(context, "修改密码"), MustChange: mustChange, Error: message),
                    StatusCodes.Status400BadRequest);
            var user = await signIn.UserManager.GetUserAsync(context.User);
            if (user is null) return Results.Redirect(pages.Url("login"));
            // A wrong current password counts toward the lockout, as at sign-in: an open session left on a desk must
            // not become a way to guess the password.
            if (await CheckPasswordAsync(context, signIn, pages, audit, user, current) is { } wrong)
                return wrong.LockedOut ? wrong.Result : await Refuse(wrong.Message);
            if (chosen != confirmed) return await Refuse("两次输入的新密码不一致。");
            if (chosen == current) return await Refuse("新密码不能与当前密码相同。");
            var result = await signIn.UserManager.ChangePasswordAsync(user, current, chosen);
            if (!result.Succeeded) return await Refuse(string.Join(" ", result.Errors.Select(e => e.Description)));
            user.MustChangePassword = false;
            await signIn.UserManager.UpdateAsync(user);
            // No new cookie: the next request reads the account afresh (Sessions.SessionCookie), and this session,
            // the one the cookie names, goes on.
            await audit.WriteAsync(context, AuditActions.PasswordChanged, $"账号 {user.UserName}", "修改了自己的密码");
            // Whoever may have learnt the old password loses the sessions it opened; this one goes on.
            var others = await sessions.EndAllAsync(user.Id, context.User.FindFirstValue(SignInSessions.Claim),
                SessionEndReason.PasswordChanged, user.UserName!, context.Connection.RemoteIpAddress?.ToString(),
                context.RequestAborted);
            return pages.RedirectWithNotice(context, "",
                others == 0 ? "密码已修改。" : $"密码已修改，已结束本账号在其他地方的 {others} 个登录会话。");
        });
    }

    /// <summary>
    /// Checks a signed-in person's password again before a change that needs it, counting a wrong one toward the
    /// lockout; a person locked out this way is signed out. Null when the password is right.
    /// </summary>
    public static async Task<(string Message, bool LockedOut, IResult Result)?> CheckPasswordAsync(
        HttpContext context, SignInManager<StaffUser> signIn, BackOfficePages pages, AuditLog audit, StaffUser user,
        string password)
    {
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.Succeeded) return null;
        if (!check.IsLockedOut)
        {
            await audit.WriteAsync(context, AuditActions.SignInFailed, $"账号 {user.UserName}", "当前密码输入错误");
            return ("当前密码不正确。", false, Results.Empty);
        }
        await audit.WriteAsync(context, AuditActions.SignInLockedOut, $"账号 {user.UserName}", "当前密码错误次数过多，账号已锁定");
        await signIn.SignOutAsync();
        var message = $"当前密码错误次数过多，账号已锁定 {BackOfficeServices.LockoutTime.TotalMinutes:0} 分钟，并已退出登录。"
            + "请稍后再登录，或请系统管理员解锁。";
        var page = await pages.RenderAsync<LoginPage, LoginPageModel>(new LoginPageModel(
            Shell: pages.ShellFor(context, "登录"), UserName: user.UserName ?? "", ReturnUrl: pages.Url(""),
            Error: message), StatusCodes.Status401Unauthorized);
        return (message, true, page);
    }

    /// <summary>Only addresses inside the back office: a sign-in link can never send someone to another site.</summary>
    public static string SafeReturn(BackOfficePages pages, string? returnUrl) =>
        returnUrl is { Length: > 0 and < 500 }
            && returnUrl.StartsWith(pages.Base + "/", StringComparison.Ordinal)
            && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.Contains('\\')
            && !returnUrl.Contains("/login", StringComparison.Ordinal)
            && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
            ? returnUrl : pages.Url("");

    private static string Clip(string text) => text.Length > 64 ? text[..64] : text;
}
