using GovPortal.Publishing.Output;
using GovPortal.Publishing.Replication;

namespace GovPortal.Hosting.Nodes;

/// <summary>
/// Brings a public node that follows a replica to a servable state without writing to any database: the sites it
/// already holds are opened (so it serves them even when the replica does not answer), a sync cut off by a crash
/// is undone from the publish journal, and the origin's latest generation is applied before the first request.
/// </summary>
public sealed class NodeStartup(PortalSettings settings, Sites.PortalSites sites, GenerationFollower follower,
    ReplicaStatus status, ILogger<NodeStartup> logger)
{
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        settings.Paths.EnsureCreated();
        _ = sites.Primary;
        foreach (var folder in Directory.EnumerateDirectories(settings.Paths.OutputDirectory))
        {
            var code = Path.GetFileName(folder);
            if (OutputLayout.IsValidSiteCode(code) && File.Exists(OutputLayout.For(settings.Paths, code).ManifestFile))
                sites.Open(code);
        }
        foreach (var site in sites.All)
        {
            var recovered = InterruptedPublish.Recover(site.Store);
            // A node never rebuilds from a database; it applies the origin's generation again instead.
            File.Delete(site.Layout.RebuildMarker);
            if (recovered.Interrupted)
                logger.LogWarning("上次同步站点 {Site} 时中断：{PutBack} 个文件已恢复为上次同步的版本，{Removed} 个已删除。",
                    site.Code, recovered.FilesPutBack, recovered.FilesRemoved);
            status.SetGeneration(site.Code, Publishing.Output.HeldGeneration.Read(site.Layout));
        }
        if (!await follower.FollowOnceAsync(cancellationToken))
        {
            logger.LogWarning("启动时未能连接数据库副本：先提供本节点已同步的版本。");
            return;
        }
        // A crash between a change and its index commit left the index behind: rebuilt from the standby once.
        foreach (var site in sites.All.Where(s => s.SearchIndex.NeedsRebuild))
            await site.Publisher.FollowSearchIndexAsync([], cancellationToken, rebuildIfBehind: true);
    }
}
