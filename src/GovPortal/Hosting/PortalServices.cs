using Microsoft.Extensions.DependencyInjection.Extensions;
using GovPortal.Hosting.Nodes;
using GovPortal.Chinese;
using GovPortal.Citizens;
using GovPortal.Disclosure;
using GovPortal.Interaction;
using GovPortal.Content.Kinds;
using GovPortal.Content.Uploads;
using GovPortal.Data;
using GovPortal.Data.Demo;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Publishing.Rendering;
using GovPortal.PublicSite;
using GovPortal.Safety;
using GovPortal.Safety.Tamper;
using GovPortal.Safety.Scanning;
using GovPortal.Search;

namespace GovPortal.Hosting;

public static class PortalServices
{
    /// <summary>Size of the in-memory copy of hot published files.</summary>
    public const long ServedFileCacheBytes = 256L * 1024 * 1024;

    /// <summary>The services shared by every command: data, publishing, Chinese text.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, PortalSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Paths);
        services.AddSingleton(settings.Database);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new ChineseConverter(ChineseConverter.DefaultDictionaryDirectory));
        services.AddSingleton<RichTextSanitizer>();
        services.AddSingleton(provider => new PageScanner(provider.GetRequiredService<ChineseConverter>(),
            settings.Paths.SafetyListsDirectory, settings.Paths.SiteSafetyListsDirectory));
        services.AddSingleton<UploadStore>();
        services.AddSingleton<DemoSiteSeeder>();
        // One site's output: a second site is one more registration of these per-site services.
        services.AddSingleton(OutputLayout.For(settings.Paths, settings.SiteCode));
        services.AddSingleton(provider => Manifest.Open(provider.GetRequiredService<OutputLayout>().ManifestFile));
        services.AddSingleton(_ => new ObjectStore(settings.Paths.ObjectStoreFile));
        // With PostgreSQL every committed batch is also copied there, for public nodes that follow its replicas.
        if (settings.Database.Provider == DatabaseProvider.Postgres && !settings.FollowsReplica)
        {
            services.AddSingleton<IOutputMirror>(_ => new Publishing.Replication.PostgresOutputMirror(
                settings.Database.ConnectionString));
            // Several origins may publish into it: a site's publishes take turns across them.
            services.AddSingleton(_ => new Publishing.Replication.OriginTurns(settings.Database.ConnectionString));
            // Uploads and letters' files too, for every origin beside this one.
            services.AddSingleton<Storage.ISharedFiles>(_ => new Storage.PostgresSharedFiles(
                settings.Database.ConnectionString));
            services.AddSingleton<BackOffice.ContentSafety.SharedSafetyLists>();
        }
        services.AddSingleton<OutputStore>();
        services.AddSingleton<RazorPageRenderer>();
        services.AddSingleton<ThemeAssets>();
        services.AddSingleton<AttachmentText>();
        services.AddSingleton<SearchDocuments>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton(ContentKinds.Default);
        services.AddSingleton<ArticleChecks>();
        services.TryAddSingleton(new PublishOptions());
        services.AddSingleton<Publisher>();
        // The search index and its guard ask for a rebuild; the publisher does it.
        services.AddSingleton<ISearchIndexRebuilder>(provider => provider.GetRequiredService<Publisher>());
        services.AddSingleton<PortalStartup>();
        services.AddSingleton<Sites.PortalSites>();
        services.AddSingleton<ISitePublishers>(provider => provider.GetRequiredService<Sites.PortalSites>());
        services.AddSingleton<GovPortal.Safety.Health.ISiteHealthCheckers>(
            provider => provider.GetRequiredService<Sites.PortalSites>());
        services.AddSingleton<GovPortal.Safety.Health.HealthChecker>();
        services.AddSingleton(_ => GovPortal.Safety.Health.ExternalLinkProbe.Default());
        services.AddSingleton(GovPortal.Citizens.Protection.PersonalDataKeyOptions.For(settings.Paths,
            settings.PersonalDataCipher));
        services.AddCitizenCore(settings.Paths).AddDisclosureCore().AddInteractionCore();
        return services;
    }

    /// <summary>The public server: output files, view counts and search.</summary>
    public static IServiceCollection AddPublicSite(this IServiceCollection services, PortalSettings settings)
    {
        services.AddSingleton(provider =>
        {
            var cache = new ServedFileCache(ServedFileCacheBytes);
            // Withdrawn pages leave memory with the manifest; other versions are replaced by their new hash. (The
            // first site's; every other site's is wired when it is opened, see PortalSites.)
            var code = provider.GetRequiredService<OutputLayout>().SiteCode;
            provider.GetRequiredService<Manifest>().Removed += paths =>
            {
                foreach (var path in paths) cache.Invalidate(OutputFileServer.CacheKey(code, path));
            };
            if (provider.GetService<System.Diagnostics.Metrics.IMeterFactory>() is { } meters)
                ServedFileCacheMetrics.Register(meters, cache);
            return cache;
        });
        services.AddSingleton<GovPortal.PublicSite.Variants.VariantTransformer>();
        services.AddSingleton<MourningCalendar>();
        services.AddSingleton<WithdrawnPages>();
        services.AddSingleton<OldAddresses>();
        services.AddSingleton<OutputFileServer>();
        services.AddSingleton<HitCounter>();
        services.AddSingleton<HitThrottle>();
        services.AddSingleton(_ => TamperGuardOptions.FromEnvironment());
        services.AddSingleton<TamperAlerts>();
        services.AddSingleton<TamperGuard>();
        services.AddSingleton<OutputWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutputWatcher>());
        services.AddSingleton<SearchIndexGuard>();
        services.AddHostedService<TamperSweepService>();
        // A node that follows a read-only replica writes to no database: its views go to Redis (--redis), or stay
        // counted in its memory without it.
        if (!settings.FollowsReplica || settings.Redis is not null) services.AddHostedService<HitFlushService>();
        if (settings.FollowsReplica) services.AddReplicaFollowing(settings);
        // An origin on PostgreSQL follows what other origins beside it publish.
        else if (settings.Database.Provider == DatabaseProvider.Postgres)
            services.AddHostedService<Origins.OriginFollowing>();
        services.AddSiteSearch();
        services.AddSingleton(provider => new PublicSiteOutput(provider.GetRequiredService<OutputStore>(),
            provider.GetRequiredService<OutputFileServer>(), provider.GetRequiredService<SiteSearch>(),
            provider.GetRequiredService<MourningCalendar>()));
        services.AddSingleton<PublicSites>();
        // Stops the watchers and sweeps of the sites beside the first.
        services.AddHostedService(provider => provider.GetRequiredService<Sites.PortalSites>());
        services.AddSingleton<DynamicPublicPaths>();
        return services;
    }
}
