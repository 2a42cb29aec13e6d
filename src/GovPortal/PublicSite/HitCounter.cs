using System.Collections.Concurrent;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.PublicSite;

/// <summary>
/// Counts article views in memory and writes them to the database in batches. A count is only ever taken off the
/// pending total after the database has accepted it, so a failed write is retried and no view is lost.
/// </summary>
public sealed class HitCounter(DatabaseOptions database, ILogger<HitCounter> logger)
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
            return written;
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task<Counter?> LoadAsync(int articleId)
    {
        await using var db = database.CreateContext();
        var hits = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId && a.Status == ArticleStatus.Published)
            .Select(a => (long?)a.HitCount).FirstOrDefaultAsync();
        return hits is { } count ? new Counter(count) : null;
    }
}
