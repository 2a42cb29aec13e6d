using GovPortal.Publishing.Output;
using GovPortal.Storage;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Hosting;

/// <summary>The real executable, as an operator runs it.</summary>
public sealed class ExecutableTests
{
    internal static Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) =>
        Processes.RunAsync("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "GovPortal.dll"), .. args],
            workingDirectory: Path.GetTempPath(), removeVariables: ["GOVPORTAL_DATABASE"]);

    [Theory]
    [InlineData("deploy")]
    [InlineData("--port", "80")]
    [InlineData("serve", "--data")]
    public async Task Unknown_commands_and_options_print_usage_and_fail(params string[] args)
    {
        var (exitCode, _, errors) = await RunAsync(args);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("用法: GovPortal", errors);
    }

    [Fact]
    public async Task Publish_command_rebuilds_the_output_and_reports_pages_and_speed()
    {
        using var data = new TempDirectory();
        var (exitCode, output, errors) = await RunAsync("publish", "--demo", "--data", data.Path);

        Assert.True(exitCode == 0, errors);
        Assert.Matches(@"已发布 \d+ 个页面（其中文章 \d+ 篇），写入 \d+ 个文件，用时 [\d.]+ 秒，每秒 \d+ 页。", output);
        Assert.True(File.Exists(Path.Combine(data.Path, "govportal.db")));
        var layout = OutputLayout.For(new PortalPaths(data.Path), OutputLayout.FirstSiteCode);
        Assert.True(File.Exists(layout.ManifestFile));
        Assert.True(File.Exists(Path.Combine(layout.PublicDirectory, "index.html")));
        Assert.True(File.Exists(Path.Combine(layout.PublicDirectory, "xwzx", "xcyw", "index_2.html")));
    }
}

/// <summary>The scan command on real files, as a web team runs it over an old site.</summary>
public sealed class ScanCommandTests
{
    [Fact]
    public async Task Scan_lists_findings_with_their_place_and_fails_on_blocking_ones()
    {
        using var folder = new TempDirectory();
        var clean = Path.Combine(folder.Path, "clean.html");
        var tampered = Path.Combine(folder.Path, "tampered.html");
        var capture = Path.Combine(folder.Path, "capture.txt");
        await File.WriteAllTextAsync(clean,
            "<!DOCTYPE html><html><head><title>相城区</title></head><body><p>全区生态环境保护大会召开。</p></body></html>");
        await File.WriteAllTextAsync(tampered, "<!DOCTYPE html><html><head><title>相城区</title></head><body>\n"
            + "<p>正文</p>\n<div style=\"display:none\"><a href=\"https://spam.example/\">百家乐</a></div>\n</body></html>");
        await File.WriteAllTextAsync(capture, GovPortal.Data.Demo.SeedArticleReader.ReadEmbeddedCapture());

        var (exitCode, output, _) = await ExecutableTests.RunAsync("scan", clean, tampered, capture,
            "--allow-host", "szxc.gov.cn");
        Assert.Equal(1, exitCode);
        Assert.Contains($"{tampered}:3:", output);
        Assert.Contains("[阻止] 隐藏内容（暗链）", output);
        Assert.Contains("[阻止] 赌博信息", output);
        Assert.Contains($"{capture}:", output);
        Assert.DoesNotContain($"{clean}:", output);

        var (cleanExit, cleanOutput, _) = await ExecutableTests.RunAsync("scan", clean);
        Assert.Equal(0, cleanExit);
        Assert.Contains("检查了 1 个文件：0 处必须处理", cleanOutput);

        var (missingExit, _, errors) = await ExecutableTests.RunAsync("scan", Path.Combine(folder.Path, "none.html"));
        Assert.Equal(2, missingExit);
        Assert.Contains("无法读取", errors);
    }
}

/// <summary>The check command as an operator schedules it.</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public async Task Check_prints_the_report_writes_csv_and_fails_on_single_veto_items()
    {
        using var data = new TempDirectory();
        var csv = Path.Combine(data.Path, "health.csv");
        // The demo's news is from 2023, so today its home page and columns are stale: single-veto items.
        var (exitCode, output, errors) =
            await ExecutableTests.RunAsync("check", "--demo", "--data", data.Path, "--csv", csv);

        Assert.True(exitCode == 1, output + errors);
        Assert.Contains("[单项否决] 首页栏目信息更新", output);
        Assert.Contains("[单项否决] 栏目不更新 /xwzx/xcyw/", output);
        Assert.StartsWith("检查时间,指标,单项否决,位置,说明", File.ReadAllText(csv).TrimStart('\uFEFF'));
    }
}

/// <summary>One process writes a data folder's output at a time.</summary>
public sealed class DataDirectoryLockTests
{
    [Fact]
    public async Task Publish_refuses_to_run_beside_a_running_portal()
    {
        using var data = new TempDirectory();
        using (var running = GovPortal.Hosting.DataDirectoryLock.TryAcquire(
            new PortalPaths(data.Path)))
        {
            Assert.NotNull(running);
            var (exitCode, _, errors) = await ExecutableTests.RunAsync("publish", "--demo", "--data", data.Path);
            Assert.Equal(1, exitCode);
            Assert.Contains("门户正在使用数据目录", errors);
            var layout = OutputLayout.For(new PortalPaths(data.Path), OutputLayout.FirstSiteCode);
            Assert.False(File.Exists(Path.Combine(layout.PublicDirectory, "index.html")));
        }
        var (afterExit, output, _) = await ExecutableTests.RunAsync("publish", "--demo", "--data", data.Path);
        Assert.Equal(0, afterExit);
        Assert.Contains("已发布", output);
    }
}
