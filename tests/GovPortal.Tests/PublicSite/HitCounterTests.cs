using System.Net;
using System.Text.Json;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.PublicSite;

/// <summary>Hit counts; the tests that count or stop the portal start their own, the rest share one.</summary>
public sealed class HitCounterTests(DemoPortalFixture shared) : IClassFixture<DemoPortalFixture>
{
    [Fact]
    public async Task A_thousand_concurrent_hits_add_exactly_a_thousand_and_survive_a_graceful_shutdown()
    {
        // One client sends them all: its limit is raised for this test of concurrency.
        await using var portal = await RunningPortal.StartAsync(configureServices: services =>
            services.AddSingleton(new GovPortal.PublicSite.HitLimits(PermitsPerMinute: 10_000)));
        var seed = await portal.SeedArticleAsync();
        var before = seed.HitCount;

        var counts = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async _ =>
        {
            using var response = await portal.Client.PostAsync($"/api/hits/{seed.Id}", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("count").GetInt64();
        }));

        // Every request saw a distinct new total, and the last one is exactly a thousand more.
        Assert.Equal(1000, counts.Distinct().Count());
        Assert.Equal(before + 1000, counts.Max());

        await portal.StopAsync();
        Assert.Equal(before + 1000, (await portal.SeedArticleAsync()).HitCount);
    }

    [Fact]
    public async Task Counts_are_written_in_batches_and_continue_from_the_stored_count()
    {
        // A clock that stands still: the background flush (every HitFlushService.Interval) cannot write between the
        // steps below however slowly they run, so only the flushes the test asks for write.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await RunningPortal.StartAsync(configureServices: services =>
            services.AddSingleton<TimeProvider>(clock));
        var seed = await portal.SeedArticleAsync();
        var counter = portal.Service<GovPortal.PublicSite.HitCounter>();
        for (var i = 0; i < 5; i++) await portal.Client.PostAsync($"/api/hits/{seed.Id}", null);

        Assert.Equal(seed.HitCount, (await portal.SeedArticleAsync()).HitCount); // buffered, not yet written
        Assert.Equal(5, await counter.FlushAsync());
        Assert.Equal(seed.HitCount + 5, (await portal.SeedArticleAsync()).HitCount);
        Assert.Equal(0, await counter.FlushAsync());

        using var response = await portal.Client.PostAsync($"/api/hits/{seed.Id}", null);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(seed.HitCount + 6, json.RootElement.GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("/api/hits/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/hits/-1", HttpStatusCode.NotFound)]
    [InlineData("/api/hits/abc", HttpStatusCode.NotFound)]
    public async Task Unknown_articles_are_not_counted(string path, HttpStatusCode expected)
    {
        using var response = await shared.Portal.Client.PostAsync(path, null);
        Assert.Equal(expected, response.StatusCode);
    }
}

/// <summary>An error inside the server reaches the reader as a short notice, never as a stack trace.</summary>
public sealed class ServerErrorTests
{
    [Fact]
    public async Task A_failing_database_gives_a_chinese_notice_with_the_security_headers()
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        await using (var db = portal.Settings.Database.CreateContext())
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                "ALTER TABLE Articles RENAME TO Gone");

        using var response = await portal.Client.PostAsync($"/api/hits/{seed.Id}", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("服务器暂时无法处理您的请求，请稍后再试。", body);
        Assert.DoesNotContain("Exception", body);
        Assert.Contains("script-src 'self'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")));

        // The page itself is still served: the public site does not need the database.
        using var page = await portal.Client.GetAsync(seed.Url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
