using System.Diagnostics;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Hosting;

/// <summary>The real executable, as an operator runs it.</summary>
public sealed class ExecutableTests
{
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "GovPortal.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", executable, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment.Remove("GOVPORTAL_DATABASE");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

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
        var (exitCode, output, errors) = await RunAsync("publish", "--data", data.Path);

        Assert.True(exitCode == 0, errors);
        Assert.Matches(@"已发布 \d+ 个页面（其中文章 \d+ 篇），写入 \d+ 个文件，用时 [\d.]+ 秒，每秒 \d+ 页。", output);
        Assert.True(File.Exists(Path.Combine(data.Path, "govportal.db")));
        Assert.True(File.Exists(Path.Combine(data.Path, "output", "manifest.db")));
        Assert.True(File.Exists(Path.Combine(data.Path, "output", "public", "index.html")));
        Assert.True(File.Exists(Path.Combine(data.Path, "output", "public", "xwzx", "xcyw", "index_2.html")));
    }
}
