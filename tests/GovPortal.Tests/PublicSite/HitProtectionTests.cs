using System.Net;
using GovPortal.PublicSite;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.PublicSite;

/// <summary>
/// The anonymous view counter: each client may count only so many views a minute, and ids of no published article
/// are answered from memory, not with a database query each.
/// </summary>
public sealed class HitProtectionTests : IAsyncLifetime
{
    private const int PerMinute = 20;
    private RunningPortal _portal = null!;

    public async Task InitializeAsync() =>
        _portal = await RunningPortal.StartAsync(
            configureServices: services => services.AddSingleton(new HitLimits(PermitsPerMinute: PerMinute)),
            // Behind a proxy on this machine, so that the clients' own addresses can be told apart.
            adjustSettings: settings => settings with { TrustedProxies = [IPAddress.Loopback] });

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<HttpResponseMessage> HitAsync(int id, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hits/{id}");
        request.Headers.Add("X-Forwarded-For", client);
        return await _portal.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_client_counts_only_so_many_views_a_minute_and_others_are_not_held_back()
    {
        var seed = await _portal.SeedArticleAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PerMinute * 3; i++) statuses.Add((await HitAsync(seed.Id, "203.0.113.7")).StatusCode);

        Assert.Equal(PerMinute, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(PerMinute * 2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var refused = await HitAsync(seed.Id, "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("访问过于频繁", await refused.Content.ReadAsStringAsync());

        // Another reader is counted; only the allowed views reached the total.
        Assert.Equal(HttpStatusCode.OK, (await HitAsync(seed.Id, "198.51.100.23")).StatusCode);
        await _portal.Service<HitCounter>().FlushAsync();
        Assert.Equal(seed.HitCount + PerMinute + 1, (await _portal.SeedArticleAsync()).HitCount);
    }

    [Fact]
    public async Task Unknown_ids_do_not_cost_a_database_query_each()
    {
        var counter = _portal.Service<HitCounter>();
        var seed = await _portal.SeedArticleAsync();
        Assert.Equal(HttpStatusCode.OK, (await HitAsync(seed.Id, "192.0.2.1")).StatusCode);
        var readsBefore = counter.DatabaseReads;

        // Many clients (each within its limit) asking for ids that do not exist.
        for (var i = 0; i < 400; i++)
        {
            var response = await HitAsync(900_000 + i, $"192.0.2.{10 + i % 200}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.InRange(counter.DatabaseReads - readsBefore, 0, 10);

        // The set of published ids follows the database within its refresh time.
        await using var db = _portal.Settings.Database.CreateContext();
        var other = db.Articles.First(a => a.Id != seed.Id && a.Status == GovPortal.Content.ArticleStatus.Published);
        other.Status = GovPortal.Content.ArticleStatus.Withdrawn;
        await db.SaveChangesAsync();
        await Task.Delay(HitCounter.LiveIdsRefresh + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.NotFound, (await HitAsync(999_999, "192.0.2.240")).StatusCode);
        readsBefore = counter.DatabaseReads;
        Assert.Equal(HttpStatusCode.NotFound, (await HitAsync(other.Id, "192.0.2.241")).StatusCode);
        Assert.Equal(readsBefore, counter.DatabaseReads);

        other.Status = GovPortal.Content.ArticleStatus.Published;
        await db.SaveChangesAsync();
        await Task.Delay(HitCounter.LiveIdsRefresh + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await HitAsync(other.Id, "192.0.2.242")).StatusCode);
    }
}
