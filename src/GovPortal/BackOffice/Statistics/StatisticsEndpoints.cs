using System.Globalization;
using System.Text;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Safety;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Statistics;

/// <summary>
/// 稿件统计: the workload of a year or a month, by person, channel and month, as tables, a chart and CSV.
/// </summary>
public static class StatisticsEndpoints
{
    public static void MapStatistics(this RouteGroupBuilder group)
    {
        group.MapGet("/statistics", async (HttpContext context, BackOfficePages pages, DatabaseOptions database,
            TimeProvider time, string? year, string? month) =>
        {
            var (chosenYear, chosenMonth) = Period(year, month, time);
            var (rows, people, channels) = await ReadAsync(context, pages, database, chosenYear, chosenMonth);
            return await pages.RenderAsync<StatisticsPage, StatisticsPageModel>(new StatisticsPageModel(
                pages.ShellFor(context, "稿件统计"), chosenYear, chosenMonth, ChinaTime.Today(time).Year, rows,
                people, channels));
        }).RequireAuthorization(BackOfficeServices.EditorialPolicy);

        group.MapGet("/statistics.csv", async (HttpContext context, BackOfficePages pages, DatabaseOptions database,
            TimeProvider time, string? year, string? month) =>
        {
            var (chosenYear, chosenMonth) = Period(year, month, time);
            var (rows, people, channels) = await ReadAsync(context, pages, database, chosenYear, chosenMonth);
            var csv = new StringBuilder("月份,栏目,姓名,账号,投稿,采用,修订发布,退回\n");
            foreach (var row in rows)
                csv.AppendLine(string.Join(',', $"{chosenYear}-{row.Month:00}", CsvCell.Of(channels.GetValueOrDefault(
                        row.ChannelId, "")), CsvCell.Of(people.Of(row.Account)), CsvCell.Of(row.Account),
                    row.Submitted, row.Adopted, row.Revised, row.Rejected));
            var name = chosenMonth is { } m ? $"稿件统计-{chosenYear}-{m:00}.csv" : $"稿件统计-{chosenYear}.csv";
            context.Response.Headers.ContentDisposition =
                "attachment; filename=\"statistics.csv\"; filename*=UTF-8''" + Uri.EscapeDataString(name);
            // With a byte-order mark, so that Excel and WPS open the Chinese as Chinese.
            return Results.Bytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())],
                "text/csv; charset=utf-8");
        }).RequireAuthorization(BackOfficeServices.EditorialPolicy);
    }

    /// <summary>
    /// The year and month asked for; anything else (empty, not a number, out of range) means this year, whole.
    /// </summary>
    private static (int Year, int? Month) Period(string? year, string? month, TimeProvider time)
    {
        var thisYear = ChinaTime.Today(time).Year;
        var y = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            && parsed >= 2000 && parsed <= thisYear + 1 ? parsed : thisYear;
        int? m = int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mm)
            && mm is >= 1 and <= 12 ? mm : null;
        return (y, m);
    }

    private static async Task<(List<WorkloadRow> Rows, StaffNames People, Dictionary<int, string> Channels)>
        ReadAsync(HttpContext context, BackOfficePages pages, DatabaseOptions database, int year, int? month)
    {
        var staff = await pages.StaffAsync(context);
        await using var db = database.CreateContext();
        var rows = await ArticleStatistics.ComputeAsync(db, staff.Channels, year, month, context.RequestAborted);
        var people = await StaffNames.LoadAsync(db, context.RequestAborted);
        var channels = await db.Channels.AsNoTracking()
            .ToDictionaryAsync(c => c.Id, c => c.Name, context.RequestAborted);
        return (rows, people, channels);
    }
}

public sealed record StatisticsPageModel(Pages.Shell Shell, int Year, int? Month, int ThisYear,
    IReadOnlyList<WorkloadRow> Rows, StaffNames People, IReadOnlyDictionary<int, string> Channels)
{
    /// <summary>Rows added up by <paramref name="key"/>, largest 采用 first.</summary>
    public IReadOnlyList<(TKey Key, WorkloadRow Total)> By<TKey>(Func<WorkloadRow, TKey> key) where TKey : notnull =>
        Rows.GroupBy(key).Select(g => (g.Key, Sum(g))).OrderByDescending(t => t.Item2.Adopted)
            .ThenByDescending(t => t.Item2.Submitted).ToList();

    public WorkloadRow Total => Sum(Rows);

    /// <summary>Every month of the year, with the months without any entry as zeros.</summary>
    public IReadOnlyList<WorkloadRow> Months => Enumerable.Range(1, 12)
        .Select(m => Sum(Rows.Where(r => r.Month == m)) with { Month = m }).ToList();

    private static WorkloadRow Sum(IEnumerable<WorkloadRow> rows)
    {
        var list = rows.ToList();
        return new WorkloadRow(0, 0, "", list.Sum(r => r.Submitted), list.Sum(r => r.Adopted),
            list.Sum(r => r.Revised), list.Sum(r => r.Rejected));
    }
}
