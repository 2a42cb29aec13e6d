namespace GovPortal.PublicSite;

/// <summary>The few dynamic things of the public site (view counts, search), and the output server behind everything else.</summary>
public static class PublicEndpoints
{
    public static void MapPublicSite(this WebApplication app)
    {
        var files = app.Services.GetRequiredService<OutputFileServer>();

        // Reading a published file needs no routing: answer it before the router runs.
        app.Use((context, next) =>
            (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            && !SearchEndpoints.IsSearchPage(context.Request.Path)
                ? files.ServeAsync(context)
                : next(context));

        app.UseRouting();
        app.UseRateLimiter();
        // Anything no endpoint claims is for the output server too (it answers 404 or 405).
        app.Use((context, next) => context.GetEndpoint() is null ? files.ServeAsync(context) : next(context));

        app.MapPost("/api/hits/{id:int}", async (int id, HitCounter counter, CancellationToken cancellationToken) =>
            await counter.CountAsync(id, cancellationToken) is { } count
                ? Results.Json(new { id, count })
                : Results.Json(new { error = "没有这篇文章，或它尚未发布。" }, statusCode: StatusCodes.Status404NotFound));

        app.MapSiteSearch();
    }
}
