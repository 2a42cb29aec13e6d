using GovPortal.Citizens.Forms;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Platform;

/// <summary>
/// The demo platform: the 相城区 site (main) with two towns and a department beside it, each published into its
/// own output and found by its host name, with the tamper guard swept by hand.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public RunningPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Portal = await RunningPortal.StartAsync(adjustSettings: s => s with { DemoPlatform = true },
            configureServices: s => s.AddSingleton(new PublicFormLimits(PermitLimit: 100_000)));

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    /// <summary>A GET as a browser sends it to <paramref name="host"/> (the portal listens on loopback).</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body)> GetAsync(string host, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        using var response = await Portal.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
