using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Channels;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Channels;

/// <summary>
/// One demo portal with a channel of each new type made by the administrator (单页 机构职能, 专题 生态文明 with its
/// list sub-channel 专题动态), a newsroom that may write in them, and the administrator signed in.
/// </summary>
public sealed class ChannelTypesFixture : IAsyncLifetime
{
    public static readonly Staff Administrator =
        new("sysadmin", "sysadmin", new HashSet<string> { StaffRoles.Administrator }, new HashSet<int>(), "192.0.2.7");

    public RunningPortal Portal { get; private set; } = null!;
    public Newsroom Room { get; private set; } = null!;
    public StaffClient Admin { get; private set; } = null!;
    public ChannelAdministration Channels => Portal.Service<ChannelAdministration>();

    public async Task InitializeAsync()
    {
        Portal = await RunningPortal.StartAsync();
        await Created(new NewChannelForm("机构职能", "jgzn", null, Type: "SinglePage"));
        await Created(new NewChannelForm("生态文明专题", "stwm", null, Type: "Topic"));
        await Created(new NewChannelForm("专题动态", "ztdt", TestAccounts.ChannelId(Portal, "stwm")));
        Room = await Newsroom.StartAsync(Portal, "bmdt", "jgzn", "ztdt");
        await TestAccounts.CreateAsync(Portal, "sysadmin", [StaffRoles.Administrator]);
        Admin = await StaffClient.SignInAsync(Portal, "sysadmin");
    }

    private async Task Created(NewChannelForm form)
    {
        var result = await Channels.CreateAsync(Administrator, form);
        Assert.True(result.Succeeded, result.Message);
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (Room is not null) await Room.DisposeAsync();
        if (Portal is not null) await Portal.DisposeAsync();
    }
}
