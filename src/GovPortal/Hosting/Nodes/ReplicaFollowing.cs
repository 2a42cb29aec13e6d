using GovPortal.Publishing.Replication;

namespace GovPortal.Hosting.Nodes;

public static class ReplicaFollowing
{
    /// <summary>A public node that follows the origin's generations from a PostgreSQL replica.</summary>
    public static IServiceCollection AddReplicaFollowing(this IServiceCollection services, PortalSettings settings)
    {
        services.AddSingleton<ReplicaStatus>();
        services.AddSingleton(provider =>
        {
            var sites = provider.GetRequiredService<Sites.PortalSites>();
            return new ReplicaFollowerOptions(settings.Database.ConnectionString, settings.SiteCode,
                code => sites.Open(code).Store,
                (code, owners, cancellationToken) => sites.Open(code).Publisher.FollowSearchIndexAsync(
                    Publishing.Publisher.ArticlesOwning(owners), cancellationToken),
                sites.CloseAsync);
        });
        services.AddSingleton<GenerationFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<GenerationFollower>());
        services.AddSingleton<NodeStartup>();
        return services;
    }
}
