using GovPortal.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace GovPortal.Hosting.Redis;

/// <summary>
/// On an origin with <c>--redis</c>: every second, the views the public nodes left in Redis are added to the
/// articles' counts in the database, by one origin at a time (a lease). The waiting counts are first moved aside
/// under another key, so counts that arrive meanwhile wait for the next round; they leave Redis only after the
/// database took them. An origin that dies between the two folds that round again at the next one: at most one
/// second's views counted twice, never lost (docs/deployment.md).
/// </summary>
public sealed class ViewCountFolding(RedisStore redis, DatabaseOptions database, TimeProvider time,
    ILogger<ViewCountFolding> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private static readonly LuaScript TakeAside = LuaScript.Prepare("""
        if redis.call('EXISTS', @folding) == 0 and redis.call('EXISTS', @views) == 1 then
            redis.call('RENAME', @views, @folding)
        end
        return redis.call('HGETALL', @folding)
        """);

    private readonly string _holder = Guid.NewGuid().ToString("N");

    /// <returns>The views added to the database.</returns>
    public async Task<long> FoldOnceAsync(CancellationToken cancellationToken)
    {
        var db = redis.Database;
        if (!await redis.HoldLeaseAsync("govportal:lease:views", _holder, Interval * 5)) return 0;
        var entries = (RedisResult[])(await TakeAside.EvaluateAsync(db,
            new { folding = (RedisKey)RedisStore.FoldingKey, views = (RedisKey)RedisStore.ViewsKey }))!;
        var views = new Dictionary<int, long>();
        for (var i = 0; i + 1 < entries.Length; i += 2)
            if (int.TryParse((string?)entries[i], out var articleId) && (long)entries[i + 1] is var count and > 0)
                views[articleId] = views.GetValueOrDefault(articleId) + count;
        if (views.Count > 0)
        {
            await using var context = database.CreateContext();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (articleId, count) in views)
                await context.Articles.IgnoreQueryFilters([GovPortalDbContext.SiteFilter])
                    .Where(a => a.Id == articleId)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.HitCount, a => a.HitCount + count),
                        cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await db.KeyDeleteAsync(RedisStore.FoldingKey);
        return views.Values.Sum();
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
                    await FoldOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Redis or the database away: the counts wait in Redis for the next round.
                    logger.LogDebug(e, "Folding the nodes' views into the database failed; trying again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
