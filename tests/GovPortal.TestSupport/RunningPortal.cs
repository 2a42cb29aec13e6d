using GovPortal.Data;
using GovPortal.Hosting;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Tamper;
using GovPortal.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Support;

/// <summary>The portal on a real Kestrel port (127.0.0.1:0) with its own data folder and the demo site.</summary>
public sealed class RunningPortal : IAsyncDisposable
{
    private readonly TempDirectory? _data;
    private bool _stopped;
    private bool _abandoned;

    private RunningPortal(TempDirectory? data, WebApplication app, PortalSettings settings, Uri address)
    {
        _data = data;
        App = app;
        Settings = settings;
        Address = address;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            BaseAddress = address,
        };
    }

    public WebApplication App { get; }
    public PortalSettings Settings { get; }
    public Uri Address { get; }
    public HttpClient Client { get; }
    public string DataDirectory => Settings.Paths.DataDirectory;

    /// <summary>Where the site's published output is.</summary>
    public OutputLayout Output => Service<OutputLayout>();

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="dataDirectory">A folder the test owns, to start again on the same data, or to see what a first
    /// start does (seeding, the first publish, its log). By default a new one, deleted afterwards, holding a copy of
    /// the first default start's data (<see cref="DemoDataTemplate"/>) when nothing else differs.</param>
    public static async Task<RunningPortal> StartAsync(DatabaseOptions? database = null,
        Action<IServiceCollection>? configureServices = null,
        string? dataDirectory = null, Func<PortalSettings, PortalSettings>? adjustSettings = null)
    {
        var data = dataDirectory is null ? new TempDirectory() : null;
        if (data is not null && database is null && adjustSettings is null && DemoDataTemplate.Fits(configureServices))
            await DemoDataTemplate.CopyToAsync(data.Path, async folder =>
            {
                await using var first = await StartAsync(dataDirectory: folder);
            });
        var paths = new PortalPaths(dataDirectory ?? data!.Path);
        var settings =
            new PortalSettings(paths, database ?? DatabaseOptions.Sqlite(paths.DatabaseFile), "http://127.0.0.1:0")
            {
                // Tests send bursts of their own (a thousand view counts at once) on a machine loaded by other
                // tests: load shedding would refuse some at random. Its own tests set the limits they test.
                DynamicLimits = new GovPortal.PublicSite.Shedding.DynamicRequestLimits(10_000, 10_000,
                    TimeSpan.FromMinutes(1)) { ProbeInterval = TimeSpan.Zero },
            };
        if (adjustSettings is not null) settings = adjustSettings(settings);
        var app = await PortalApp.CreateAsync(settings, services =>
        {
            // Tests run the tamper sweep themselves, so that it never races with what a test does to the files.
            services.AddSingleton(new TamperGuardOptions(Enabled: true, SweepInterval: Timeout.InfiniteTimeSpan));
            configureServices?.Invoke(services);
        });
        await app.StartAsync();
        var address =
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningPortal(data, app, settings, new Uri(address));
    }

    /// <summary>
    /// Enters this year's and next year's working-day calendar (weekends off, no holidays) where the portal has none,
    /// as the web team does once the State Council's notice is out. For the tests of deadlines counted from today:
    /// from December an application's deadline runs into a year the shipped calendar does not know yet, and the
    /// tests must not depend on the date they run on. Tests of a missing year use their own portal or far years.
    /// </summary>
    public async Task EnterCalendarThroughNextYearAsync()
    {
        var store = Service<GovPortal.Citizens.Calendar.WorkingCalendarStore>();
        var thisYear = GovPortal.Content.ChinaTime.Today(Service<TimeProvider>()).Year;
        foreach (var year in new[] { thisYear, thisYear + 1 })
        {
            if ((await store.YearAsync(year)).Known) continue;
            var saved = await store.SaveYearAsync(year, "测试：周一至周五上班", "", "test");
            if (!saved.Saved) throw new InvalidOperationException(string.Join(" ", saved.Errors));
        }
    }

    /// <summary>
    /// The working-day calendar deadlines of the site with <paramref name="siteCode"/> count by (the platform's with
    /// the site's own days on top); the first site's when no code is given.
    /// </summary>
    public async Task<GovPortal.Citizens.Calendar.WorkingDayCalendar> CalendarAsync(string? siteCode = null)
    {
        int siteId;
        await using (var db = Settings.Database.CreateContext())
            siteId = siteCode is null
                ? await db.CurrentSiteIdAsync()
                : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                    db.Sites.Where(s => s.Code == siteCode).Select(s => s.Id));
        return await Service<GovPortal.Citizens.Calendar.WorkingCalendarStore>().CurrentAsync(siteId);
    }

    /// <summary>
    /// The error entries of the portal's log file, with their exceptions: to show in a failed assertion what the
    /// portal saw when a request went wrong on a timing the test could not reproduce.
    /// </summary>
    public string LoggedErrors()
    {
        var folder = Settings.Paths.LogsDirectory;
        if (!Directory.Exists(folder)) return "(no log file)";
        var errors = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(folder, "govportal-*.log").Order())
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete));
            var inError = false;
            while (reader.ReadLine() is { } line)
            {
                // An entry starts with its timestamp; the lines after it (an exception's) belong to it.
                if (line.Length > 24 && char.IsAsciiDigit(line[0]) && line[4] == '-')
                    inError = line.Contains("[ERR]") || line.Contains("[FTL]");
                if (inError) errors.AppendLine(line);
            }
        }
        return errors.Length == 0 ? "(no errors logged)" : errors.ToString();
    }

    /// <summary>Graceful shutdown, as on Ctrl+C or a service stop.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await App.StopAsync();
    }

    /// <summary>
    /// Drops the portal as a killed process leaves it: no shutdown code runs (no final flush, no batch ended).
    /// </summary>
    public async Task AbandonAsync()
    {
        _stopped = true;
        _abandoned = true;
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        if (!_abandoned) await App.DisposeAsync();
        _data?.Dispose();
    }
}
