using System.Globalization;
using GovPortal.Content.Disclosure;

namespace GovPortal.BackOffice.AnnualReports;

/// <summary>
/// The annual report's form as typed: the three chapters staff write and the figures GovPortal has no records of.
/// Nothing is trusted: <see cref="Read"/> says in Chinese what to fix, and the page shows every value as typed.
/// </summary>
public sealed record AnnualReportForm(string Overview, string Problems, string OtherMatters,
    IReadOnlyDictionary<string, string> Figures)
{
    public const int MaxCount = 9_999_999;

    // Declared before the fields that use it: static fields are set in order.
    private static readonly string[] Outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结"];

    /// <summary>The typed figures' form fields with their labels, in the order of the report.</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> FigureFields =
    [
        ("licences", "行政许可本年处理决定数量"), ("penalties", "行政处罚本年处理决定数量"),
        ("enforcements", "行政强制本年处理决定数量"), ("fees", "行政事业性收费本年收费金额（万元）"),
        .. Group("review", "行政复议"), .. Group("direct", "行政诉讼（未经复议直接起诉）"),
        .. Group("after", "行政诉讼（复议后起诉）"),
    ];

    private static IEnumerable<(string, string)> Group(string prefix, string label) =>
        Outcomes.Select((o, i) => ($"{prefix}-{i}", $"{label}：{o}"));

    /// <summary>The form showing what is saved.</summary>
    public static AnnualReportForm Of(AnnualReport? report)
    {
        var figures = report?.Figures ?? TypedFigures.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["licences"] = Text(figures.Licences), ["penalties"] = Text(figures.Penalties),
            ["enforcements"] = Text(figures.Enforcements),
            ["fees"] = figures.Fees.ToString("0.####", CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < TypedFigures.OutcomeCount; i++)
        {
            values[$"review-{i}"] = Text(figures.Review[i]);
            values[$"direct-{i}"] = Text(figures.DirectSuit[i]);
            values[$"after-{i}"] = Text(figures.SuitAfterReview[i]);
        }
        return new AnnualReportForm(report?.Overview ?? "", report?.Problems ?? "", report?.OtherMatters ?? "", values);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public string Value(string name) => Figures.TryGetValue(name, out var value) ? value : "";

    /// <summary>The figures, or the first problem in Chinese.</summary>
    public (TypedFigures? Figures, string? Problem) Read()
    {
        foreach (var (text, label) in new[] { (Overview, "总体情况"), (Problems, "存在的主要问题及改进情况"),
                     (OtherMatters, "其他需要报告的事项") })
            if (text.Length > AnnualReport.ChapterMax)
                return (null, $"“{label}”不能超过 {AnnualReport.ChapterMax} 个字符（现有 {text.Length} 个）。");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, label) in FigureFields.Where(f => f.Name != "fees"))
        {
            var text = Value(name).Trim();
            if (text.Length == 0) text = "0";
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || count > MaxCount)
                return (null, $"“{label}”请填写 0 到 {MaxCount} 之间的整数（现为“{Value(name)}”）。");
            counts[name] = count;
        }
        var feesText = Value("fees").Trim();
        if (feesText.Length == 0) feesText = "0";
        if (!decimal.TryParse(feesText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fees)
            || fees > 99_999_999m || decimal.Round(fees, 4) != fees)
            return (null, $"“行政事业性收费本年收费金额（万元）”请填写不小于 0 的金额，最多四位小数（现为“{Value("fees")}”）。");
        int[] Four(string prefix) => [.. Enumerable.Range(0, TypedFigures.OutcomeCount)
            .Select(i => counts[$"{prefix}-{i}"])];
        return (new TypedFigures(counts["licences"], counts["penalties"], counts["enforcements"], fees,
            Four("review"), Four("direct"), Four("after")), null);
    }
}
