namespace GovPortal.PublicSite;

/// <summary>The few dynamic things of the public site, and the output server behind everything else.</summary>
public static class PublicEndpoints
{
    public static void MapPublicSite(this WebApplication app)
    {
        app.UseRouting();
        // A request no endpoint claims is a request for a published file (or gets the themed 404 page).
        app.Use((context, next) => context.GetEndpoint() is null
            ? context.RequestServices.GetRequiredService<OutputFileServer>().ServeAsync(context)
            : next(context));

        app.MapPost("/api/hits/{id:int}", async (int id, HitCounter counter, CancellationToken cancellationToken) =>
            await counter.CountAsync(id, cancellationToken) is { } count
                ? Results.Json(new { id, count })
                : Results.Json(new { error = "没有这篇文章，或它尚未发布。" }, statusCode: StatusCodes.Status404NotFound));
    }
}
