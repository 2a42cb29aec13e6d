using System.Threading.RateLimiting;

namespace GovPortal.PublicSite.Shedding;

/// <summary>Registers <see cref="LoadShedding"/> and puts it in front of the dynamic endpoints.</summary>
public static class LoadSheddingSetup
{
    public static IServiceCollection AddLoadShedding(this IServiceCollection services, DynamicRequestLimits limits)
    {
        services.AddSingleton(limits);
        services.AddSingleton<SchedulingDelay>();
        services.AddSingleton<LoadShedding>();
        return services;
    }

    /// <summary>
    /// After the published files (answered before this, never shed) and before routing, so that a shed request costs
    /// no endpoint work. Paths under <paramref name="backOffice"/> are not limited: staff work during a flood too.
    /// </summary>
    public static void UseLoadShedding(this WebApplication app, PathString? backOffice)
    {
        var shedding = app.Services.GetRequiredService<LoadShedding>();
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var lane = backOffice is { } prefix && path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)
                ? SheddingLane.None
                : shedding.LaneOf(path);
            if (lane == SheddingLane.None)
            {
                await next(context);
                return;
            }
            RateLimitLease lease;
            try
            {
                lease = await shedding.EnterAsync(lane, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The reader went away while waiting its turn: nobody to answer, nothing to log.
                return;
            }
            using var held = lease;
            if (lease.IsAcquired) await next(context);
            else
            {
                shedding.NoteShed(lane);
                await ShedAnswer.WriteAsync(context, shedding.Limits);
            }
        });
    }
}
