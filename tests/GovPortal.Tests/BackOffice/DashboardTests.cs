using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// The 工作台 of an account that does not write, review or publish: it says what the account can do and links to
/// it, every link opens for that account, and nothing the navigation offers is missing from it.
/// </summary>
public sealed class DashboardTests(DashboardTests.Fixture shared) : IClassFixture<DashboardTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public RunningPortal Portal { get; private set; } = null!;

        public async Task InitializeAsync() => Portal = await RunningPortal.StartAsync();

        public async Task DisposeAsync() => await Portal.DisposeAsync();
    }

    [Theory]
    [InlineData(StaffRoles.Administrator, "系统管理员可以做的事")]
    [InlineData(StaffRoles.SecurityAdministrator, "安全管理员可以做的事")]
    [InlineData(StaffRoles.AuditAdministrator, "审计管理员可以做的事")]
    [InlineData(StaffRoles.Disclosure, "信息公开可以做的事")]
    [InlineData(StaffRoles.Mailbox, "信箱管理员可以做的事")]
    [InlineData("", "请联系安全管理员")]
    public async Task The_dashboard_links_to_what_the_account_can_do_and_every_link_opens(string role, string says)
    {
        var userName = "desk-" + (role.Length == 0 ? "none" : role.ToLowerInvariant());
        await TestAccounts.CreateAsync(shared.Portal, userName, role.Length == 0 ? [] : [role]);
        using var person = await StaffClient.SignInAsync(shared.Portal, userName);

        var page = Html.Parse(await person.GetPageAsync(""));
        var main = page.QuerySelector("main")!;
        Assert.Contains(says, main.Text());
        Assert.DoesNotContain("没有编辑、审核或发布角色", main.Text());
        var linked = main.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToHashSet();
        Assert.NotEmpty(linked);
        foreach (var href in linked)
        {
            using var response = await person.Http.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"{role}: {href} answered {(int)response.StatusCode}");
        }
        // Whatever the navigation offers this account, the 工作台 says what it is for.
        var offered = page.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")!)
            .Where(href => href != person.Url(""));
        Assert.All(offered, href => Assert.Contains(href, linked));
    }
}
