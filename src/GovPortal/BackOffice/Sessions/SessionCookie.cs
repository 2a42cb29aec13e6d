using System.Security.Claims;
using GovPortal.BackOffice.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Sessions;

/// <summary>
/// Ties the sign-in cookie to a server-side session: a sign-in starts one, every request checks it and rebuilds the
/// person's roles from the database (so a granted or removed role applies at the next request), and a sign-out ends
/// it, so that a copy of the cookie is worthless afterwards.
/// </summary>
public static class SessionCookie
{
    /// <summary>The query parameter that tells the sign-in page why a session ended.</summary>
    public const string EndedParameter = "ended";

    private const string EndedItem = "govportal:session-ended";

    // Claims the sign-in put in the cookie that the database cannot give again: how the person signed in.
    private static readonly string[] SignInClaims = ["amr", ClaimTypes.AuthenticationMethod];

    public static void Attach(CookieAuthenticationOptions cookie)
    {
        var redirectToLogin = cookie.Events.OnRedirectToLogin;
        cookie.Events.OnSigningIn = SigningInAsync;
        cookie.Events.OnValidatePrincipal = ValidateAsync;
        cookie.Events.OnSigningOut = SigningOutAsync;
        cookie.Events.OnRedirectToLogin = context =>
        {
            if (context.HttpContext.Items[EndedItem] is string { Length: > 0 } reason)
                context.RedirectUri = QueryHelpers.AddQueryString(context.RedirectUri, EndedParameter, reason);
            return redirectToLogin(context);
        };
    }

    private static async Task SigningInAsync(CookieSigningInContext context)
    {
        // Refreshing the cookie (after a password change) keeps the session it already names.
        if (context.Properties.Items.TryGetValue(SignInSessions.CookieProperty, out var existing)
            && !string.IsNullOrEmpty(existing))
            return;
        var http = context.HttpContext;
        var sessions = http.RequestServices.GetRequiredService<SignInSessions>();
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A sign-in without an account id.");
        // Signing in again in the same browser replaces the session it had; nothing else could use that one.
        if (http.User.FindFirstValue(SignInSessions.Claim) is { } previous)
            await sessions.EndAsync(previous, SessionEndReason.SignedInAgain, http.User.Identity?.Name ?? "",
                Address(http), http.RequestAborted);
        context.Properties.Items[SignInSessions.CookieProperty] = await sessions.StartAsync(
            userId, Address(http), http.Request.Headers.UserAgent.ToString(), http.RequestAborted);
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var sessions = services.GetRequiredService<SignInSessions>();
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        // A cookie without a session (issued before sessions were kept on the server) is not accepted either.
        if (userId is null
            || !context.Properties.Items.TryGetValue(SignInSessions.CookieProperty, out var sessionId)
            || string.IsNullOrEmpty(sessionId))
        {
            await RejectAsync(context, "");
            return;
        }
        if (await sessions.CheckAsync(sessionId, userId, http.RequestAborted) is { } ended)
        {
            await RejectAsync(context, ended);
            return;
        }
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDisabled || await SiteSuspendedAsync(services, user))
        {
            await sessions.EndAsync(sessionId, SessionEndReason.AccountDisabled, "", Address(http),
                http.RequestAborted);
            await RejectAsync(context, SessionEndReason.AccountDisabled);
            return;
        }
        // Roles, the forced password change and the name come from the database at every request, never from what
        // the cookie said when it was issued.
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaims(context.Principal!.Claims.Where(c => SignInClaims.Contains(c.Type))
            .Select(c => new Claim(c.Type, c.Value)));
        identity.AddClaim(new Claim(SignInSessions.Claim, sessionId));
        context.ReplacePrincipal(principal);
    }

    /// <summary>A paused site's staff are signed out at their next request.</summary>
    public static async Task<bool> SiteSuspendedAsync(IServiceProvider services, StaffUser user)
    {
        await using var db = services.GetRequiredService<Data.DatabaseOptions>().CreateContext();
        return await db.Sites.IgnoreQueryFilters().AnyAsync(s => s.Id == user.SiteId && s.Suspended);
    }

    private static async Task SigningOutAsync(CookieSigningOutContext context)
    {
        var http = context.HttpContext;
        if (http.User.FindFirstValue(SignInSessions.Claim) is not { } sessionId) return;
        await http.RequestServices.GetRequiredService<SignInSessions>().EndAsync(sessionId,
            SessionEndReason.SignedOut, http.User.Identity?.Name ?? "", Address(http), http.RequestAborted);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context, string reason)
    {
        context.RejectPrincipal();
        context.HttpContext.Items[EndedItem] = reason;
        // Deletes the cookie; the session it named has ended already (or never existed).
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static string? Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
