using GovPortal.Publishing.Output;
using GovPortal.Publishing.Replication;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Hosting.Origins;

/// <summary>
/// An origin beside others on one PostgreSQL database (several behind nginx): every second it looks at each site's
/// generation, and a site another origin published while this one did not is brought up to it
/// (<see cref="Publishing.Publisher.CatchUpWithOtherOriginsAsync"/>), so that this origin's own public server and
/// back-office previews show what the others published. A site another origin made is opened here; one it deleted
/// is closed; a content-safety list another saved is taken into use. Alone, an origin finds its own generations and
/// lists and does nothing.
/// </summary>
public sealed class OriginFollowing(PortalSettings settings, Sites.PortalSites sites, OriginTurns turns,
    BackOffice.ContentSafety.SharedSafetyLists safetyLists, TimeProvider time, ILogger<OriginFollowing> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Looks once, and catches up every site that is behind.</summary>
    public async Task FollowOnceAsync(CancellationToken cancellationToken)
    {
        if (safetyLists.Follow() > 0) logger.LogInformation("其他源站修改了内容安全词库：本源站已改用新词库。");
        var generations = await turns.GenerationsAsync(cancellationToken);
        if (generations.Count == 0) return;
        // The sites open before the database is read: one made here in the meantime is never taken for deleted.
        var open = sites.All.Select(s => s.Code).ToList();
        await using (var db = settings.Database.CreateContext())
        {
            var existing = await db.Sites.AsNoTracking().Select(s => s.Code).ToListAsync(cancellationToken);
            foreach (var gone in open.Where(code => code != settings.SiteCode && !existing.Contains(code)))
            {
                await sites.CloseAsync(gone, cancellationToken);
                logger.LogWarning("站点 {Site} 已由其他源站删除：本源站已停止提供它。", gone);
            }
            foreach (var code in generations.Keys.Where(existing.Contains)) sites.Open(code);
        }
        foreach (var site in sites.All)
            if (generations.TryGetValue(site.Code, out var generation)
                && generation > HeldGeneration.Read(site.Layout))
                await site.Publisher.CatchUpWithOtherOriginsAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FollowOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database away, a disk error: this origin keeps serving what it has and tries again.
                    logger.LogError(e, "未能同步其他源站发布的版本，稍后重试。");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
