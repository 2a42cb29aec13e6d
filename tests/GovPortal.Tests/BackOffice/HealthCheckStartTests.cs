using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Safety.Health;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.BackOffice;

/// <summary>A full health check crawls the whole site: only an administrator starts one, and one at a time.</summary>
public sealed class HealthCheckStartTests : IAsyncLifetime
{
    private readonly HeldCheck _held = new();
    private RunningPortal _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = await RunningPortal.StartAsync(configureServices: services =>
            services.AddSingleton<IHealthProblemSource>(_held));
        await TestAccounts.CreateAsync(_portal, "admin2", [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(_portal, "admin3", [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(_portal, "norole", []);
        await TestAccounts.CreateAsync(_portal, "editor", [StaffRoles.Editor], "bmdt");
        await TestAccounts.CreateAsync(_portal, "reviewer", [StaffRoles.Reviewer], "bmdt");
        await TestAccounts.CreateAsync(_portal, "publisher", [StaffRoles.Publisher], "bmdt");
        await TestAccounts.CreateAsync(_portal, "xxgk", [StaffRoles.Disclosure]);
    }

    public async Task DisposeAsync()
    {
        _held.Release();
        await _portal.DisposeAsync();
    }

    [Theory]
    [InlineData("norole")]
    [InlineData("editor")]
    [InlineData("reviewer")]
    [InlineData("publisher")]
    [InlineData("xxgk")]
    public async Task Only_an_administrator_starts_a_check(string account)
    {
        _held.Release();
        using var client = await StaffClient.SignInAsync(_portal, account);
        var started = _held.Started;
        var response = await client.PostAsync("health/check", []);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(started, _held.Started);
        // They still read the latest report.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health")).StatusCode);
    }

    [Fact]
    public async Task A_second_start_while_one_runs_is_told_so_and_starts_nothing()
    {
        using var first = await StaffClient.SignInAsync(_portal, "admin2");
        using var second = await StaffClient.SignInAsync(_portal, "admin3");
        var running = first.PostAsync("health/check", []);
        await _held.WaitUntilStartedAsync();

        var again = await second.PostAsync("health/check", []);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        var page = await second.GetPageAsync("health");
        Assert.Contains("已有一次检查正在进行", page);
        Assert.Equal(1, _held.Started);

        _held.Release();
        Assert.Equal(HttpStatusCode.SeeOther, (await running).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await second.PostAsync("health/check", [])).StatusCode);
        Assert.Equal(2, _held.Started);
    }

    /// <summary>An indicator that holds the check until the test lets it go.</summary>
    private sealed class HeldCheck : IHealthProblemSource
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public int Started => Volatile.Read(ref _count);
        public IReadOnlyList<string> Indicators => ["测试用的指标"];

        public void Release() => _release.TrySetResult();

        public Task WaitUntilStartedAsync() => _started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        public async Task<IReadOnlyList<HealthProblem>> ProblemsAsync(string siteCode, DateTime nowUtc,
            CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            _started.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
            return [];
        }
    }
}
