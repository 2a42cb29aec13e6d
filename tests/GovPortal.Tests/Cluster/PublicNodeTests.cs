using System.Diagnostics;
using System.Net;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Support;
using Npgsql;

namespace GovPortal.Tests.Cluster;

/// <summary>
/// What the public sees through nodes in the DMZ: a page published on the origin is served by every node within two
/// seconds, a withdrawn one answers 410 on every node, a node without its replica keeps serving and says so, a node
/// that was away catches up, a file tampered on one node is put back from that node's own verified copy, and a node
/// can write nothing to any database.
/// </summary>
[Trait("Needs", "PostgreSQL")]
[Collection(ClusterCollection.Name)]
public sealed class PublicNodeTests(OriginAndNodes cluster)
{
    // The aim is two seconds (bench/cluster.sh measures it); a test on a loaded machine allows more.
    private static readonly TimeSpan Visible = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Every_node_serves_the_demo_platform_with_the_origins_bytes()
    {
        foreach (var node in cluster.Nodes)
        {
            using var http = Client(node);
            var home = await http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Equal(await cluster.Origin.Client.GetByteArrayAsync("/"), await home.Content.ReadAsByteArrayAsync());
            // Another site of the platform, by its host name.
            using var town = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "hd.localhost" } };
            var townHome = await http.SendAsync(town);
            Assert.Equal(HttpStatusCode.OK, townHome.StatusCode);
            Assert.Contains("黄埭镇", await townHome.Content.ReadAsStringAsync());
            var health = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Contains("replica reachable", await health.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_published_article_is_served_by_both_nodes_and_through_nginx_and_a_withdrawn_one_answers_410()
    {
        var id = await cluster.Room.PublishNewAsync("节点同步测试：区政府召开防汛工作会议",
            "<p>会议部署今年汛期各项工作。</p>");
        var url = (await cluster.Room.ArticleAsync(id)).Url!;
        var published = Stopwatch.StartNew();
        foreach (var node in cluster.Nodes)
        {
            var page = await WaitForAsync(node, url, HttpStatusCode.OK, published);
            Assert.Contains("节点同步测试：区政府召开防汛工作会议", page);
        }
        Assert.Contains("节点同步测试：区政府召开防汛工作会议",
            await WaitForAsync(cluster.Front.Address, () => "", url, HttpStatusCode.OK, published));
        // Each node's own search index follows the replica's articles.
        foreach (var node in cluster.Nodes)
            Assert.Contains(url, await WaitForAsync(node, "/search?q=" + Uri.EscapeDataString("节点同步测试"),
                HttpStatusCode.OK, published, contains: url, every: TimeSpan.FromMilliseconds(400)));
        var bytes = await cluster.Origin.Client.GetByteArrayAsync(url);
        foreach (var node in cluster.Nodes)
        {
            using var http = Client(node);
            Assert.Equal(bytes, await http.GetByteArrayAsync(url));
        }

        await cluster.Room.DoAsync(cluster.Room.Publisher, id, "withdraw",
            new KeyValuePair<string, string>("reason", "信息有误，撤下核实。"));
        var withdrawn = Stopwatch.StartNew();
        foreach (var node in cluster.Nodes)
            Assert.Contains("此文章已撤稿", await WaitForAsync(node, url, HttpStatusCode.Gone, withdrawn));
        await WaitForAsync(cluster.Front.Address, () => "", url, HttpStatusCode.Gone, withdrawn);
    }

    [Fact]
    public async Task A_node_without_its_replica_keeps_serving_says_so_and_catches_up_when_it_is_back()
    {
        await cluster.Database.PauseReplicaAsync();
        string url;
        try
        {
            var node = cluster.Nodes[0];
            using var http = Client(node);
            var health = await WaitForHealthAsync(http, "replica unreachable");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode); // it has a verified generation and serves it
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);

            var id = await cluster.Room.PublishNewAsync("副本中断期间发布的文章", "<p>副本恢复后节点应当同步。</p>");
            url = (await cluster.Room.ArticleAsync(id)).Url!;
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);
        }
        finally
        {
            await cluster.Database.ResumeReplicaAsync();
        }
        var resumed = Stopwatch.StartNew();
        foreach (var node in cluster.Nodes)
            Assert.Contains("副本中断期间发布的文章",
                await WaitForAsync(node, url, HttpStatusCode.OK, resumed, TimeSpan.FromSeconds(30)));
        using var again = Client(cluster.Nodes[0]);
        await WaitForHealthAsync(again, "replica reachable");
    }

    [Fact]
    public async Task A_node_that_was_down_catches_up_on_start()
    {
        cluster.Nodes[1].Kill();
        var id = await cluster.Room.PublishNewAsync("节点停机期间发布的文章", "<p>节点重新启动后应当同步。</p>");
        var url = (await cluster.Room.ArticleAsync(id)).Url!;
        await cluster.Database.WaitForReplayAsync(TimeSpan.FromSeconds(30));
        await cluster.RestartNodeAsync(1);
        using var http = Client(cluster.Nodes[1]);
        // Applied before the node answered its first request.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_page_tampered_on_one_node_is_restored_from_that_nodes_own_copy()
    {
        var node = cluster.Nodes[0];
        var page = Path.Combine(cluster.NodeDataDirectory(0), "output", OutputLayout.FirstSiteCode, "public",
            "index.html");
        var genuine = await File.ReadAllBytesAsync(page);
        await File.AppendAllTextAsync(page, "<p>澳门赌场 在线发牌</p>");
        using var http = Client(node);
        var served = await http.GetByteArrayAsync("/");
        Assert.Equal(genuine, served);
        Assert.Equal(genuine, await WaitForFileAsync(page, genuine));
    }

    [Fact]
    public async Task The_nodes_role_can_read_but_not_write_and_the_replica_refuses_every_write()
    {
        await using (var onPrimary = new NpgsqlConnection(cluster.Database.NodeRoleOnPrimaryConnectionString))
        {
            await onPrimary.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT count(*) FROM output_files", onPrimary);
            Assert.True((long)(await read.ExecuteScalarAsync())! > 0);
            await using var write = new NpgsqlCommand("UPDATE output_sites SET generation = generation", onPrimary);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => write.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        await using var onReplica = new NpgsqlConnection(cluster.Database.ReplicaConnectionString);
        await onReplica.OpenAsync();
        await using var replicaWrite = new NpgsqlCommand("DELETE FROM output_files", onReplica);
        var readOnly = await Assert.ThrowsAsync<PostgresException>(() => replicaWrite.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, readOnly.SqlState);
    }

    [Fact]
    public async Task Views_counted_on_both_nodes_add_up_in_the_database()
    {
        var id = await cluster.Room.PublishNewAsync("浏览计数测试文章", "<p>两个节点的浏览次数汇总到数据库。</p>");
        var url = (await cluster.Room.ArticleAsync(id)).Url!;
        var published = Stopwatch.StartNew();
        foreach (var node in cluster.Nodes) await WaitForAsync(node, url, HttpStatusCode.OK, published);
        var before = (await cluster.Room.ArticleAsync(id)).HitCount;
        var counted = 0;
        for (var i = 0; i < 30; i++)
            foreach (var node in cluster.Nodes)
            {
                using var http = Client(node);
                using var view = new HttpRequestMessage(HttpMethod.Post, $"/api/hits/{id}")
                    { Headers = { { "X-Forwarded-For", $"203.0.113.{i + 1}" } } };
                var response = await http.SendAsync(view);
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                counted++;
            }
        // Each node hands its counts to Redis every second; the origin folds them into the database every second.
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(200))
            if ((await cluster.Room.ArticleAsync(id)).HitCount >= before + counted) break;
        Assert.Equal(before + counted, (await cluster.Room.ArticleAsync(id)).HitCount);
    }

    [Fact]
    public async Task Views_a_node_handed_over_survive_its_kill_and_it_loses_at_most_those_counted_since()
    {
        var id = await cluster.Room.PublishNewAsync("节点强制停止时的浏览计数", "<p>已交给 Redis 的浏览次数不会丢失。</p>");
        var url = (await cluster.Room.ArticleAsync(id)).Url!;
        var published = Stopwatch.StartNew();
        foreach (var node in cluster.Nodes) await WaitForAsync(node, url, HttpStatusCode.OK, published);
        var before = (await cluster.Room.ArticleAsync(id)).HitCount;

        // Node 1's first views reach the database: they were handed over.
        await ViewAsync(cluster.Nodes[1], id, 20, 101);
        await WaitForHitsAsync(id, before + 20);
        // Node 0 counts more, node 1 counts more and is killed at once (kill -9), before its next hand-over.
        await ViewAsync(cluster.Nodes[0], id, 20, 121);
        await ViewAsync(cluster.Nodes[1], id, 20, 141);
        cluster.Nodes[1].Kill();
        await cluster.RestartNodeAsync(1);

        // Everything handed over is kept; the killed node lost at most the views it counted since its last
        // hand-over, and nothing is counted twice.
        await WaitForHitsAsync(id, before + 40);
        // A few more folding rounds, so that a view counted twice would show.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.InRange((await cluster.Room.ArticleAsync(id)).HitCount, before + 40, before + 60);
    }

    private static async Task ViewAsync(PortalProcess node, int id, int views, int firstReader)
    {
        using var http = Client(node);
        for (var i = 0; i < views; i++)
        {
            using var view = new HttpRequestMessage(HttpMethod.Post, $"/api/hits/{id}")
                { Headers = { { "X-Forwarded-For", $"203.0.113.{firstReader + i}" } } };
            var response = await http.SendAsync(view);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task WaitForHitsAsync(int id, long atLeast)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(200))
            if ((await cluster.Room.ArticleAsync(id)).HitCount >= atLeast) break;
        var hits = (await cluster.Room.ArticleAsync(id)).HitCount;
        Assert.True(hits >= atLeast, $"{hits} views in the database, {atLeast} expected");
    }

    [Fact]
    public async Task A_readers_search_limit_is_counted_once_across_both_nodes()
    {
        // 30 searches per 10 seconds per reader: 20 on each node are 40, so 10 must be refused. Windows are fixed
        // slots of the clock; a run that crosses into the next slot starts again as another reader.
        var refused = 0;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var slot = WindowSlot();
            refused = await SearchOnBothNodesAsync($"198.51.100.{attempt + 10}", 20);
            if (WindowSlot() == slot) break;
        }
        Assert.InRange(refused, 10, 40);
        // Another reader is not held back by the first.
        using var other = new HttpRequestMessage(HttpMethod.Get, "/search?q=" + Uri.EscapeDataString("会议"))
            { Headers = { { "X-Forwarded-For", "198.51.100.8" } } };
        using var client = Client(cluster.Nodes[0]);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Through_nginx_pages_come_from_the_nodes_and_the_citizens_forms_from_the_origin()
    {
        using var front = Client(cluster.Front.Address);
        var home = await front.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        using (var brotli = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Accept-Encoding", "br" } } })
        {
            var compressed = await front.SendAsync(brotli);
            Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        }
        // A node has no forms (they write to the database); nginx sends them to the origin.
        using (var node = Client(cluster.Nodes[0]))
            Assert.Equal(HttpStatusCode.NotFound, (await node.GetAsync("/hdjl/xx")).StatusCode);
        var form = await front.GetAsync("/hdjl/xx");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("<form", await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await front.GetAsync("/elder/hdjl/xx")).StatusCode);
        // The back office is not reachable through the nodes.
        Assert.Equal(HttpStatusCode.NotFound, (await front.GetAsync("/admin/")).StatusCode);
    }

    [Fact]
    public async Task A_node_killed_during_load_through_nginx_fails_no_request_beyond_those_it_held_and_catches_up()
    {
        var id = await cluster.Room.PublishNewAsync("负载测试文章", "<p>节点被强行停止时读者不受影响。</p>");
        var url = (await cluster.Room.ArticleAsync(id)).Url!;
        var published = Stopwatch.StartNew();
        foreach (var node in cluster.Nodes) await WaitForAsync(node, url, HttpStatusCode.OK, published);

        const int readers = 8;
        using var stop = new CancellationTokenSource();
        var (served, failed) = (0, 0);
        var load = Enumerable.Range(0, readers).Select(async _ =>
        {
            using var http = Client(cluster.Front.Address);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await http.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref served);
                    else Interlocked.Increment(ref failed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var servedBeforeKill = Volatile.Read(ref served);
        cluster.Nodes[1].Kill();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Assert.True(servedBeforeKill > 0 && served > servedBeforeKill, $"served {servedBeforeKill} then {served}");
        // At most the requests the killed node held at that moment: one per reader.
        Assert.InRange(failed, 0, readers);

        var whileDown = await cluster.Room.PublishNewAsync("节点恢复后同步的文章", "<p>节点重新启动后应当同步。</p>");
        var newUrl = (await cluster.Room.ArticleAsync(whileDown)).Url!;
        await cluster.Database.WaitForReplayAsync(TimeSpan.FromSeconds(30));
        await cluster.RestartNodeAsync(1);
        using var restarted = Client(cluster.Nodes[1]);
        Assert.Equal(HttpStatusCode.OK, (await restarted.GetAsync(newUrl)).StatusCode);
    }

    private static HttpClient Client(PortalProcess node) => Client(node.Address!);

    private static HttpClient Client(Uri server) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None,
    }) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };

    private static Task<string> WaitForAsync(PortalProcess node, string url, HttpStatusCode status,
        Stopwatch since, TimeSpan? allowed = null, string? contains = null, TimeSpan? every = null) =>
        WaitForAsync(node.Address!, () => node.Output, url, status, since, allowed, contains, every);

    /// <summary>
    /// Polls a server until the page answers <paramref name="status"/> (with <paramref name="contains"/> in it);
    /// fails after the allowed time, with what the server printed.
    /// </summary>
    private static async Task<string> WaitForAsync(Uri server, Func<string> output, string url,
        HttpStatusCode status, Stopwatch since, TimeSpan? allowed = null, string? contains = null,
        TimeSpan? every = null)
    {
        using var http = Client(server);
        while (true)
        {
            var response = await http.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == status && (contains is null || text.Contains(contains))) return text;
            if (since.Elapsed > (allowed ?? Visible))
                Assert.Fail($"{server}{url} answered {(int)response.StatusCode} after {since.Elapsed}, " +
                            $"not {(int)status}:\n{output()}");
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(50));
        }
    }

    private static async Task<HttpResponseMessage> WaitForHealthAsync(HttpClient http, string expected)
    {
        for (var waited = Stopwatch.StartNew();; await Task.Delay(100))
        {
            var response = await http.GetAsync("/healthz");
            var text = await response.Content.ReadAsStringAsync();
            if (text.Contains(expected)) return response;
            if (waited.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"/healthz never said \"{expected}\":\n{text}");
        }
    }

    private static async Task<byte[]> WaitForFileAsync(string path, byte[] expected)
    {
        for (var waited = Stopwatch.StartNew();; await Task.Delay(100))
        {
            var now = await File.ReadAllBytesAsync(path);
            if (now.SequenceEqual(expected) || waited.Elapsed > TimeSpan.FromSeconds(30)) return now;
        }
    }

    private static long WindowSlot() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 10_000;

    private async Task<int> SearchOnBothNodesAsync(string reader, int perNode)
    {
        var refused = 0;
        for (var i = 0; i < perNode; i++)
            foreach (var node in cluster.Nodes)
            {
                using var http = Client(node);
                using var search = new HttpRequestMessage(HttpMethod.Get, "/search?q=" + Uri.EscapeDataString("会议"))
                    { Headers = { { "X-Forwarded-For", reader } } };
                if ((await http.SendAsync(search)).StatusCode == HttpStatusCode.TooManyRequests) refused++;
            }
        return refused;
    }
}
