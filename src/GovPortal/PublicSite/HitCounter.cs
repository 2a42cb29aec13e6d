using System.Collections.Concurrent;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.PublicSite;

/// <summary>
/// Counts article views in memory and writes them to the database in batches. A count is only ever taken off the
/// pending total after the database has accepted it, so a failed write is retried and no view is lost.
/// </summary>
public sealed class HitCounter(DatabaseOptions database, ILogger<HitCounter> logger,
    Shared.IViewCountSink? sink = null)
{
    private sealed class Counter(long persisted)
    {
        public long Total = persisted; // what readers see
        public long Pending;           // not yet in the database
    }

    private readonly ConcurrentDictionary<int, Lazy<Task<Counter?>>> _counters = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>
    /// Counts one view of a published article and returns its new total, or null if there is no such article.
    /// </summary>
    public async Task<long?> CountAsync(int articleId, CancellationToken cancellationToken = default)
    {
        // An id no published article has is answered from memory: asking the database for each would let anyone
        // send queries at the speed of the network. So is an article of another site than the request's.
        if (!await IsLiveAsync(articleId, cancellationToken)) return null;
        var lazy = _counters.GetOrAdd(articleId, id => new Lazy<Task<Counter?>>(() => LoadAsync(id)));
        Counter? counter;
        try
        {
            counter = await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted)
        {
            // A database hiccup must not stop this article's count until restart: the next view tries again.
            _counters.TryRemove(new KeyValuePair<int, Lazy<Task<Counter?>>>(articleId, lazy));
            throw;
        }
        if (counter is null)
        {
            // Unknown today may be published tomorrow: do not remember the miss.
            _counters.TryRemove(new KeyValuePair<int, Lazy<Task<Counter?>>>(articleId, lazy));
            return null;
        }
        Interlocked.Increment(ref counter.Pending);
        return Interlocked.Increment(ref counter.Total);
    }

    /// <summary>Writes every pending count to the database. Returns the number of views written.</summary>
    public async Task<long> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            if (sink is not null) return await FlushToSinkAsync(sink);
            long written = 0;
            await using var db = database.CreateContext();
            foreach (var (articleId, lazy) in _counters)
            {
                if (!lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully || lazy.Value.Result is not { } counter)
                    continue;
                var pending = Interlocked.Exchange(ref counter.Pending, 0);
                if (pending == 0) continue;
                try
                {
                    // Not cancellable: once the database may have applied it, the count must not be put back and
                    // written twice by the final flush.
                    await db.Articles.Where(a => a.Id == articleId)
                        .ExecuteUpdateAsync(
                            set => set.SetProperty(a => a.HitCount, a => a.HitCount + pending), CancellationToken.None);
                    written += pending;
                }
                catch (Exception e)
                {
                    Interlocked.Add(ref counter.Pending, pending); // keep them for the next flush
                    logger.LogWarning(e, "Could not write {Count} views of article {ArticleId}; will retry",
                        pending, articleId);
                }
            }
            // What is written here is in the database: a process killed later loses only views counted since.
            if (written > 0) logger.LogDebug("Wrote {Count} views to the database", written);
            return written;
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>
    /// A node that writes to no database hands its counts to the shared store in one call; a failed call puts every
    /// count back for the next flush.
    /// </summary>
    private async Task<long> FlushToSinkAsync(Shared.IViewCountSink views)
    {
        var taken = new Dictionary<int, long>();
        foreach (var (articleId, lazy) in _counters)
        {
            if (!lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully || lazy.Value.Result is not { } counter)
                continue;
            var pending = Interlocked.Exchange(ref counter.Pending, 0);
            if (pending > 0) taken[articleId] = pending;
        }
        if (taken.Count == 0) return 0;
        try
        {
            // Not cancellable, like the database's write: a count sent must not be put back and sent twice.
            await views.AddAsync(taken, CancellationToken.None);
            return taken.Values.Sum();
        }
        catch (Exception e)
        {
            foreach (var (articleId, pending) in taken)
                if (_counters.TryGetValue(articleId, out var lazy) && lazy.Value.Result is { } counter)
                    Interlocked.Add(ref counter.Pending, pending);
            logger.LogWarning(e, "Could not hand {Count} views to the shared store; will retry", taken.Values.Sum());
            return 0;
        }
    }

    /// <summary>
    /// How old the set of published ids may be before an id missing from it makes it read again: at most one query
    /// in this time whatever is asked, and an article published just now is counted within it.
    /// </summary>
    public static readonly TimeSpan LiveIdsRefresh = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _loadingLiveIds = new(1, 1);
    private volatile LiveIds? _liveIds;

    // Every site's published articles, each with its site: a view counts only on the site the article is on.
    private sealed record LiveIds(Dictionary<int, int> SiteOf, long LoadedAt)
    {
        public bool Counts(int articleId) => SiteOf.TryGetValue(articleId, out var site)
            && (Data.SiteScope.Current is not { } current || current.Id == site);
    }

    private async Task<bool> IsLiveAsync(int articleId, CancellationToken cancellationToken)
    {
        if (_liveIds is { } live && (live.SiteOf.ContainsKey(articleId) || !IsStale(live.LoadedAt)))
            return live.Counts(articleId);
        await _loadingLiveIds.WaitAsync(cancellationToken);
        try
        {
            // Someone else may have read it while this request waited.
            if (_liveIds is not { } current || IsStale(current.LoadedAt))
            {
                Interlocked.Increment(ref _databaseReads);
                var loadedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                await using var db = database.CreateContext();
                var ids = await db.Articles.IgnoreQueryFilters([GovPortalDbContext.SiteFilter]).AsNoTracking()
                    .Where(a => a.Status == ArticleStatus.Published)
                    .Select(a => new { a.Id, a.SiteId }).ToDictionaryAsync(a => a.Id, a => a.SiteId, cancellationToken);
                current = new LiveIds(ids, loadedAt);
                _liveIds = current;
            }
            return current.Counts(articleId);
        }
        finally
        {
            _loadingLiveIds.Release();
        }
    }

    private static bool IsStale(long loadedAt) =>
        System.Diagnostics.Stopwatch.GetElapsedTime(loadedAt) >= LiveIdsRefresh;

    private long _databaseReads;

    /// <summary>How many times the counter has asked the database about articles (not counting flushes).</summary>
    public long DatabaseReads => Interlocked.Read(ref _databaseReads);

    private async Task<Counter?> LoadAsync(int articleId)
    {
        Interlocked.Increment(ref _databaseReads);
        await using var db = database.CreateContext();
        var hits = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId && a.Status == ArticleStatus.Published)
            .Select(a => (long?)a.HitCount).FirstOrDefaultAsync();
        return hits is { } count ? new Counter(count) : null;
    }
}
