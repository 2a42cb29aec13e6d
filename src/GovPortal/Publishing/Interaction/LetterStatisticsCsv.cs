using System.Globalization;
using System.Text;
using GovPortal.Safety;
using GovPortal.Theme;

namespace GovPortal.Publishing.Interaction;

/// <summary>
/// The statistics as a CSV download (/hdjl/tj/tj.csv): UTF-8 with a byte order mark, so a spreadsheet reads the
/// Chinese right; every cell through <see cref="CsvCell"/>, so an organisation's name is never run as a formula.
/// </summary>
public static class LetterStatisticsCsv
{
    private static readonly string[] Columns =
        ["收信（件）", "答复（件）", "平均答复用时（工作日）", "满意", "基本满意", "不满意", "满意率"];

    public static byte[] Write(LetterStatisticsFigures statistics)
    {
        var csv = new StringBuilder();
        Line(csv, $"{statistics.Year}年互动交流信件统计", $"统计截至 {statistics.AsOf}");
        Line(csv, ["月份", .. Columns]);
        foreach (var row in statistics.Months) Line(csv, Cells(row));
        Line(csv, Cells(statistics.Total));
        csv.Append("\r\n");
        Line(csv, ["承办单位", .. Columns]);
        foreach (var row in statistics.Organisations) Line(csv, Cells(row));
        if (statistics.CalendarNote.Length > 0)
        {
            csv.Append("\r\n");
            Line(csv, statistics.CalendarNote);
        }
        Line(csv, "满意率 = （满意 + 基本满意）÷ 已评价的答复；不含待甄别和不予受理的信件，合并办理的信件随主信件计为已答复。");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string[] Cells(LetterFigures row) =>
    [
        row.Label, Number(row.Received), Number(row.Replied), row.AverageText, Number(row.Satisfied),
        Number(row.Fair), Number(row.Dissatisfied), row.ShareText,
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(',', cells.Select(c => CsvCell.Of(c)))).Append("\r\n");
}
