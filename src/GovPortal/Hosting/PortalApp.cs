using GovPortal.PublicSite;

namespace GovPortal.Hosting;

/// <summary>Builds the portal web application; used by the serve command and by the tests (on a real Kestrel port).</summary>
public static class PortalApp
{
    public static async Task<WebApplication> CreateAsync(PortalSettings settings, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
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
        });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // One log line per request would cost more than serving the page itself; and while the hosting category is
        // enabled at any level, every request also gets a diagnostic Activity (measured: about 30% of throughput).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.AddPortalCore(settings).AddPublicSite();
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
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in settings.TrustedProxies) forwarded.KnownProxies.Add(proxy);
            app.UseForwardedHeaders(forwarded);
        }
        app.UseSecurityHeaders();
        app.MapPublicSite();

        await app.Services.GetRequiredService<PortalStartup>().PrepareAsync(cancellationToken);
        return app;
    }
}
