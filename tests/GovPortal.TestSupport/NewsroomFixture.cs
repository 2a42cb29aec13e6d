namespace GovPortal.Tests.Support;

/// <summary>
/// One running demo portal with its newsroom (<see cref="Newsroom"/>), shared by the tests of a class that each write
/// articles of their own and leave the site's settings, channels and word lists as they found them. Starting a portal
/// publishes the whole demo site and signing the four people in hashes four passwords: done once per class, not per
/// test. (xUnit runs the tests of one class one after another, so they never race on the shared site.)
/// </summary>
public sealed class NewsroomFixture : IAsyncLifetime
{
    public RunningPortal Portal { get; private set; } = null!;
    public Newsroom Room { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Portal = await RunningPortal.StartAsync();
        Room = await Newsroom.StartAsync(Portal);
    }

    public async Task DisposeAsync()
    {
        if (Room is not null) await Room.DisposeAsync();
        if (Portal is not null) await Portal.DisposeAsync();
    }
}
