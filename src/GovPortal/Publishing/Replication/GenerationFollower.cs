using GovPortal.Publishing.Output;
using Npgsql;

namespace GovPortal.Publishing.Replication;

/// <summary>
/// A public node's link to the origin: every quarter of a second it reads, from a PostgreSQL replica, which
/// generation each site is at, and applies what changed since its own (<see cref="GenerationApplier"/>). The
/// generation a node holds is written beside the site's output after its batch committed, so a node that was down,
/// or is new, starts from there (or from nothing). While the replica cannot be reached the node serves what it has,
/// says so once in its log and in <see cref="ReplicaStatus"/>, and catches up when it answers again.
/// </summary>
public sealed class GenerationFollower(ReplicaFollowerOptions options, ReplicaStatus status, TimeProvider time,
    ILogger<GenerationFollower> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly NpgsqlDataSource _replica = NpgsqlDataSource.Create(options.ConnectionString);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Reads the replica once and applies every site's new generation.</summary>
    /// <returns>Whether the replica answered.</returns>
    public async Task<bool> FollowOnceAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _replica.OpenConnectionAsync(cancellationToken);
            var reader = await GenerationReader.BeginAsync(connection, cancellationToken);
            var sites = await reader.SitesAsync(cancellationToken);
            foreach (var (site, generation) in sites.OrderBy(s => s.Key != options.FirstSite))
                await FollowSiteAsync(reader, site, generation, cancellationToken);
            await CloseDeletedSitesAsync(sites, cancellationToken);
            await reader.EndAsync(cancellationToken);
            if (status.Unreachable is not null)
                logger.LogWarning("已重新连接数据库副本，网站已同步到源站的最新版本。");
            status.Reached(time.GetUtcNow().UtcDateTime);
            return true;
        }
        catch (Exception e) when (IsUnreachable(e) && !cancellationToken.IsCancellationRequested)
        {
            if (status.Unreachable is null)
                logger.LogError("无法连接数据库副本（{Message}）：继续提供已同步的版本，恢复连接后自动同步。", e.Message);
            status.Lost($"无法连接数据库副本：{e.Message}");
            return false;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task FollowSiteAsync(GenerationReader reader, string site, long generation,
        CancellationToken cancellationToken)
    {
        if (!OutputLayout.IsValidSiteCode(site)) return;
        var store = options.OpenSite(site);
        var held = HeldGeneration.Read(store.Layout);
        status.SetGeneration(site, held);
        if (held == generation) return;
        // Behind the node (the database restored to an older state): the whole output is read again.
        var complete = held == 0 || held > generation;
        try
        {
            var rows = await reader.ChangedAsync(site, complete ? 0 : held, cancellationToken);
            var (written, removed) = await new GenerationApplier(store).ApplyAsync(reader, rows, complete,
                cancellationToken);
            HeldGeneration.Write(store.Layout, generation);
            status.SetGeneration(site, generation);
            logger.LogInformation("Site {Site} is at generation {Generation}: {Written} files written, {Removed} " +
                                  "removed", site, generation, written, removed);
            await FollowSearchAsync(site, rows, cancellationToken);
        }
        catch (ReplicationException e)
        {
            // The rest of the sites go on; this one keeps serving its last verified generation and tries again.
            logger.LogError("站点 {Site} 未能同步到第 {Generation} 版：{Message}。继续提供第 {Held} 版。", site,
                generation, e.Message, held);
        }
    }

    /// <summary>
    /// A site the origin deleted is gone from the replica: the node stops serving it and deletes its output. Only once
    /// the origin has published anything at all (a database it has not yet started on lists no site).
    /// </summary>
    private async Task CloseDeletedSitesAsync(IReadOnlyDictionary<string, long> sites,
        CancellationToken cancellationToken)
    {
        if (sites.Count == 0 || options.CloseSite is not { } close) return;
        foreach (var held in status.Generations.Keys.Where(code => !sites.ContainsKey(code)
                     && code != options.FirstSite).ToList())
        {
            await close(held, cancellationToken);
            status.Forget(held);
            logger.LogWarning("源站已删除站点 {Site}：本节点已停止提供并删除它的发布目录。", held);
        }
    }

    /// <summary>
    /// The search index is the node's own, kept from the replica's articles: what the owners of the changed files
    /// name is indexed again. A failure there is logged and leaves the pages as they are.
    /// </summary>
    private async Task FollowSearchAsync(string site, List<ReplicatedFile> rows, CancellationToken cancellationToken)
    {
        if (options.FollowSearch is not { } follow) return;
        try
        {
            await follow(site, rows.Select(r => r.Owner).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "站点 {Site} 的站内搜索索引未能跟上源站的更新，稍后重建。", site);
        }
    }

    private static bool IsUnreachable(Exception e) =>
        e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException;

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
                    // A disk error and the like: logged, and tried again at the next tick; the node keeps serving.
                    logger.LogError(e, "同步源站发布的版本时出错，稍后重试。");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _replica.Dispose();
        _oneAtATime.Dispose();
        base.Dispose();
    }
}

/// <summary>Where a node reads the origin's output, and how it opens a site's local output.</summary>
/// <param name="FirstSite">The platform's first site, followed first.</param>
/// <param name="FollowSearch">Brings a site's search index up to the pages of the given owners.</param>
/// <param name="CloseSite">Stops serving a site the origin deleted, and deletes its output.</param>
public sealed record ReplicaFollowerOptions(string ConnectionString, string FirstSite,
    Func<string, OutputStore> OpenSite,
    Func<string, IReadOnlyCollection<string>, CancellationToken, Task>? FollowSearch = null,
    Func<string, CancellationToken, Task>? CloseSite = null);
