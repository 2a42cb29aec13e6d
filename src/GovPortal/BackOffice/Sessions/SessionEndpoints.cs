using System.Security.Claims;
using GovPortal.BackOffice.Accounts;
using Microsoft.AspNetCore.Identity;

namespace GovPortal.BackOffice.Sessions;

/// <summary>
/// 登录会话: everyone sees and ends their own sessions; the system administrator sees and ends any account's. Every
/// ending is audited (<see cref="SignInSessions.EndAsync"/>) and refuses the session's cookie at its next request.
/// </summary>
public static class SessionEndpoints
{
    private const string Own = "sessions";

    public static void MapSessions(this RouteGroupBuilder group)
    {
        const string administrator = StaffRoles.Administrator;
        group.MapGet("/sessions", OwnPageAsync);
        group.MapPost("/sessions/{sessionId}/end", EndOwnAsync);
        group.MapPost("/sessions/end-others", EndOwnOthersAsync);
        group.MapGet("/accounts/{id}/sessions", AccountPageAsync).RequireAuthorization(administrator);
        group.MapPost("/accounts/{id}/sessions/{sessionId}/end", EndAccountSessionAsync)
            .RequireAuthorization(administrator);
        group.MapPost("/accounts/{id}/sessions/end-all", EndAccountSessionsAsync).RequireAuthorization(administrator);
    }

    private static async Task<IResult> OwnPageAsync(HttpContext context, BackOfficePages pages,
        SignInSessions sessions)
    {
        var list = await sessions.ListAsync(UserId(context), context.RequestAborted);
        return await pages.RenderAsync<SessionsPage, SessionsPageModel>(new SessionsPageModel(
            Shell: pages.ShellFor(context, "登录会话"), AccountUserName: null, ActionBase: Own, Sessions: list,
            CurrentSessionId: Current(context), IdleTimeout: sessions.IdleTimeout, Lifetime: sessions.Lifetime,
            BackUrl: pages.Url("security")));
    }

    // The forms below bind (unused) so that ASP.NET Core checks their antiforgery token.
    private static async Task<IResult> EndOwnAsync(string sessionId, HttpContext context, IFormCollection _,
        BackOfficePages pages, SignInSessions sessions, SignInManager<StaffUser> signIn)
    {
        // Only a session of one's own account is found: another account's id answers as if it did not exist.
        if (await sessions.FindAsync(UserId(context), sessionId, context.RequestAborted) is null)
            return await pages.MessageAsync(context, "找不到会话", "找不到这个登录会话，它可能已经结束。",
                StatusCodes.Status404NotFound, pages.Url(Own));
        await sessions.EndAsync(sessionId, SessionEndReason.EndedByOwner, context.User.Identity!.Name!,
            Address(context), context.RequestAborted);
        if (sessionId != Current(context)) return pages.RedirectWithNotice(context, Own, "已结束该会话。");
        await signIn.SignOutAsync();
        return Results.Redirect(pages.Url("login"));
    }

    private static async Task<IResult> EndOwnOthersAsync(HttpContext context, IFormCollection _,
        BackOfficePages pages, SignInSessions sessions)
    {
        var count = await sessions.EndAllAsync(UserId(context), Current(context), SessionEndReason.EndedByOwner,
            context.User.Identity!.Name!, Address(context), context.RequestAborted);
        return pages.RedirectWithNotice(context, Own, count == 0 ? "没有其他会话。" : $"已结束其他 {count} 个会话。");
    }

    private static async Task<IResult> AccountPageAsync(string id, HttpContext context, BackOfficePages pages,
        SignInSessions sessions, UserManager<StaffUser> users)
    {
        if (!IsAdministrator(context)) return await NotAllowedAsync(context, pages);
        if (await users.FindByIdAsync(id) is not { } account) return await MissingAsync(context, pages);
        var list = await sessions.ListAsync(account.Id, context.RequestAborted);
        return await pages.RenderAsync<SessionsPage, SessionsPageModel>(new SessionsPageModel(
            Shell: pages.ShellFor(context, $"账号 {account.UserName} 的登录会话"), AccountUserName: account.UserName,
            ActionBase: $"accounts/{account.Id}/sessions", Sessions: list, CurrentSessionId: Current(context),
            IdleTimeout: sessions.IdleTimeout, Lifetime: sessions.Lifetime,
            BackUrl: pages.Url($"accounts/{account.Id}")));
    }

    private static async Task<IResult> EndAccountSessionAsync(string id, string sessionId, HttpContext context,
        IFormCollection _, BackOfficePages pages, SignInSessions sessions, UserManager<StaffUser> users,
        SignInManager<StaffUser> signIn)
    {
        if (!IsAdministrator(context)) return await NotAllowedAsync(context, pages);
        if (await users.FindByIdAsync(id) is not { } account
            || await sessions.FindAsync(account.Id, sessionId, context.RequestAborted) is null)
            return await MissingAsync(context, pages);
        await sessions.EndAsync(sessionId, Reason(context, account), context.User.Identity!.Name!, Address(context),
            context.RequestAborted);
        if (sessionId != Current(context))
            return pages.RedirectWithNotice(context, $"accounts/{account.Id}/sessions", "已结束该会话。");
        await signIn.SignOutAsync();
        return Results.Redirect(pages.Url("login"));
    }

    private static async Task<IResult> EndAccountSessionsAsync(string id, HttpContext context, IFormCollection _,
        BackOfficePages pages, SignInSessions sessions, UserManager<StaffUser> users)
    {
        if (!IsAdministrator(context)) return await NotAllowedAsync(context, pages);
        if (await users.FindByIdAsync(id) is not { } account) return await MissingAsync(context, pages);
        // On one's own account the session in use stays: ending it is the sign-out button.
        var count = await sessions.EndAllAsync(account.Id, Current(context), Reason(context, account),
            context.User.Identity!.Name!, Address(context), context.RequestAborted);
        return pages.RedirectWithNotice(context, $"accounts/{account.Id}/sessions",
            count == 0 ? "没有可结束的会话。" : $"已结束账号 {account.UserName} 的 {count} 个会话。");
    }

    // The role is read from the database at every request (SessionCookie), so this is the administrator of now.
    private static bool IsAdministrator(HttpContext context) => context.User.IsInRole(StaffRoles.Administrator);

    private static string Reason(HttpContext context, StaffUser account) =>
        account.Id == UserId(context) ? SessionEndReason.EndedByOwner : SessionEndReason.EndedByAdministrator;

    private static string UserId(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static string? Current(HttpContext context) => context.User.FindFirstValue(SignInSessions.Claim);

    private static string? Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    private static Task<IResult> NotAllowedAsync(HttpContext context, BackOfficePages pages) =>
        pages.MessageAsync(context, "没有权限", "只有系统管理员可以查看和结束其他账号的登录会话。", StatusCodes.Status403Forbidden);

    private static Task<IResult> MissingAsync(HttpContext context, BackOfficePages pages) =>
        pages.MessageAsync(context, "找不到会话", "找不到这个账号或登录会话，它可能已经结束。", StatusCodes.Status404NotFound,
            pages.Url("accounts"));
}
