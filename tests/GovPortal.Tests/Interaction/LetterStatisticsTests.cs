using System.Text;
using GovPortal.Citizens.Calendar;
using GovPortal.Interaction.Letters;
using GovPortal.Publishing;
using GovPortal.Publishing.Interaction;
using GovPortal.Theme;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// The statistics of letters against hand counts: per month, per organisation and for the year, with the average
/// working days to reply, the ratings and the 满意率; replies the calendar cannot count are left out of the averages
/// and named; the CSV (byte order mark, formula cells defused); and on a portal, the letters held at screening or
/// rejected counted nowhere and a merged letter replied with the letter that answered it.
/// </summary>
public sealed class LetterStatisticsTests(InteractionFixture fixture) : IClassFixture<InteractionFixture>
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static LetterStatisticsFigures HandCounted(params (int Id, string Name)[] organisations)
    {
        // Weekends only: 2026 is known, 2025 is not.
        var calendar = new WorkingDayCalendar([2026], []);
        StatisticsLetter[] letters =
        [
            new(new(2026, 1, 5), new(2026, 1, 9), LetterRatings.Satisfied, 1), // 4 working days
            new(new(2026, 1, 8), new(2026, 1, 15), LetterRatings.Fair, 1), // 5
            new(new(2026, 1, 20), null, "", 2),
            new(new(2026, 2, 2), new(2026, 2, 13), LetterRatings.Dissatisfied, 2), // 9
            new(new(2025, 12, 29), new(2026, 1, 6), LetterRatings.Satisfied, 1), // 2025 has no calendar
            new(new(2026, 3, 3), null, "", null),
            new(new(2026, 2, 3), new(2026, 2, 13), "", 2), // 8
        ];
        return LetterStatistics.Compute(letters, 2026, Today,
            organisations.Length > 0 ? organisations : [(1, "区政府办"), (2, "区住建局"), (3, "区教育局")],
            calendar.WorkingDaysBetween, calendar.Knows);
    }

    [Fact]
    public void Months_organisations_and_the_year_match_the_hand_counts()
    {
        var statistics = HandCounted();

        Assert.Equal(2026, statistics.Year);
        Assert.Equal("2026-06-15", statistics.AsOf);
        Assert.Equal(
        [
            new LetterFigures("1月", 3, 3, 4.5, 2, 1, 0, Uncounted: 1),
            new LetterFigures("2月", 2, 2, 8.5, 0, 0, 1),
            new LetterFigures("3月", 1, 0, null, 0, 0, 0),
            new LetterFigures("4月", 0, 0, null, 0, 0, 0),
            new LetterFigures("5月", 0, 0, null, 0, 0, 0),
            new LetterFigures("6月", 0, 0, null, 0, 0, 0),
        ], statistics.Months);
        Assert.Equal(new LetterFigures("合计", 6, 5, 6.5, 2, 1, 1, Uncounted: 1), statistics.Total);
        Assert.Equal(
        [
            new LetterFigures("区政府办", 2, 3, 4.5, 2, 1, 0, Uncounted: 1),
            new LetterFigures("区住建局", 3, 2, 8.5, 0, 0, 1),
            new LetterFigures(LetterStatistics.Unassigned, 1, 0, null, 0, 0, 0),
        ], statistics.Organisations);
        Assert.Equal("100.0%", statistics.Months[0].ShareText);
        Assert.Equal("0.0%", statistics.Months[1].ShareText);
        Assert.Equal("—", statistics.Months[2].ShareText);
        Assert.Equal("75.0%", statistics.Total.ShareText);
        Assert.Equal("6.5", statistics.Total.AverageText);
        Assert.Equal("工作日历缺少 2025 年，1 件答复的用时无法按工作日计算，未计入平均答复用时。", statistics.CalendarNote);
    }

    [Fact]
    public void The_csv_starts_with_a_byte_order_mark_holds_the_figures_and_defuses_formulas()
    {
        var bytes = LetterStatisticsCsv.Write(HandCounted((1, "=HYPERLINK(\"http://evil.example\")"), (2, "区住建局")));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("2026年互动交流信件统计,统计截至 2026-06-15", lines[0]);
        Assert.Equal("月份,收信（件）,答复（件）,平均答复用时（工作日）,满意,基本满意,不满意,满意率", lines[1]);
        Assert.Equal("1月,3,3,4.5,2,1,0,100.0%", lines[2]);
        Assert.Equal("2月,2,2,8.5,0,0,1,0.0%", lines[3]);
        Assert.Equal("3月,1,0,—,0,0,0,—", lines[4]);
        Assert.Equal("合计,6,5,6.5,2,1,1,75.0%", lines[8]);
        Assert.Equal("", lines[9]);
        Assert.Equal("承办单位,收信（件）,答复（件）,平均答复用时（工作日）,满意,基本满意,不满意,满意率", lines[10]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil.example\"\")\",2,3,4.5,2,1,0,100.0%", lines[11]);
        Assert.Equal("区住建局,3,2,8.5,0,0,1,0.0%", lines[12]);
        Assert.Equal("尚未分办,1,0,—,0,0,0,—", lines[13]);
        Assert.Contains(lines, l => l.StartsWith("工作日历缺少 2025 年", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_the_portal_screening_and_rejected_count_nowhere_and_merged_letters_count_with_their_target()
    {
        int Office = fixture.Office, Housing = fixture.Housing;
        var content = new LetterContent("统计测试", "统计测试信件。", "李四", "13700001111", "");
        // June 2026 on the State Council's calendar: 1–5 and 8–12 June are working days.
        await fixture.LetterAsync(content, receivedOn: new(2026, 6, 1), repliedOn: new(2026, 6, 5),
            organisationId: Office, adjust: l => l.Rating = LetterRatings.Satisfied); // 4 working days
        var target = await fixture.LetterAsync(content, receivedOn: new(2026, 6, 2), repliedOn: new(2026, 6, 9),
            organisationId: Housing, adjust: l => l.Rating = LetterRatings.Fair); // 5
        await fixture.LetterAsync(content, LetterStatus.Screening, receivedOn: new(2026, 6, 3));
        await fixture.LetterAsync(content, LetterStatus.Rejected, receivedOn: new(2026, 6, 3));
        await fixture.LetterAsync(content, LetterStatus.Merged, receivedOn: new(2026, 6, 3),
            adjust: l => (l.MergedIntoId, l.OrganisationId) = (target.Id, null)); // replied 9 June: 4
        await fixture.LetterAsync(content, LetterStatus.Assigned, receivedOn: new(2026, 6, 4), organisationId: Office);

        await fixture.Portal.Service<Publisher>().PublishInteractionAsync();

        var page = Html.Parse(await File.ReadAllTextAsync(fixture.PublishedFile("hdjl/tj/index.html")));
        var tables = page.QuerySelectorAll("table.letter-figures");
        Assert.Equal(2, tables.Length);
        string[] Row(AngleSharp.Dom.IElement table, string label) => table.QuerySelectorAll("tr")
            .Single(r => r.QuerySelector("th[scope=row]").Text() == label).Children.Select(c => c.Text()).ToArray();
        Assert.Equal(["6月", "4", "3", "4.3", "1", "1", "0", "100.0%"], Row(tables[0], "6月"));
        Assert.Equal(["5月", "0", "0", "—", "0", "0", "0", "—"], Row(tables[0], "5月"));
        Assert.Equal(["合计", "4", "3", "4.3", "1", "1", "0", "100.0%"], Row(tables[0], "合计"));
        Assert.Equal(["选登测试区政府办", "2", "1", "4.0", "1", "0", "0", "100.0%"], Row(tables[1], "选登测试区政府办"));
        Assert.Equal(["选登测试区住建局", "2", "2", "4.5", "0", "1", "0", "100.0%"], Row(tables[1], "选登测试区住建局"));
        Assert.Equal(2, tables[1].QuerySelectorAll("tbody tr").Length);

        // The same figures in the accessible tables, the chart and the download.
        Assert.Equal("2026年各月信件统计", tables[0].QuerySelector("caption").Text());
        Assert.All(tables[0].QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        var chart = page.QuerySelector("svg.letter-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal(12, chart.QuerySelectorAll("rect").Length - 2); // two bars per month, two legend keys
        Assert.Equal("/hdjl/tj/tj.csv", page.QuerySelector("a[href$='.csv']")!.GetAttribute("href"));
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(fixture.PublishedFile("hdjl/tj/tj.csv")));
        Assert.Contains("6月,4,3,4.3,1,1,0,100.0%\r\n", csv);
        Assert.Contains("选登测试区住建局,2,2,4.5,0,1,0,100.0%\r\n", csv);
        using var response = await fixture.Portal.Client.GetAsync("/hdjl/tj/tj.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);

        // The home's summary is the year's total.
        var home = Html.Parse(await File.ReadAllTextAsync(fixture.PublishedFile("hdjl/index.html")));
        Assert.Contains("2026年收到信件 4 件，答复 3 件，平均答复用时 4.3 个工作日，满意率 100.0%", home.Body.Text());
    }
}
