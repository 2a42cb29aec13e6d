using System.Text.Json;

namespace GovPortal.Content.Disclosure;

/// <summary>规章 or 行政规范性文件 in table 二: issued and repealed in the year, in force at its end.</summary>
public sealed record DocumentCounts(int Issued, int Repealed, int InForce);

/// <summary>
/// The figures of the report GovPortal has no records of, typed in by staff: the rest of table 二 (licences,
/// penalties, enforcement decisions, fee income in 万元) and table 四 (行政复议, 行政诉讼 未经复议直接起诉 and
/// 复议后起诉, each as 结果维持, 结果纠正, 其他结果, 尚未审结; the 总计 columns are their sums).
/// </summary>
public sealed record TypedFigures(int Licences, int Penalties, int Enforcements, decimal Fees,
    IReadOnlyList<int> Review, IReadOnlyList<int> DirectSuit, IReadOnlyList<int> SuitAfterReview)
{
    public const int OutcomeCount = 4;

    public static TypedFigures Empty { get; } = new(0, 0, 0, 0m, [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]);

    public static TypedFigures FromJson(string json)
    {
        if (string.IsNullOrEmpty(json)) return Empty;
        var read = JsonSerializer.Deserialize<TypedFigures>(json) ?? Empty;
        return read with { Review = Four(read.Review), DirectSuit = Four(read.DirectSuit),
            SuitAfterReview = Four(read.SuitAfterReview) };
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    private static int[] Four(IReadOnlyList<int>? values) =>
        [.. Enumerable.Range(0, OutcomeCount).Select(i => values is not null && i < values.Count ? values[i] : 0)];
}

/// <summary>
/// One row of table 三 as the format lays it out: its part (一、… to 四、…), within 三、本年度办理结果 its category
/// ((一)予以公开 … (七)总计) and, where the category has them, its reason (1.属于国家秘密 …); the counts per column
/// (<see cref="ApplicationsTable.Columns"/>).
/// </summary>
public sealed record ApplicationsRow(string Key, string Part, string? Category, string? Reason,
    IReadOnlyList<int> Counts);

/// <summary>Table 三, computed from the applications, its labels kept with it so a published report never moves.
/// </summary>
public sealed record ApplicationsTable(IReadOnlyList<ApplicationsRow> Rows)
{
    /// <summary>自然人, the five kinds of 法人或其他组织, 总计: the columns of every row, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

    /// <summary>Where the 法人或其他组织 columns start and how many there are.</summary>
    public const int FirstOrganisationColumn = 1;
    public const int OrganisationColumns = 5;

    public ApplicationsRow Row(string key) => Rows.First(r => r.Key == key);
}

/// <summary>
/// The report as published: chapters and every table, frozen at publication (the computed tables no longer follow
/// the records, so a document repealed later does not change last year's report).
/// </summary>
public sealed record AnnualReportSnapshot(int Year, string Title, string Overview, DocumentCounts Regulations,
    DocumentCounts NormativeDocuments, TypedFigures Figures, ApplicationsTable Applications, string Problems,
    string OtherMatters, DateOnly PublishedOn)
{
    public static AnnualReportSnapshot? FromJson(string json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<AnnualReportSnapshot>(json);

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The page's address: /zfxxgk/nb/2025/.</summary>
    public string Url => AnnualReportAddresses.Of(Year);

    public static string TitleOf(string organisation, int year) => $"{organisation}{year}年政府信息公开工作年度报告";
}

/// <summary>Where the reports are published: an index under /zfxxgk/nb/ and a folder per year.</summary>
public static class AnnualReportAddresses
{
    public const string Folder = "zfxxgk/nb";
    public const string IndexUrl = "/" + Folder + "/";

    public static string Of(int year) => $"/{Folder}/{year}/";

    /// <summary>Paragraphs of a chapter as typed: one per non-empty line.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
