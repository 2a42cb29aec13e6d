namespace GovPortal.Tests.Browser;

/// <summary>
/// The published 政府信息公开年报 (the demo's 2025 report and the index) in every form: axe WCAG 2.2 AA finds nothing,
/// and every cell of table 三 names, through headers/ids, the column and row headers a screen reader announces.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class AnnualReportPageTests(BrowserFixture fixture)
{
    public static TheoryData<string, string> PagesInEveryForm()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in new[] { "", "/elder", "/zh-hant" })
            foreach (var page in new[] { "/zfxxgk/nb/", "/zfxxgk/nb/2025/" })
                data.Add(form, page);
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInEveryForm))]
    public async Task Axe_finds_no_wcag_violation(string form, string page)
    {
        var browserPage = await fixture.OpenAsync(form + page);
        try
        {
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
    public async Task Every_cell_of_table_three_names_its_column_and_row_headers(string form)
    {
        var page = await fixture.OpenAsync(form + "/zfxxgk/nb/2025/");
        try
        {
            // For each data cell: the texts of the header cells its headers attribute names, joined with "|".
            var cells = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('table.report-applications td[headers]')].map(td =>
                    td.getAttribute('headers').split(' ').map(id => {
                        const th = document.getElementById(id);
                        return th && th.tagName === 'TH' && th.closest('table') === td.closest('table')
                            ? th.textContent.trim() : '(missing ' + id + ')';
                    }).join('|'))
                """);
            Assert.Equal(25 * 7, cells.Length);
            Assert.DoesNotContain(cells, c => c.Contains("(missing", StringComparison.Ordinal));
            if (form == "/zh-hant")
            {
                // The Traditional text comes from the converter: the same headers for each cell, in other script.
                Assert.Contains(cells, c => c.StartsWith("申請人情況|自然人|三、本年度", StringComparison.Ordinal)
                    && c.Split('|').Length == 5);
                return;
            }
            Assert.Contains("申请人情况|自然人|三、本年度办理结果|（三）不予公开|1.属于国家秘密", cells);
            Assert.Contains("申请人情况|法人或其他组织|法律服务机构|四、结转下年度继续办理", cells);
            Assert.Contains("申请人情况|总计|三、本年度办理结果|（七）总计", cells);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
