using GovPortal.Content.Kinds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// The demo's 信息公开 pages in a real browser, in the standard, 适老版 and 繁體 forms: the metadata table is a table
/// with row headers as assistive technology reads it, the links both ways are there, and axe finds no WCAG 2.2 AA
/// violation.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class DisclosurePageTests(BrowserFixture fixture)
{
    /// <summary>
    /// A current and a repealed document in every form (<see cref="PageForms"/>), an interpretation in the standard.
    /// </summary>
    public static TheoryData<string, string> PagesInEveryForm() =>
        PageForms.Of(["相政规〔2023〕3号", "相政规〔2021〕2号"], ["interpretation"]);

    /// <summary>A demo document by its 发文字号, or the interpretation of the 2023 measures.</summary>
    private async Task<string> UrlOf(string page)
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        var live = db.Articles.AsNoTracking();
        return page == "interpretation"
            ? (await live.FirstAsync(a => a.Kind == InterpretationKind.Key && a.Title.Contains("制定和监督管理办法"))).Url!
            : (await live.SingleAsync(a => a.Disclosure.DocumentNumber == page)).Url!;
    }

    [Theory]
    [MemberData(nameof(PagesInEveryForm))]
    public async Task The_page_reads_as_a_table_with_its_links_and_axe_finds_no_violation(string form, string page)
    {
        var browserPage = await fixture.OpenAsync(form + await UrlOf(page));
        try
        {
            var traditional = form == "/zh-hant";
            if (page == "interpretation")
            {
                await Assertions.Expect(browserPage.Locator(".policy-original a"))
                    .ToContainTextAsync(traditional ? "制定和監督管理辦法" : "制定和监督管理办法");
            }
            else
            {
                var table = browserPage.Locator("table.article-facts");
                await Assertions.Expect(table.GetByRole(AriaRole.Rowheader)).ToHaveCountAsync(7);
                await Assertions.Expect(table.GetByRole(AriaRole.Rowheader).First)
                    .ToHaveTextAsync(traditional ? "索引號" : "索引号");
                await Assertions.Expect(table.GetByRole(AriaRole.Cell).First)
                    .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^11320507014160024H/20\\d\\d-\\d{5}$"));
                if (page == "相政规〔2021〕2号")
                    await Assertions.Expect(browserPage.Locator(".validity-notice"))
                        .ToContainTextAsync(traditional ? "本文件已於 2023年10月1日 廢止" : "本文件已于 2023年10月1日 废止");
                else
                {
                    await Assertions.Expect(browserPage.Locator(".validity-replaces a")).ToHaveCountAsync(1);
                    await Assertions.Expect(browserPage.GetByRole(AriaRole.Heading, new() { Name = "【相关解读】" }))
                        .ToHaveCountAsync(traditional ? 0 : 1);
                    await Assertions.Expect(browserPage.Locator("section.interpretations li")).ToHaveCountAsync(1);
                }
            }
            await Axe.AssertNoViolationsAsync(browserPage);
        }
        finally
        {
            await browserPage.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/elder")]
    [InlineData("/zh-hant")]
    public async Task The_metadata_table_fits_a_360_pixel_phone(string form)
    {
        var browserPage = await fixture.OpenAsync(form + await UrlOf("相政规〔2023〕3号"), width: 360, height: 740);
        try
        {
            var widths = await browserPage.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"page is {widths[0]} px wide in a {widths[1]} px window");
        }
        finally
        {
            await browserPage.Context.CloseAsync();
        }
    }
}
