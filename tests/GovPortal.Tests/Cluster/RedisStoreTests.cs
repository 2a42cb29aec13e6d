using GovPortal.Hosting.Redis;
using GovPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovPortal.Tests.Cluster;

/// <summary>
/// The parts several processes share through a real Redis: a lease one origin holds at a time and another takes
/// over when the holder stops renewing it; a window counted once for every process; and, with Redis gone, limits
/// that fall back to each process's own instead of opening or closing the gate.
/// </summary>
[Trait("Needs", "Redis")]
public sealed class RedisStoreTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task One_origin_holds_a_lease_until_it_stops_renewing_it_then_another_takes_it()
    {
        using var store = Connected(redis.Configuration);
        var first = new RedisLease(store);
        var second = new RedisLease(store);
        var job = "test-" + Guid.NewGuid().ToString("N");
        Assert.True(await first.HoldAsync(job, TimeSpan.FromSeconds(30)));
        Assert.False(await second.HoldAsync(job, TimeSpan.FromSeconds(30)));
        Assert.True(await first.HoldAsync(job, TimeSpan.FromMilliseconds(300))); // renewed, now short
        Assert.False(await second.HoldAsync(job, TimeSpan.FromSeconds(30)));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.True(await second.HoldAsync(job, TimeSpan.FromSeconds(30)));
        Assert.False(await first.HoldAsync(job, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_window_is_counted_once_for_every_process_sharing_it()
    {
        using var one = Connected(redis.Configuration);
        using var other = Connected(redis.Configuration);
        // A call that timed out on this loaded machine is its process's own (null): such a round says nothing and
        // is made again with another client.
        string client;
        List<bool?> answers;
        var rounds = 0;
        do
        {
            client = $"192.0.2.{++rounds}-{Guid.NewGuid():N}";
            answers = [];
            for (var i = 0; i < 10; i++)
            {
                answers.Add(await one.TryTakeAsync("test", client, 8, TimeSpan.FromMinutes(5)));
                answers.Add(await other.TryTakeAsync("test", client, 8, TimeSpan.FromMinutes(5)));
            }
        } while (answers.Contains(null) && rounds < 5);
        Assert.True(8 == answers.Count(a => a == true), $"{one.LastFailure} {other.LastFailure}");
        Assert.Equal(12, answers.Count(a => a == false));
        Assert.True(await one.TryTakeAsync("test", client + "0", 8, TimeSpan.FromMinutes(5)), one.LastFailure);
    }

    [Fact]
    public async Task Without_redis_a_limit_is_neither_granted_nor_refused_but_left_to_the_process()
    {
        var away = new RedisServer();
        await away.InitializeAsync();
        using var store = Connected(away.Configuration);
        Assert.True(await store.TryTakeAsync("test", "192.0.2.1", 1, TimeSpan.FromMinutes(1)));
        await away.DisposeAsync();
        for (var waited = System.Diagnostics.Stopwatch.StartNew();
             store.IsConnected && waited.Elapsed < TimeSpan.FromSeconds(20);)
            await Task.Delay(100);
        Assert.Null(await store.TryTakeAsync("test", "192.0.2.1", 1, TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAnyAsync<Exception>(() =>
            store.AddAsync(new Dictionary<int, long> { [1] = 1 }, CancellationToken.None));
    }

    /// <summary>
    /// A store once its connection is up: the first calls after a process starts are its own process's (the
    /// connection is made in the background), which these tests are not about.
    /// </summary>
    private static RedisStore Connected(string configuration)
    {
        var store = new RedisStore(configuration, NullLogger<RedisStore>.Instance);
        for (var waited = System.Diagnostics.Stopwatch.StartNew();
             !store.IsConnected && waited.Elapsed < TimeSpan.FromSeconds(20);)
            Thread.Sleep(20);
        return store;
    }
}
