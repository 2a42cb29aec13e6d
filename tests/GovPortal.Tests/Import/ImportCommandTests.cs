using GovPortal.BackOffice.Import;
using GovPortal.Chinese;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Import;

/// <summary><c>import</c> as an operator runs it: the portal's own program on a data folder, the way the README says.
/// </summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task The_command_imports_publishes_and_reports_and_refuses_an_unknown_site_in_chinese()
    {
        using var data = new TempDirectory();
        using var mirror = new TempDirectory();
        var truth = new OldSiteMirror(new ChineseConverter(ChineseConverter.DefaultDictionaryDirectory))
            .Write(mirror.Path, 20, "/no/such.html");
        var report = Path.Combine(data.Path, "report.csv");

        using (var run = PortalProcess.Run(data.Path, "import", "--site", "main", mirror.Path, "--publish",
                   "--csv", report))
        {
            Assert.True(await run.WaitAsync(TimeSpan.FromMinutes(5)) == 0, run.Output);
            Assert.Contains($"迁移完成：共 {truth.Count} 个页面，导入 " +
                $"{truth.Count(t => t.Outcome == ImportOutcome.Imported)} 篇", run.Output);
            Assert.Contains($"拦截 {truth.Count(t => t.Outcome == ImportOutcome.Flagged)} 个", run.Output);
        }
        Assert.Equal(truth.Count + 1, (await File.ReadAllLinesAsync(report)).Length);

        using var unknown = PortalProcess.Run(data.Path, "import", "--site", "nosuch", mirror.Path);
        Assert.Equal(1, await unknown.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("迁移失败", unknown.Output);
    }
}
