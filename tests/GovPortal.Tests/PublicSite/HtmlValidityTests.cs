using GovPortal.Tests.Support;

namespace GovPortal.Tests.PublicSite;

/// <summary>Every published page passes html-validate's recommended rules (installed by the build from npm).</summary>
public sealed class HtmlValidityTests(DemoPortalFixture fixture) : IClassFixture<DemoPortalFixture>
{
    [Fact]
    public async Task Every_published_page_is_valid_html()
    {
        var source = Path.Combine(Repository.Root, "src", "GovPortal");
        var validator = Path.Combine(source, "node_modules", "html-validate", "bin", "html-validate.mjs");
        Assert.True(File.Exists(validator), "html-validate is installed by the build (src/GovPortal/package.json)");
        var pages = Directory.EnumerateFiles(fixture.Portal.Output.PublicDirectory, "*.html",
            SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 100);

        var (exitCode, output, errors) = await Processes.RunAsync("node",
            [validator, "--config", Path.Combine(source, "Theme", "htmlvalidate.json"), .. pages]);
        Assert.True(exitCode == 0, output + errors);
    }

    [Fact]
    public async Task Search_pages_and_the_elder_and_traditional_forms_are_valid_html()
    {
        var source = Path.Combine(Repository.Root, "src", "GovPortal");
        var validator = Path.Combine(source, "node_modules", "html-validate", "bin", "html-validate.mjs");
        using var folder = new TempDirectory();
        var pages = new List<string>();
        var q = Uri.EscapeDataString("生态环境");
        var seed = await fixture.Portal.SeedArticleAsync();
        foreach (var url in new[]
                 {
                     $"/search?q={q}&from=bad", $"/elder/search?q={q}&sort=date", $"/zh-hant/search?q={q}&channel=1",
                     "/search", "/search?q=%E3%80%82", "/elder/", "/zh-hant/", "/elder" + seed.Url,
                     "/zh-hant" + seed.Url, "/zh-hant/xwzx/xcyw/index_2.html",
                 })
        {
            var file = Path.Combine(folder.Path, $"search-{pages.Count}.html");
            await File.WriteAllTextAsync(file, await fixture.Portal.Client.GetStringAsync(url));
            pages.Add(file);
        }

        var (exitCode, output, errors) = await Processes.RunAsync("node",
            [validator, "--config", Path.Combine(source, "Theme", "htmlvalidate.json"), .. pages]);
        Assert.True(exitCode == 0, output + errors);
    }
}
