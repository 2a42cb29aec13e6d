using System.Security.Claims;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Pages;
using GovPortal.Data;
using GovPortal.Publishing.Rendering;
using GovPortal.Theme;
using Microsoft.AspNetCore.Antiforgery;

namespace GovPortal.BackOffice;

/// <summary>Renders back-office pages and carries the one-time notice from an action to the page it leads to.</summary>
public sealed class BackOfficePages(
    BackOfficeOptions options, RazorPageRenderer razor, IAntiforgery antiforgery, DatabaseOptions database,
    Publishing.ISitePublishers publishers)
{
    private const string NoticeCookie = "gp_notice";

    public string Base => options.Path;

    public string Url(string relative) => relative.Length == 0 ? Base + "/" : $"{Base}/{relative}";

    public Shell ShellFor(HttpContext context, string title)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        string? notice = null;
        var isError = false;
        if (context.Request.Cookies.TryGetValue(NoticeCookie, out var raw) && raw.Length > 1)
        {
            isError = raw[0] == '!';
            notice = Uri.UnescapeDataString(raw[1..]);
            if (notice.Length > 500) notice = notice[..500];
            context.Response.Cookies.Delete(NoticeCookie, new CookieOptions { Path = Base });
        }
        return new Shell(Base, title, signedIn ? user.Identity!.Name : null,
            signedIn ? user.FindFirstValue(StaffClaims.DisplayName) : null,
            roles, tokens.FormFieldName, tokens.RequestToken ?? "", notice, isError)
        {
            // What the platform keeps once for all sites is offered only to the first site's accounts.
            OnFirstSite = StaffClaims.SiteOf(user) is not { } site || site.Code == publishers.First.SiteCode,
        };
    }

    /// <summary>A back-office page drawn from its model; the compiler checks that they belong together.</summary>
    public async Task<IResult> RenderAsync<TComponent, TModel>(TModel model, int statusCode = StatusCodes.Status200OK)
        where TComponent : PageComponent<TModel>
    {
        var html = await razor.RenderHtmlAsync<TComponent, TModel>(model);
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
    }

    /// <summary>A page that only says something (refused, not found, not allowed) with a way back.</summary>
    public Task<IResult> MessageAsync(
        HttpContext context, string title, string message, int statusCode, string? backUrl = null) =>
        RenderAsync<MessagePage, MessagePageModel>(new MessagePageModel(
            Shell: ShellFor(context, title), Message: message, IsError: statusCode >= 400, BackUrl: backUrl ?? Url("")),
            statusCode);

    /// <summary>
    /// A refused action: a page saying why, with the status its kind of refusal calls for (403 not allowed, 404 not
    /// found, 409 changed by someone else first, 400 otherwise) and a way back to <paramref name="backRelative"/>.
    /// </summary>
    public Task<IResult> RefusedAsync(HttpContext context, BackOfficeResult result, string title, string backRelative)
    {
        var status = result.Forbidden ? StatusCodes.Status403Forbidden
            : result.NotFound ? StatusCodes.Status404NotFound
            : result.Conflict ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest;
        return MessageAsync(context, result.Forbidden ? "没有权限" : title, result.Message, status, Url(backRelative));
    }

    /// <summary>
    /// After an action: back to a page (303, so a refresh does not repeat it), with its outcome shown once there.
    /// </summary>
    public IResult RedirectWithNotice(HttpContext context, string relative, string notice, bool isError = false)
    {
        context.Response.Cookies.Append(NoticeCookie, (isError ? "!" : "-") + Uri.EscapeDataString(notice),
            new CookieOptions
            {
                Path = Base, HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps,
                IsEssential = true,
            });
        return new SeeOther(Url(relative));
    }

    public async Task<Staff> StaffAsync(HttpContext context)
    {
        await using var db = database.CreateContext();
        return await Staff.LoadAsync(
            context.User, context.Connection.RemoteIpAddress?.ToString(), db, context.RequestAborted);
    }

    /// <summary>303 See Other: the answer to a form post that worked.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
