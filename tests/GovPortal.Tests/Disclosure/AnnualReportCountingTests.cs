using GovPortal.Content.Disclosure;
using GovPortal.Disclosure.AnnualReports;

namespace GovPortal.Tests.Disclosure;

/// <summary>
/// Table 三 of the annual report from a generated set of applications, and table 二's counts from documents, each
/// against a count made by hand.
/// </summary>
public sealed class AnnualReportCountingTests
{
    // Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
    private const int Citizen = 0, Commercial = 1, Research = 2, Welfare = 3, Legal = 4, Other = 5, Total = 6;

    private static CountedApplication App(string type, string kind, string received, string? answered,
        string category = "", string reason = "") =>
        new(type, kind, DateOnly.Parse(received), answered is null ? null : DateOnly.Parse(answered), category,
            reason);

    private static readonly CountedApplication[] Applications =
    [
        App("citizen", "", "2023-11-20", "2024-01-10", "disclose"),                        // carried in, answered
        App("organisation", "commercial", "2023-12-28", null),                            // carried in and out
        App("citizen", "", "2023-05-01", "2023-06-01", "disclose"),                       // not in 2024
        App("citizen", "", "2024-02-01", "2024-02-20", "partial"),
        App("organisation", "research", "2024-03-01", "2024-03-25", "withhold", "state-secret"),
        App("organisation", "public-welfare", "2024-04-01", "2024-04-22", "withhold", "administrative-query"),
        App("organisation", "legal-service", "2024-05-01", "2024-05-20", "unavailable", "unclear-after-correction"),
        App("organisation", "other", "2024-06-01", "2024-06-15", "not-processed", "massive"),
        App("organisation", "", "2024-07-01", "2024-07-20", "not-processed", "confirmation"), // kind missing: 其他
        App("citizen", "", "2024-08-01", "2024-08-10", "other"),
        App("citizen", "", "2024-09-01", "2024-09-30", "other", "no-correction"),
        App("organisation", "commercial", "2024-12-20", "2025-01-08", "disclose"),         // carried out
        App("citizen", "", "2024-12-31", null),                                           // carried out
        App("citizen", "", "2025-01-02", "2025-01-05", "disclose"),                       // not in 2024
        App("citizen", "", "2024-10-10", "2024-10-30", "withhold", "no-such-reason"),    // last reason of 不予公开
    ];

    [Fact]
    public void Table_three_equals_the_hand_count()
    {
        var table = ApplicationCounting.Count(Applications, 2024);

        // Counted by hand from the list above: row → (column, count) for every cell that is not zero.
        var expected = new Dictionary<string, (int Column, int Count)[]>
        {
            ["new"] = [(Citizen, 5), (Commercial, 1), (Research, 1), (Welfare, 1), (Legal, 1), (Other, 2),
                (Total, 11)],
            ["carried-in"] = [(Citizen, 1), (Commercial, 1), (Total, 2)],
            ["outcome:disclose"] = [(Citizen, 1), (Total, 1)],
            ["outcome:partial"] = [(Citizen, 1), (Total, 1)],
            ["outcome:withhold:state-secret"] = [(Research, 1), (Total, 1)],
            ["outcome:withhold:administrative-query"] = [(Citizen, 1), (Welfare, 1), (Total, 2)],
            ["outcome:unavailable:unclear-after-correction"] = [(Legal, 1), (Total, 1)],
            ["outcome:not-processed:massive"] = [(Other, 1), (Total, 1)],
            ["outcome:not-processed:confirmation"] = [(Other, 1), (Total, 1)],
            ["outcome:other:no-correction"] = [(Citizen, 1), (Total, 1)],
            ["outcome:other:other"] = [(Citizen, 1), (Total, 1)],
            ["outcome:total"] = [(Citizen, 5), (Research, 1), (Welfare, 1), (Legal, 1), (Other, 2), (Total, 10)],
            ["carried-out"] = [(Citizen, 1), (Commercial, 2), (Total, 3)],
        };
        foreach (var row in table.Rows)
        {
            var cells = expected.GetValueOrDefault(row.Key, []);
            for (var column = 0; column < ApplicationsTable.Columns.Count; column++)
            {
                var want = cells.Where(c => c.Column == column).Select(c => c.Count).FirstOrDefault();
                Assert.True(want == row.Counts[column],
                    $"{row.Key} / {ApplicationsTable.Columns[column]}: expected {want}, got {row.Counts[column]}");
            }
        }
        Assert.Empty(expected.Keys.Except(table.Rows.Select(r => r.Key)));
    }

    [Fact]
    public void Table_three_has_the_rows_of_the_national_format_and_balances()
    {
        var table = ApplicationCounting.Count(Applications, 2024);

        // 2 + 予以公开 + 部分公开 + 8 + 3 + 5 + 3 (其他处理) + 总计 + 结转下年度.
        Assert.Equal(25, table.Rows.Count);
        Assert.Equal(8, table.Rows.Count(r => r.Key.StartsWith("outcome:withhold:", StringComparison.Ordinal)));
        Assert.Equal(3, table.Rows.Count(r => r.Key.StartsWith("outcome:unavailable:", StringComparison.Ordinal)));
        Assert.Equal(5, table.Rows.Count(r => r.Key.StartsWith("outcome:not-processed:", StringComparison.Ordinal)));
        Assert.Equal(3, table.Rows.Count(r => r.Key.StartsWith("outcome:other:", StringComparison.Ordinal)));
        Assert.Equal("1.属于国家秘密", table.Row("outcome:withhold:state-secret").Reason);
        Assert.Equal("（三）不予公开", table.Row("outcome:withhold:state-secret").Category);
        Assert.Equal("（七）总计", table.Row("outcome:total").Category);
        Assert.Equal("四、结转下年度继续办理", table.Row("carried-out").Part);
        for (var column = 0; column < ApplicationsTable.Columns.Count; column++)
        {
            // 一 + 二 = 三(七) + 四, and the total is the sum of the outcome rows.
            Assert.Equal(table.Row("new").Counts[column] + table.Row("carried-in").Counts[column],
                table.Row("outcome:total").Counts[column] + table.Row("carried-out").Counts[column]);
            Assert.Equal(table.Row("outcome:total").Counts[column], table.Rows
                .Where(r => r.Key.StartsWith("outcome:", StringComparison.Ordinal) && r.Key != "outcome:total")
                .Sum(r => r.Counts[column]));
        }
        foreach (var row in table.Rows) Assert.Equal(row.Counts.Take(row.Counts.Count - 1).Sum(), row.Counts[^1]);
    }

    [Fact]
    public void Table_two_counts_issued_repealed_and_in_force_at_the_year_end()
    {
        static CountedDocument Doc(string released, DocumentValidity validity = DocumentValidity.Effective,
            string? changed = null) =>
            new(DateOnly.Parse(released), validity, changed is null ? null : DateOnly.Parse(changed));

        var counts = AnnualReportFigures.CountDocuments(
        [
            Doc("2024-03-01"),                                          // issued, in force
            Doc("2020-01-01", DocumentValidity.Repealed, "2024-06-01"), // repealed this year
            Doc("2019-05-01", DocumentValidity.Expired, "2025-03-01"),  // expired only later: in force
            Doc("2024-11-01", DocumentValidity.Repealed, "2025-02-01"), // issued, repealed only later
            Doc("2025-01-05"),                                          // next year's
            Doc("2018-07-01", DocumentValidity.Amended, "2024-05-01"),  // amended: in force as amended
            Doc("2021-02-01", DocumentValidity.Expired, "2023-12-31"),  // expired before the year
        ], 2024);

        Assert.Equal(new DocumentCounts(Issued: 2, Repealed: 1, InForce: 4), counts);
    }
}
