using GovPortal.PublicSite;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Search;

/// <summary>The demo portal, with a search rate limit no test of a class reaches.</summary>
public sealed class SearchPortalFixture : IAsyncLifetime
{
    public RunningPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new SearchLimits(PermitLimit: 100_000)));

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

public static class SearchClient
{
    public static string Query(string q, string more = "") => "/search?q=" + Uri.EscapeDataString(q) + more;

    public static async Task<System.Text.Json.JsonElement> ApiAsync(this RunningPortal portal, string queryString)
    {
        using var response = await portal.Client.GetAsync("/api/search?" + queryString);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static List<string> Titles(this System.Text.Json.JsonElement results) =>
        results.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()!).ToList();
}
