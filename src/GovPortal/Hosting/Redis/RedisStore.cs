using GovPortal.PublicSite.Shared;
using StackExchange.Redis;

namespace GovPortal.Hosting.Redis;

/// <summary>
/// What several processes share through Redis (<c>--redis</c>): the views public nodes counted, waiting for the origin
/// to fold them into the database; rate-limit windows counted once for every node; and leases that let one origin
/// alone do a job. The connection is made in the background and comes back by itself; while Redis is away, limits
/// fall back to each process's own and counts wait in memory.
/// </summary>
public sealed class RedisStore : ISharedRateLimits, IViewCountSink, IDisposable
{
    public const string ViewsKey = "govportal:views";
    public const string FoldingKey = "govportal:views:folding";

    // One permit: the window's counter, made to expire with its window.
    private static readonly LuaScript TakeScript = LuaScript.Prepare("""
        local taken = redis.call('INCR', @key)
        if taken == 1 then redis.call('PEXPIRE', @key, @milliseconds) end
        return taken
        """);

    // Takes a lease nobody holds, or renews the caller's own; one step, so two callers never both hold it.
    private static readonly LuaScript LeaseScript = LuaScript.Prepare("""
        local holder = redis.call('GET', @key)
        if holder == false then
            redis.call('SET', @key, @holder, 'PX', @milliseconds)
            return 1
        end
        if holder == @holder then
            redis.call('PEXPIRE', @key, @milliseconds)
            return 1
        end
        return 0
        """);

    private readonly ConnectionMultiplexer _redis;
    private readonly ILogger<RedisStore> _logger;
    private long _lastWarning;

    public RedisStore(string configuration, ILogger<RedisStore> logger)
    {
        _logger = logger;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // a start without Redis serves; the connection follows when it is back
        options.ConnectTimeout = 2000;
        // A limit asked of Redis must not hold a reader up: past this, the process's own limit answers.
        options.AsyncTimeout = 1000;
        _redis = ConnectionMultiplexer.Connect(options);
    }

    public IDatabase Database => _redis.GetDatabase();

    public bool IsConnected => _redis.IsConnected;

    /// <summary>Why the last call fell back to the process's own limit (for the log and the tests).</summary>
    public string? LastFailure { get; private set; }

    public async Task<bool?> TryTakeAsync(string bucket, string client, int limit, TimeSpan window)
    {
        if (!_redis.IsConnected) return Unavailable(null);
        var milliseconds = (long)window.TotalMilliseconds;
        var slot = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / milliseconds;
        try
        {
            var taken = (long)await TakeScript.EvaluateAsync(Database,
                new { key = (RedisKey)$"govportal:rate:{bucket}:{client}:{slot}", milliseconds });
            return taken <= limit;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return Unavailable(e);
        }
    }

    public async Task AddAsync(IReadOnlyDictionary<int, long> views, CancellationToken cancellationToken)
    {
        var entries = views.Select(v => new HashEntry(v.Key, v.Value)).ToArray();
        var batch = Database.CreateBatch();
        var increments = entries.Select(e => batch.HashIncrementAsync(ViewsKey, e.Name, (long)e.Value)).ToList();
        batch.Execute();
        await Task.WhenAll(increments);
    }

    /// <summary>Takes or renews a lease for <paramref name="holder"/>; false while another holds it.</summary>
    public async Task<bool> HoldLeaseAsync(string key, string holder, TimeSpan lifetime) =>
        (long)await LeaseScript.EvaluateAsync(Database,
            new { key = (RedisKey)key, holder, milliseconds = (long)lifetime.TotalMilliseconds }) == 1;

    /// <summary>Logs at most once a minute that Redis is away, and lets the caller use its own limit.</summary>
    private bool? Unavailable(Exception? e)
    {
        LastFailure = e?.ToString() ?? "not connected";
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if (now - last > 60_000 && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
            _logger.LogWarning("Redis 暂时无法连接（{Message}）：频率限制暂按本进程计算，浏览次数暂存在内存中。",
                e?.Message ?? "未连接");
        return null;
    }

    public void Dispose() => _redis.Dispose();
}
