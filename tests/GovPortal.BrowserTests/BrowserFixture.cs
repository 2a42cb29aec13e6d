using System.Text.RegularExpressions;
using GovPortal.PublicSite;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// The demo portal on a real port and Debian's chromium driven by Playwright's bundled driver (no browser download;
/// scripts/ensure-tools.sh installs chromium and a Chinese font). One browser for all browser tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = TestEnvironment.Chromium;

    public RunningPortal Portal { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public async Task InitializeAsync()
    {
        TestEnvironment.RequireChromium();
        // Every page a browser test opens comes from one address: the per-client limits (tested on their own) are
        // set out of reach.
        Portal = await RunningPortal.StartAsync(configureServices: s => s
            .AddSingleton(new SearchLimits(PermitLimit: 100_000))
            .AddSingleton(new GovPortal.Citizens.Forms.PublicFormLimits(PermitLimit: 100_000)));
        await Portal.EnterCalendarThroughNextYearAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Without the background-networking flags chromium keeps trying hosts this machine cannot reach.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no stored choices) with a page open at <paramref name="path"/>.</summary>
    /// <param name="portal">Another portal than the shared demo (a test's own empty install).</param>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900, RunningPortal? portal = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (portal ?? Portal).Address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>
    /// Signs <paramref name="userName"/> in on a fresh page, with the authenticator's code for an account that uses
    /// two-step sign-in (the three administrators always), and waits for the dashboard; <paramref name="watch"/> sees
    /// the page before anything loads on it (to collect console errors, say).
    /// </summary>
    public async Task<IPage> SignInAsync(string userName, Action<IPage>? watch = null, RunningPortal? portal = null)
    {
        var page = await OpenAsync("/admin/login", portal: portal);
        watch?.Invoke(page);
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        // Polled, not waited for with WaitForURLAsync: see PageAddress.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/admin/login$"),
            new PageAssertionsToHaveURLOptions { Timeout = 90_000 });
        if (page.Url.Contains("/admin/login/2fa", StringComparison.Ordinal))
        {
            await page.FillAsync("#code", await TestAccounts.CodeAsync(portal ?? Portal, userName));
            await page.ClickAsync("button[type=submit]"); // the first form: the code, not a recovery code
        }
        try
        {
            // Generous: this runs beside other test classes on a two-core machine.
            await PageAddress.PathReachedAsync(page, "/admin/", timeout: 90_000);
            await page.WaitForSelectorAsync("main h1", new PageWaitForSelectorOptions { Timeout = 90_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{userName} did not reach the dashboard; the page at {page.Url} says: " +
                $"{await page.InnerTextAsync("body")}");
        }
        return page;
    }

    public async Task DisposeAsync()
    {
        // After a failed start (no chromium) only what was started is stopped, so its message stays the only one.
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Portal is not null) await Portal.DisposeAsync();
    }
}

/// <summary>Browser tests share one browser and run one after another: the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
