using GovPortal.Publishing.Replication;

namespace GovPortal.Publishing;

public sealed partial class Publisher
{
    // More articles than this changed by other origins (a full publish there): the index is rebuilt, not followed.
    private const int MostArticlesFollowedOneByOne = 2_000;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>
    /// Whether other origins may publish this site too (PostgreSQL): then each publish takes its turn across them all.
    /// </summary>
    public bool TakesTurnsWithOtherOrigins => turns is not null;

    /// <summary>
    /// One publish of the site at a time in this process; with PostgreSQL, one at a time across every origin, each
    /// begun from what the others published (<see cref="OriginTurns"/>), its search index brought up to it.
    /// </summary>
    private async Task<Turn> TakeTurnAsync(CancellationToken cancellationToken = default, bool atStart = false)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        if (turns is null) return new Turn(_oneAtATime, null);
        OriginTurns.Turn? origin = null;
        try
        {
            origin = await turns.TakeAsync(store, cancellationToken, atStart);
            if (origin.CaughtUp.Count > 0) await FollowOtherOriginsSearchAsync(origin.CaughtUp, cancellationToken);
            return new Turn(_oneAtATime, origin);
        }
        catch (Exception e)
        {
            if (origin is not null) await origin.DisposeAsync();
            _oneAtATime.Release();
            // Not from pages older than another origin's: the change waits, and the editor is told why.
            if (e is Npgsql.NpgsqlException or ReplicationException or TimeoutException or IOException)
                throw new PublishException($"未能与其他源站已发布的页面同步（{e.Message}），本次没有发布，请稍后重试。");
            throw;
        }
    }

    /// <summary>
    /// Brings this origin's output up to what other origins published (at the start of the process, or when another
    /// origin published while this one did not): an origin serves the same pages as every other.
    /// </summary>
    /// <param name="atStart">At the start: a database that lacks this output, or holds an older one, is brought in
    /// step with it instead.</param>
    public async Task CatchUpWithOtherOriginsAsync(CancellationToken cancellationToken = default, bool atStart = false)
    {
        if (turns is null) return;
        var turn = await TakeTurnAsync(cancellationToken, atStart);
        await turn.DisposeAsync();
    }

    private async Task FollowOtherOriginsSearchAsync(IReadOnlyCollection<string> owners,
        CancellationToken cancellationToken)
    {
        var articles = ArticlesOwning(owners);
        try
        {
            if (articles.Count > MostArticlesFollowedOneByOne || searchIndex.IsUnreadable)
                await RebuildSearchIndexUnlockedAsync(cancellationToken);
            else if (articles.Count > 0) await FollowSearchIndexUnlockedAsync(articles, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The pages are in step; the index is rebuilt at the next start (its change marker stays).
            logger.LogError(e, "站点 {Site} 的站内搜索索引未能跟上其他源站的发布。", SiteCode);
        }
    }

    /// <summary>The articles whose pages a generation wrote or removed, from its files' owners.</summary>
    public static List<int> ArticlesOwning(IEnumerable<string> owners) =>
    [
        .. owners.Select(owner => PageKey.TryParse(owner, out var key) ? key : (PageKey?)null)
            .Where(key => key is { Kind: PageKind.Article })
            .Select(key => key!.Value.Id).Distinct(),
    ];

    /// <summary>A publish's turn; disposing it lets the next one (of this process or of another origin) have it.
    /// </summary>
    private sealed class Turn(SemaphoreSlim local, OriginTurns.Turn? origin) : IAsyncDisposable
    {
        private bool _ended;

        public async ValueTask DisposeAsync()
        {
            if (_ended) return;
            _ended = true;
            try
            {
                if (origin is not null) await origin.DisposeAsync();
            }
            finally
            {
                local.Release();
            }
        }
    }
}
