using GovPortal.PublicSite;
using GovPortal.PublicSite.Shared;

namespace GovPortal.Hosting.Redis;

public static class RedisServices
{
    /// <summary>
    /// With <c>--redis</c>: rate limits counted across processes; on a public node, views handed to Redis every
    /// second; on an origin, those views folded into the database and scheduled publishing done by one origin.
    /// </summary>
    public static IServiceCollection AddRedis(this IServiceCollection services, PortalSettings settings)
    {
        if (settings.Redis is not { } configuration) return services;
        services.AddSingleton(provider => new RedisStore(configuration,
            provider.GetRequiredService<ILogger<RedisStore>>()));
        services.AddSingleton<ISharedRateLimits>(provider => provider.GetRequiredService<RedisStore>());
        if (settings.FollowsReplica)
        {
            services.AddSingleton<IViewCountSink>(provider => provider.GetRequiredService<RedisStore>());
            services.AddSingleton(new HitFlushInterval(TimeSpan.FromSeconds(1)));
        }
        if (settings.BackOffice.Enabled)
        {
            services.AddSingleton<ViewCountFolding>();
            services.AddHostedService(provider => provider.GetRequiredService<ViewCountFolding>());
            services.AddSingleton<BackOffice.Workflow.IWorkLease, RedisLease>();
        }
        return services;
    }
}
