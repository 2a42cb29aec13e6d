using System.Globalization;
using System.Text;
using GovPortal.Publishing.Replication;

namespace GovPortal.Hosting.Nodes;

/// <summary>
/// <c>/healthz</c>, for the balancer in front and the operator: 200 when this process can serve. A node that
/// follows a replica answers 200 only once every site it serves has a verified generation; the body names each
/// site's generation and whether the replica answers (a node that lost it still serves what it has, and says so).
/// </summary>
public static class Healthz
{
    public const string Path = "/healthz";

    public static IApplicationBuilder UseHealthz(this IApplicationBuilder app, PortalSettings settings)
    {
        var status = settings.FollowsReplica ? app.ApplicationServices.GetRequiredService<ReplicaStatus>() : null;
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var (ready, text) = status is null ? (true, "ok\n") : Describe(status);
            context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.WriteAsync(text);
        });
    }

    private static (bool Ready, string Text) Describe(ReplicaStatus status)
    {
        var text = new StringBuilder();
        text.AppendLine(status.Ready ? "ok" : "not ready: no verified generation yet");
        foreach (var (site, generation) in status.Generations.OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"site {site} generation {generation}");
        text.AppendLine(status.Unreachable is { } why
            ? $"replica unreachable: {why}"
            : "replica reachable");
        return (status.Ready, text.ToString());
    }
}
