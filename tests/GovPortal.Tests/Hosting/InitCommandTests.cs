using GovPortal.Data;
using GovPortal.Hosting;
using GovPortal.Publishing.Output;
using GovPortal.Storage;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Hosting;

/// <summary>
/// <c>init</c> makes an empty site (name, domain, 主办单位; no channels, no articles, no demo) in a new data folder and
/// publishes it; the demo is made only when asked with --demo; a folder with neither is refused with what to do.
/// </summary>
public sealed class InitCommandTests
{
    private static readonly string[] Site =
        ["--name", "苏州市相城区黄埭镇人民政府", "--domain", "hd.szxc.gov.cn", "--organisation", "黄埭镇人民政府"];

    [Fact]
    public async Task Init_makes_an_empty_published_site_once_and_serving_it_needs_no_demo()
    {
        using var data = new TempDirectory();
        var (exitCode, output, errors) = await ExecutableTests.RunAsync(["init", "--data", data.Path, .. Site]);
        Assert.True(exitCode == 0, output + errors);
        Assert.Contains("已建立空白网站“苏州市相城区黄埭镇人民政府”（https://hd.szxc.gov.cn）", output);

        await using (var db = DatabaseOptions.Sqlite(new PortalPaths(data.Path).DatabaseFile).CreateContext())
        {
            var site = await db.Sites.SingleAsync();
            Assert.Equal(("苏州市相城区黄埭镇人民政府", "https://hd.szxc.gov.cn", "hd.szxc.gov.cn", "黄埭镇人民政府"),
                (site.Name, site.BaseUrl, site.HostNames, site.Sponsor));
            Assert.Equal(0, await db.Channels.CountAsync());
            Assert.Equal(0, await db.Articles.CountAsync());
        }
        var home = await File.ReadAllTextAsync(Path.Combine(
            OutputLayout.For(new PortalPaths(data.Path), OutputLayout.FirstSiteCode).PublicDirectory, "index.html"));
        Assert.Contains("<title>苏州市相城区黄埭镇人民政府</title>", home);
        Assert.Contains("主办单位：黄埭镇人民政府", home);
        Assert.DoesNotContain("相城要闻", home); // nothing of the demo

        // A second init changes nothing; the site, once made, is published without --demo.
        var (again, _, againErrors) = await ExecutableTests.RunAsync(
            ["init", "--data", data.Path, "--name", "另一个网站", "--domain", "other.gov.cn"]);
        Assert.Equal(StartupFailure.SiteExists, again);
        Assert.Contains("已经有网站“苏州市相城区黄埭镇人民政府”，init 没有做任何修改", againErrors);
        var (published, publishOutput, publishErrors) = await ExecutableTests.RunAsync("publish", "--data", data.Path);
        Assert.True(published == 0, publishOutput + publishErrors);
    }

    [Fact]
    public async Task A_new_folder_without_init_or_demo_is_refused_and_a_bad_domain_leaves_nothing_behind()
    {
        using var data = new TempDirectory();
        var (exitCode, _, errors) = await ExecutableTests.RunAsync("publish", "--data", data.Path);
        Assert.Equal(StartupFailure.NoSite, exitCode);
        Assert.Contains("中还没有网站", errors);
        Assert.Contains("GovPortal init --name 网站名称 --domain 域名", errors);
        Assert.Contains("--demo", errors);

        using var other = new TempDirectory();
        var (bad, _, badErrors) = await ExecutableTests.RunAsync(
            "init", "--data", other.Path, "--name", "黄埭镇", "--domain", "hd szxc");
        Assert.Equal(StartupFailure.NewSiteInvalid, bad);
        Assert.Contains("init 没有建立网站：--domain", badErrors);
        Assert.False(File.Exists(new PortalPaths(other.Path).DatabaseFile));
    }

    [Theory]
    [InlineData(new[] { "init", "--domain", "hd.szxc.gov.cn" }, "init 需要 --name 网站名称 和 --domain 域名")]
    [InlineData(new[] { "init", "--name", "黄埭镇", "--domain", "hd.szxc.gov.cn", "--demo" }, "不能与 --demo 同时使用")]
    [InlineData(new[] { "serve", "--name", "黄埭镇" }, "只用于 init")]
    [InlineData(new[] { "serve", "--demo=yes" }, "选项 --demo 不带值")]
    public void Init_and_demo_options_are_checked(string[] args, string message) =>
        Assert.Contains(message, CommandLine.Parse(args).Error);

    [Fact]
    public void Demo_is_made_from_the_command_line_only_when_asked()
    {
        Assert.False(PortalSettings.From(CommandLine.Parse(["serve"]).Parsed!).CreateDemo);
        Assert.True(PortalSettings.From(CommandLine.Parse(["serve", "--demo"]).Parsed!).CreateDemo);
    }
}
