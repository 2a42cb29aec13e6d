using GovPortal.Citizens.Forms;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Disclosure;

/// <summary>The demo portal with a public-form limit no test of a class reaches.</summary>
public sealed class DisclosurePortalFixture : IAsyncLifetime
{
    public RunningPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new PublicFormLimits(PermitLimit: 100_000)));
        await Portal.EnterCalendarThroughNextYearAsync();
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}
