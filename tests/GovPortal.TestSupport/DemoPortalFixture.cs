namespace GovPortal.Tests.Support;

/// <summary>One running demo portal shared by the read-only tests of a class.</summary>
public sealed class DemoPortalFixture : IAsyncLifetime
{
    public RunningPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync() => Portal = await RunningPortal.StartAsync();

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}
