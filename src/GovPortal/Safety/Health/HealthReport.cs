using System.Text;
using GovPortal.Safety;

namespace GovPortal.Safety.Health;

/// <summary>One problem the health check found. Single-veto (单项否决) problems fail a government site outright.</summary>
public sealed record HealthProblem(string Indicator, bool SingleVeto, string Where, string Detail);

/// <summary>Where the site stands against the inspection indicators (监管指标) at one moment.</summary>
public sealed record HealthReport(DateTime CheckedAtUtc, IReadOnlyList<string> Checked,
    IReadOnlyList<HealthProblem> Problems)
{
    public bool FailsSingleVeto => Problems.Any(p => p.SingleVeto);

    /// <summary>CSV for spreadsheets (UTF-8 with a byte-order mark so that Excel reads the Chinese).</summary>
    public byte[] ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendLine("检查时间,指标,单项否决,位置,说明");
        var at = Content.ChinaTime.Format(CheckedAtUtc);
        foreach (var problem in Problems)
            csv.AppendLine(string.Join(",", Quote(at), Quote(problem.Indicator), problem.SingleVeto ? "是" : "否",
                Quote(problem.Where), Quote(problem.Detail)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // Every field quoted, none read as a formula.
    private static string Quote(string value) => CsvCell.Of(value, alwaysQuote: true);
}
