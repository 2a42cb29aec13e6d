using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Articles;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Channels;
using GovPortal.BackOffice.ContentSafety;
using GovPortal.BackOffice.Disclosure;
using GovPortal.BackOffice.Health;
using GovPortal.BackOffice.Settings;
using GovPortal.BackOffice.SignIn;
using GovPortal.BackOffice.Submissions;
using Microsoft.AspNetCore.Antiforgery;

namespace GovPortal.BackOffice;

/// <summary>The back office's place in the pipeline and its addresses.</summary>
public static class BackOfficeEndpoints
{
    // Scripts and styles from the back office's own address only; the editor sets inline styles on what it edits.
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Before routing: 后台访问限制 by network, and headers that keep back-office pages out of caches and frames.
    /// </summary>
    public static void UseBackOfficeGate(this WebApplication app, BackOfficeOptions options)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(options.Path, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var headers = context.Response.Headers;
            // Cookies are Secure whenever the request came over HTTPS; over plain HTTP too, unless a browser on this
            // machine asks for it by a loopback name (development): a proxy that does not forward the scheme must
            // not leave the sign-in cookie readable on the wire.
            if (!context.Request.IsHttps && !IsLoopbackDevelopment(context))
                context.Response.OnStarting(() =>
                {
                    MarkCookiesSecure(headers);
                    return Task.CompletedTask;
                });
            headers.ContentSecurityPolicy = Policy;
            headers.XFrameOptions = "DENY";
            // The same values the antiforgery system sets on pages with a form, so it has nothing to override.
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
            if (!options.Allows(context.Connection.RemoteIpAddress))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("后台只允许从指定的网络访问。如需访问，请联系系统管理员。");
                return;
            }
            await next(context);
        });
    }

    private static bool IsLoopbackDevelopment(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)
        && context.Request.Host.Host.ToLowerInvariant() is "localhost" or "127.0.0.1" or "[::1]" or "::1";

    private static void MarkCookiesSecure(IHeaderDictionary headers)
    {
        var cookies = headers.SetCookie;
        if (cookies.Count == 0) return;
        headers.SetCookie = new Microsoft.Extensions.Primitives.StringValues(cookies
            .Select(c => c is null || c.Contains("; secure", StringComparison.OrdinalIgnoreCase) ? c : c + "; secure")
            .ToArray());
    }

    /// <summary>
    /// After authentication: someone who must choose a new password can do only that (or sign out); then someone who
    /// must enrol in two-step sign-in can do only that (账号安全, or sign out).
    /// </summary>
    public static void UsePasswordChangeGate(this WebApplication app, BackOfficeOptions options)
    {
        string password = options.Path + "/password", logout = options.Path + "/logout",
            assets = options.Path + "/assets", security = options.Path + "/security";
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            bool Outside(string allowed) => !path.StartsWithSegments(allowed, StringComparison.OrdinalIgnoreCase);
            var inBackOffice = path.StartsWithSegments(options.Path, StringComparison.OrdinalIgnoreCase)
                && Outside(logout) && Outside(assets);
            var goTo = !inBackOffice ? null
                : context.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword) ? password
                : context.User.HasClaim(c => c.Type == StaffClaims.MustEnrolTwoFactor) ? security
                : null;
            if (goTo is not null && Outside(goTo))
            {
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = goTo;
                return;
            }
            await next(context);
        });
    }

    /// <summary>
    /// Right after authentication: the rest of a signed-in person's request is in the site of their account
    /// (<see cref="Data.SiteScope"/>), so every query it makes sees that site's rows only.
    /// </summary>
    public static void UseStaffSiteScope(this WebApplication app, BackOfficeOptions options) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(options.Path, StringComparison.OrdinalIgnoreCase)
                || StaffClaims.SiteOf(context.User) is not { } site)
            {
                await next(context);
                return;
            }
            using (Data.SiteScope.Enter(site)) await next(context);
        });

    /// <summary>After antiforgery: a form posted without a valid token gets a message, and nothing is done.</summary>
    public static void UseAntiforgeryMessage(this WebApplication app, BackOfficeOptions options)
    {
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } failed
                && context.Request.Path.StartsWithSegments(options.Path, StringComparison.OrdinalIgnoreCase))
            {
                // A body sent without a declared length shows it is too large only while the form is read.
                if (failed.Error?.InnerException is BadHttpRequestException { StatusCode: 413 })
                {
                    context.Response.Headers.Connection = "close";
                    await RequestSizeLimits.TooLargeAsync(context, RequestSizeLimits.LimitFor(context));
                    return;
                }
                var pages = context.RequestServices.GetRequiredService<BackOfficePages>();
                var result = await pages.MessageAsync(context, "请求未执行",
                    "页面已过期，或请求不是从本后台的页面发出的（缺少安全令牌），操作没有执行。请返回上一页，刷新后重试。", StatusCodes.Status400BadRequest);
                await result.ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }

    public static void MapBackOffice(this WebApplication app, BackOfficeOptions options)
    {
        var group = app.MapGroup(options.Path).RequireAuthorization();
        group.MapSignIn();
        group.MapSecurity();
        group.MapBackOfficeAssets();
        group.MapDashboard();
        group.MapArticles();
        Statistics.StatisticsEndpoints.MapStatistics(group);
        group.MapChannels();
        group.MapDisclosureSettings();
        group.MapAccounts();
        Sessions.SessionEndpoints.MapSessions(group);
        group.MapAudit();
        group.MapSettings();
        HomeLayouts.HomeLayoutEndpoints.MapHomeLayout(group);
        group.MapContentSafety();
        group.MapHealth();
        group.MapSubmissions();
        DisclosureRequests.DisclosureRequestEndpoints.MapDisclosure(group);
        Calendar.CalendarEndpoints.MapCalendar(group);
        Calendar.SiteCalendarEndpoints.MapSiteCalendar(group);
        Platform.PlatformEndpoints.MapPlatform(group);
        AnnualReports.AnnualReportEndpoints.MapAnnualReports(group);
        Letters.LetterOfficeServices.MapLetterOffice(group);
        LetterPublishing.LetterPublishingEndpoints.MapLetterPublishing(group);
        Consultations.ConsultationEndpoints.MapConsultations(group);
    }
}
