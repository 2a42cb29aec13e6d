using System.Diagnostics;
using GovPortal.BackOffice.Import;
using GovPortal.Chinese;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Import;

/// <summary>
/// The demo portal, a generated mirror of the old 相城区 site, and the mirror imported into the site twice with
/// --publish (the second run must import nothing): one portal and one import for every test of the class.
/// </summary>
public sealed class ImportFixture : IAsyncLifetime
{
    public const int ArticlePages = 300;

    private readonly TempDirectory _mirror = new();

    public RunningPortal Portal { get; private set; } = null!;
    public IReadOnlyList<PageTruth> Truth { get; private set; } = [];
    public ImportResult First { get; private set; } = null!;
    public ImportResult Second { get; private set; } = null!;
    public TimeSpan FirstRunTime { get; private set; }

    /// <summary>The address of a demo article that an old page of the mirror has as well.</summary>
    public string ShadowedAddress { get; private set; } = "";

    public string MirrorDirectory => _mirror.Path;

    public async Task InitializeAsync()
    {
        Portal = await RunningPortal.StartAsync();
        await using (var db = Portal.Service<DatabaseOptions>().CreateContext())
            ShadowedAddress = await db.Articles.Where(a => a.Status == ArticleStatus.Published && a.Url != null)
                .OrderBy(a => a.Id).Select(a => a.Url!).FirstAsync();
        Truth = new OldSiteMirror(Portal.Service<ChineseConverter>())
            .Write(_mirror.Path, ArticlePages, ShadowedAddress);
        var watch = Stopwatch.StartNew();
        First = await RunAsync("first.csv");
        FirstRunTime = watch.Elapsed;
        Second = await RunAsync("second.csv");
    }

    public Task<ImportResult> RunAsync(string report, bool publish = true) =>
        ActivatorUtilities.CreateInstance<SiteImporter>(Portal.App.Services).RunAsync(
            new ImportOptions("main", _mirror.Path)
            {
                Publish = publish, ReportFile = Path.Combine(Portal.DataDirectory, "import", report),
            });

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        _mirror.Dispose();
    }
}
