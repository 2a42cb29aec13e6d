namespace GovPortal.PublicSite;

/// <summary>
/// The few dynamic things of the public site (view counts, search), and the output server behind everything else.
/// </summary>
public static class PublicEndpoints
{
    /// <summary>
    /// Reading a published file needs no routing: it is answered before the router runs. Paths under
    /// <paramref name="notPublished"/> (the back office) always go on to routing.
    /// </summary>
    public static void UsePublishedFiles(this WebApplication app, PathString? notPublished)
    {
        var sites = app.Services.GetRequiredService<PublicSites>();
        var dynamicPages = app.Services.GetRequiredService<DynamicPublicPaths>();
        app.Use((context, next) =>
            (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            && !SearchEndpoints.IsSearchPage(context.Request.Path)
            && !dynamicPages.Claims(context.Request.Path)
            && !(notPublished is { } prefix
                && context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
                ? ServeAsync(sites, context)
                : next(context));
    }

    /// <summary>Anything no endpoint claims is for the output server too (it answers 404 or 405).</summary>
    public static void UseOutputServerFallback(this WebApplication app)
    {
        var sites = app.Services.GetRequiredService<PublicSites>();
        app.Use((context, next) => context.GetEndpoint() is null ? ServeAsync(sites, context) : next(context));
    }

    /// <summary>The file from the output of the request's site.</summary>
    private static Task ServeAsync(PublicSites sites, HttpContext context) =>
        sites.For(context) is not { } site ? PublicSites.NoSuchSiteAsync(context)
        : sites.IsSuspended(site) ? PublicSites.SuspendedAsync(context)
        : site.Files.ServeAsync(context);

    public static void MapPublicSite(this WebApplication app)
    {
        app.MapPost("/api/hits/{id:int}", async (int id, HttpContext context, HitCounter counter,
            HitThrottle throttle, CancellationToken cancellationToken) =>
            !await throttle.AllowsAsync(context)
                ? Results.Json(new { error = "访问过于频繁，本次浏览未计数。" },
                    statusCode: StatusCodes.Status429TooManyRequests)
            : await counter.CountAsync(id, cancellationToken) is { } count
                ? Results.Json(new { id, count })
                : Results.Json(new { error = "没有这篇文章，或它尚未发布。" }, statusCode: StatusCodes.Status404NotFound));

        app.MapSiteSearch();
    }
}
