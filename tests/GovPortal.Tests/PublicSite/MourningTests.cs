using GovPortal.Publishing;
using GovPortal.Tests.Hosting;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.PublicSite;

/// <summary>全站置灰: on the days an administrator sets, every public page is shown in grayscale.</summary>
public sealed class MourningTests
{
    // 09:00 in China
    private static readonly DateTimeOffset MorningOfTheDay = new(2026, 12, 13, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task On_a_day_of_mourning_every_page_in_every_form_is_grey_and_the_next_day_it_is_not()
    {
        var clock = new FixedTimeProvider(MorningOfTheDay);
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var seed = await portal.SeedArticleAsync();
        string[] paths = ["/", seed.Url!, "/xwzx/xcyw/", "/elder" + seed.Url, "/zh-hant/", "/search?q=x",
            "/zh-hant/search?q=x", "/no-such-page.html"];
        using (var before = await portal.Client.GetAsync(seed.Url))
        {
            Assert.Null(Html.Parse(await before.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("class"));
            var ordinaryTag = before.Headers.ETag;

            await portal.Service<Publisher>().PublishMourningDaysAsync([new DateOnly(2026, 12, 13)]);
            foreach (var path in paths)
            {
                var (_, page) = await portal.Client.GetDocumentAsync(path);
                Assert.True(page.DocumentElement.ClassList.Contains("mourning"), path);
            }
            using var grey = await portal.Client.GetAsync(seed.Url);
            Assert.NotEqual(ordinaryTag, grey.Headers.ETag); // a cache never mixes the two
        }

        clock.Now = MorningOfTheDay.AddDays(1);
        await Task.Yield();
        foreach (var path in paths)
        {
            var (_, page) = await portal.Client.GetDocumentAsync(path);
            Assert.False(page.DocumentElement.ClassList.Contains("mourning"), path);
        }
    }

    [Fact]
    public async Task The_mourning_command_sets_lists_and_clears_the_dates()
    {
        using var data = new TempDirectory();

        var (setExit, setOutput, setErrors) = await ExecutableTests.RunAsync("mourning", "2026-12-13", "2026-04-04",
            "--data", data.Path);
        Assert.True(setExit == 0, setErrors);
        Assert.Contains("全站置灰的日期：2026-04-04、2026-12-13", setOutput);

        var (_, listOutput, _) = await ExecutableTests.RunAsync("mourning", "--data", data.Path);
        Assert.Contains("2026-04-04、2026-12-13", listOutput);

        var (_, clearOutput, _) = await ExecutableTests.RunAsync("mourning", "clear", "--data", data.Path);
        Assert.Contains("没有设置全站置灰的日期", clearOutput);

        var (badExit, _, badErrors) = await ExecutableTests.RunAsync("mourning", "12/13", "--data", data.Path);
        Assert.Equal(2, badExit);
        Assert.Contains("日期“12/13”的格式不对", badErrors);
    }

    [Fact]
    public async Task The_mourning_command_leaves_a_running_portal_s_output_to_the_back_office()
    {
        using var data = new TempDirectory();
        var paths = new GovPortal.Storage.PortalPaths(data.Path);
        using (var running = GovPortal.Hosting.DataDirectoryLock.TryAcquire(paths))
        {
            Assert.NotNull(running);
            var (exitCode, _, errors) = await ExecutableTests.RunAsync("mourning", "2026-12-13", "--data", data.Path);
            Assert.Equal(1, exitCode);
            Assert.Contains("请在后台“设置”页面修改全站置灰日期", errors);
        }
        var (_, listOutput, _) = await ExecutableTests.RunAsync("mourning", "--data", data.Path);
        Assert.Contains("没有设置全站置灰的日期", listOutput);
    }
}
