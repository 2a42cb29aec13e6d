using System.Globalization;
using GovPortal.Tests.Support;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// What the seed article page costs a reader on first visit, and pictures of it in each form. Set
/// GOVPORTAL_BUDGET_OUT to a file to get the figures as a markdown row (bench/run.sh does), and
/// GOVPORTAL_SCREENSHOTS to a folder to keep the pictures (scripts/screenshots.sh writes docs/screenshots).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class PageBudgetAndScreenshotTests(BrowserFixture fixture)
{
    private const int BudgetBytes = 60 * 1024;
    private const int BudgetRequests = 6;

    [Fact]
    public async Task
        The_seed_article_page_with_its_css_and_script_stays_within_60_KB_and_6_requests_from_this_site_only()
    {
        var seed = await fixture.Portal.SeedArticleAsync();
        var page = await fixture.OpenAsync("about:blank");
        try
        {
            var responses = new List<IResponse>();
            page.Response += (_, response) => responses.Add(response);
            await page.GotoAsync(seed.Url!, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

            long transferred = 0;
            foreach (var response in responses)
            {
                var sizes = await response.Request.SizesAsync();
                transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            }
            var origin = fixture.Portal.Address.GetLeftPart(UriPartial.Authority);
            Assert.All(responses, r => Assert.StartsWith(origin, r.Url));
            Assert.True(responses.Count <= BudgetRequests, $"{responses.Count} requests: "
                + string.Join(", ", responses.Select(r => r.Url)));
            Assert.True(transferred <= BudgetBytes, $"{transferred:N0} bytes transferred");

            if (Environment.GetEnvironmentVariable("GOVPORTAL_BUDGET_OUT") is { Length: > 0 } output)
                await File.WriteAllTextAsync(output, string.Create(CultureInfo.InvariantCulture,
                    $"| seed article page, first visit (chromium, brotli) | {responses.Count} requests "
                    + $"({string.Join(", ", responses.Select(r => r.Request.ResourceType).Distinct())}) "
                    + $"| **{transferred / 1024.0:0.0} KB** transferred | all from the site itself |\n"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Screenshots_of_the_seed_article_in_each_form()
    {
        var seed = await fixture.Portal.SeedArticleAsync();
        var folder = Environment.GetEnvironmentVariable("GOVPORTAL_SCREENSHOTS") is { Length: > 0 } configured
            ? configured : null;
        using var temporary = folder is null ? new TempDirectory() : null;
        folder ??= temporary!.Path;
        Directory.CreateDirectory(folder);

        var shots = new (string Name, string Path, int Width, int Height, string? Scheme)[]
        {
            ("seed-article.png", seed.Url!, 1280, 900, null),
            ("seed-article-elder.png", "/elder" + seed.Url, 390, 844, null),
            ("seed-article-high-contrast.png", seed.Url!, 1280, 900, "dark"),
            ("seed-article-traditional.png", "/zh-hant" + seed.Url, 1280, 900, null),
            ("seed-article-360px.png", seed.Url!, 360, 740, null),
        };
        foreach (var (name, path, width, height, scheme) in shots)
        {
            var page = await fixture.OpenAsync("about:blank", width, height);
            try
            {
                if (scheme is not null)
                    await page.Context.AddInitScriptAsync($"localStorage.setItem('govportal-a11y', JSON.stringify({{ " +
                        $"open: true, scheme: '{scheme}' }}))");
                await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                // Start at the article's title, below the header, as a reader arriving from a link would see it.
                await page.EvaluateAsync("() => document.querySelector('.breadcrumb').scrollIntoView()");
                var file = Path.Combine(folder, name);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });

                var png = await File.ReadAllBytesAsync(file);
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
                Assert.Equal(width, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }
}
