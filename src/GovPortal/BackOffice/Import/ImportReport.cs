using System.Text;
using GovPortal.Content;
using GovPortal.Safety;

namespace GovPortal.BackOffice.Import;

public enum ImportOutcome
{
    Imported,
    Skipped,

    /// <summary>A blocking content finding (spam, hidden links …): never imported, never published.</summary>
    Flagged,
}

/// <summary>Why a page was skipped.</summary>
public enum ImportSkip
{
    None,
    AlreadyImported,
    Duplicate,
    NoTitle,
    NoDate,
    NoBody,
    NoChannel,
    Unreadable,
}

/// <summary>One page of the old site and what became of it.</summary>
public sealed record ImportRow(string OldPath, ImportOutcome Outcome, string Reason)
{
    public ImportSkip Skip { get; init; }
    public int? ArticleId { get; init; }
    public string NewAddress { get; init; } = "";
    public string Title { get; init; } = "";
    public DateTime? PublishedAtUtc { get; init; }
    public string Channel { get; init; } = "";
    public int Attachments { get; init; }
    public string Encoding { get; init; } = "";

    /// <summary>What else the person should know (an attachment left out, an old address without redirect).</summary>
    public string Notes { get; init; } = "";

    public string OutcomeLabel => Outcome switch
    {
        ImportOutcome.Imported => "已导入",
        ImportOutcome.Flagged => "已拦截",
        _ => "已跳过",
    };
}

/// <summary>
/// The CSV report of a run: one row per page, UTF-8 with a byte order mark so that Excel opens it as Chinese, every
/// cell through <see cref="CsvCell"/> (an old page's title is the old site's text, never a formula).
/// </summary>
public static class ImportReport
{
    private static readonly string[] Header =
        ["旧地址", "结果", "原因", "文章编号", "新地址", "标题", "发布日期", "栏目", "附件数", "编码", "备注"];

    public static byte[] Csv(IEnumerable<ImportRow> rows)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var row in rows)
        {
            string[] cells =
            [
                row.OldPath, row.OutcomeLabel, row.Reason, row.ArticleId?.ToString() ?? "", row.NewAddress, row.Title,
                row.PublishedAtUtc is { } at ? ChinaTime.Format(at) : "", row.Channel,
                row.Attachments.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Encoding, row.Notes,
            ];
            csv.Append(string.Join(',', cells.Select(c => CsvCell.Of(c)))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
