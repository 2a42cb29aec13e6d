using GovPortal.Citizens.Forms;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// The demo portal on a clock the tests move (10:00 China time on 1 June 2026), with a public-form limit no test
/// reaches, and a 信箱管理员 and two staff without that role.
/// </summary>
public sealed class ConsultationPortalFixture : IAsyncLifetime
{
    public const string Manager = "yjzjgly", Disclosure = "xxgkry", Admin = "xtgly";

    public FixedTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    public RunningPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Portal = await RunningPortal.StartAsync(configureServices: s => s
            .AddSingleton<TimeProvider>(Clock).AddSingleton(new PublicFormLimits(PermitLimit: 100_000)));
        await TestAccounts.CreateAsync(Portal, Manager, [GovPortal.BackOffice.Accounts.StaffRoles.Mailbox]);
        await TestAccounts.CreateAsync(Portal, Disclosure, [GovPortal.BackOffice.Accounts.StaffRoles.Disclosure]);
        await TestAccounts.CreateAsync(Portal, Admin, [GovPortal.BackOffice.Accounts.StaffRoles.Administrator]);
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}
