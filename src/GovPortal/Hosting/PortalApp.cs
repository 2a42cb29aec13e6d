using GovPortal.Hosting.Nodes;
using GovPortal.BackOffice;
using GovPortal.BackOffice.Accounts;
using GovPortal.Citizens;
using GovPortal.Disclosure;
using GovPortal.Disclosure.Public;
using GovPortal.Interaction;
using GovPortal.Interaction.Letters.Public;
using GovPortal.PublicSite;
using GovPortal.PublicSite.Shedding;

namespace GovPortal.Hosting;

/// <summary>
/// Builds the portal web application; used by the serve command and by the tests (on a real Kestrel port).
/// </summary>
public static class PortalApp
{
    /// <summary>
    /// The configuration files are read once, not watched: a watch costs an inotify instance, and without one left
    /// the host would not start at all (the tamper guard, which does need one, falls back to checking the disk).
    /// </summary>
    public const string NoConfigurationWatch = "--hostBuilder:reloadConfigOnChange=false";

    public static async Task<WebApplication> CreateAsync(PortalSettings settings,
        Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [NoConfigurationWatch],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A pasted paragraph as a search (10,000 Chinese characters are 90 KB percent-encoded) gets a page that
            // explains the limit, not a bare "414" from the server.
            kestrel.Limits.MaxRequestLineSize = 128 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 160 * 1024;
            // An ordinary back-office form; every request outside the back office is held to PublicRequestBodyLimit
            // and every back-office request to what RequestSizeLimits allows it, before anything is read.
            kestrel.Limits.MaxRequestBodySize = RequestSizeLimits.Form;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = RequestSizeLimits.Upload;
            form.ValueLengthLimit = RequestSizeLimits.FormValueLength;
            form.ValueCountLimit = RequestSizeLimits.FormValueCount;
        });
        builder.Logging.AddLogFile(settings.Paths);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // One log line per request would cost more than serving the page itself; and while the hosting category is
        // enabled at any level, every request also gets a diagnostic Activity (measured: about 30% of throughput).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // A start that fails (a busy port) is told to the operator in one line by the serve command, not as a stack.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddPortalCore(settings).AddPublicSite(settings);
        Redis.RedisServices.AddRedis(builder.Services, settings);
        builder.Services.AddLoadShedding(settings.DynamicLimits);
        var backOffice = settings.BackOffice;
        if (backOffice.Enabled)
        {
            builder.Services.AddBackOffice(settings);
            builder.Services.AddPortalDataProtection(settings);
            // Citizens' forms write to the database, so only the portal that holds it serves them.
            builder.Services.AddCitizenForms().AddDisclosureIntake().AddInteractionIntake();
        }
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            // Never a stack trace to a reader: a short notice in Chinese; details go to the log.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            SecurityHeaders.Apply(context.Response.Headers);
            await context.Response.WriteAsync("服务器暂时无法处理您的请求，请稍后再试。");
        }));
        if (settings.TrustedProxies.Count > 0)
        {
            // Behind the site's proxy, the reader's address (for the search rate limit) is the one it forwards.
            // …and whether it was reached over HTTPS, so the back office's cookies are marked Secure.
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                                   | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
                ForwardLimit = 1,
            };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in settings.TrustedProxies) forwarded.KnownProxies.Add(proxy);
            app.UseForwardedHeaders(forwarded);
        }
        app.UseSecurityHeaders();
        app.Use((context, next) =>
        {
            if (!(backOffice.Enabled
                    && context.Request.Path.StartsWithSegments(backOffice.Path, StringComparison.OrdinalIgnoreCase))
                && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()
                    is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = PublicRequestBodyLimit;
            return next(context);
        });
        if (backOffice.Enabled) app.UseBackOfficeGate(backOffice);
        // Before the sites: a balancer asks by the node's address, which need not be any site's host name.
        app.UseHealthz(settings);
        app.UsePublishedFiles(backOffice.Enabled ? new PathString(backOffice.Path) : null);
        app.UseLoadShedding(backOffice.Enabled ? new PathString(backOffice.Path) : null);
        // Citizens' forms and look-ups work in the site of the host they were sent to.
        app.UseRequestSiteScope(backOffice.Enabled ? new PathString(backOffice.Path) : null);
        app.UseRouting();
        app.UseRateLimiter();
        if (backOffice.Enabled)
        {
            app.UseAuthentication();
            app.UseStaffSiteScope(backOffice);
            app.UsePasswordChangeGate(backOffice);
            app.UseAuthorization();
            app.UseRequestSizeLimits(backOffice);
            app.UseAntiforgery();
            app.UseAntiforgeryMessage(backOffice);
        }
        app.UseOutputServerFallback();
        app.MapPublicSite();
        if (backOffice.Enabled)
        {
            app.MapBackOffice(backOffice);
            app.MapDisclosurePublic();
            app.MapLetterIntake();
            GovPortal.Interaction.Consultations.Public.ConsultationPublicEndpoints.MapConsultationsPublic(app);
        }

        if (settings.FollowsReplica)
            await app.Services.GetRequiredService<NodeStartup>().PrepareAsync(cancellationToken);
        else
            await app.Services.GetRequiredService<PortalStartup>().PrepareAsync(cancellationToken);
        if (backOffice.Enabled)
        {
            await app.Services.GetRequiredService<FirstAdministrator>().EnsureAsync(cancellationToken);
            await app.Services.GetRequiredService<BackOffice.Letters.DemoLetterAccounts>()
                .EnsureAsync(cancellationToken);
        }
        return app;
    }

    /// <summary>The largest request body anything else accepts: the public site takes no uploads.</summary>
    public const long PublicRequestBodyLimit = 64 * 1024;
}
