using System.Globalization;
using System.Text;
using GovPortal.BackOffice.Forms;
using GovPortal.Content;
using GovPortal.Content.Submissions;
using GovPortal.Data;
using GovPortal.Safety;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Submissions;

public sealed record SubmissionsPageModel(Pages.Shell Shell, IReadOnlyList<SubmissionRow> Received,
    IReadOnlyList<SubmissionRow> Sent);

/// <param name="Problem">Why the last accept or return was refused, beside the form it came from.</param>
/// <param name="ProblemAt">"accept" or "return".</param>
public sealed record SubmissionPageModel(Pages.Shell Shell, SubmissionRow Row, Article? Original,
    string? Problem = null, string ProblemAt = "", string TypedComment = "");

public sealed record SubmitPageModel(Pages.Shell Shell, Article Article, IReadOnlyList<SubmissionTarget> Targets,
    IReadOnlyList<SubmissionRow> Earlier, string? Problem = null, int TypedChannelId = 0, string TypedNote = "");

public sealed record SubmissionStatisticsPageModel(Pages.Shell Shell, int Year, int ThisYear,
    IReadOnlyList<SubmissionCount> Received, IReadOnlyList<SubmissionCount> Sent);

/// <summary>
/// 信息报送 (/admin/submissions): what the site received from the other sites of the platform and what it sent, each
/// submission with its outcome, the form that sends an article, and the 采用数 of a year as a table and CSV.
/// </summary>
public static class SubmissionEndpoints
{
    private const string Editorial = BackOfficeServices.EditorialPolicy;

    public static void MapSubmissions(this RouteGroupBuilder group)
    {
        group.MapGet("/submissions", async (HttpContext context, BackOfficePages pages, SubmissionQueries queries) =>
        {
            var staff = await pages.StaffAsync(context);
            return await pages.RenderAsync<SubmissionsPage, SubmissionsPageModel>(new SubmissionsPageModel(
                pages.ShellFor(context, "信息报送"),
                await queries.ListAsync(staff, incoming: true, cancellationToken: context.RequestAborted),
                await queries.ListAsync(staff, incoming: false, cancellationToken: context.RequestAborted)));
        }).RequireAuthorization(BackOfficeServices.EditorialPolicy);
        group.MapGet("/submissions/{id:int}", (int id, HttpContext context, BackOfficePages pages,
            SubmissionQueries queries) => SubmissionPageAsync(id, context, pages, queries))
            .RequireAuthorization(BackOfficeServices.EditorialPolicy);
        group.MapPost("/submissions/{id:int}/accept", AcceptAsync).RequireAuthorization(Editorial);
        group.MapPost("/submissions/{id:int}/return", ReturnAsync).RequireAuthorization(Editorial);
        group.MapGet("/submissions/statistics", StatisticsAsync).RequireAuthorization(Editorial);
        group.MapGet("/submissions/statistics.csv", CsvAsync).RequireAuthorization(Editorial);
        group.MapGet("/articles/{id:int}/send", (int id, HttpContext context, BackOfficePages pages,
            DatabaseOptions database, SubmissionDesk desk, SubmissionQueries queries) =>
            SubmitPageAsync(id, context, pages, database, desk, queries))
            .RequireAuthorization(BackOfficeServices.EditorialPolicy);
        group.MapPost("/articles/{id:int}/send", SubmitAsync).RequireAuthorization(BackOfficeServices.EditorialPolicy);
    }

    private static async Task<IResult> SubmissionPageAsync(int id, HttpContext context, BackOfficePages pages,
        SubmissionQueries queries, string? problem = null, string problemAt = "", string typedComment = "",
        int status = StatusCodes.Status200OK)
    {
        var staff = await pages.StaffAsync(context);
        if (await queries.OneAsync(staff, id, context.RequestAborted) is not var (row, original))
            return await pages.MessageAsync(context, "找不到报送", "找不到这条报送。", StatusCodes.Status404NotFound,
                pages.Url("submissions"));
        return await pages.RenderAsync<SubmissionPage, SubmissionPageModel>(new SubmissionPageModel(
            pages.ShellFor(context, $"报送：{row.Title}"), row, original, problem, problemAt, typedComment), status);
    }

    private static async Task<IResult> AcceptAsync(int id, HttpContext context, IFormCollection form,
        BackOfficePages pages, SubmissionDesk desk, SubmissionQueries queries)
    {
        var seen = long.TryParse(form.Text("seen"), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? ticks : 0;
        var result = await desk.AcceptAsync(await pages.StaffAsync(context), id, form.Int("version"), seen,
            form.Bool("acknowledged"), context.RequestAborted);
        if (result.Succeeded) return pages.RedirectWithNotice(context, $"submissions/{id}", result.Message);
        if (result.Forbidden) return await pages.RefusedAsync(context, result, "不能采用", $"submissions/{id}");
        return await SubmissionPageAsync(id, context, pages, queries, result.Message, "accept",
            status: result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ReturnAsync(int id, HttpContext context, IFormCollection form,
        BackOfficePages pages, SubmissionDesk desk, SubmissionQueries queries)
    {
        var comment = form.Text("comment");
        var result = await desk.ReturnAsync(await pages.StaffAsync(context), id, form.Int("version"), comment,
            context.RequestAborted);
        if (result.Succeeded) return pages.RedirectWithNotice(context, $"submissions/{id}", result.Message);
        if (result.Forbidden) return await pages.RefusedAsync(context, result, "不能退回", $"submissions/{id}");
        return await SubmissionPageAsync(id, context, pages, queries, result.Message, "return", comment,
            result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SubmitPageAsync(int id, HttpContext context, BackOfficePages pages,
        DatabaseOptions database, SubmissionDesk desk, SubmissionQueries queries, string? problem = null,
        int typedChannelId = 0, string typedNote = "", int status = StatusCodes.Status200OK)
    {
        var staff = await pages.StaffAsync(context);
        await using var db = database.CreateContext();
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, context.RequestAborted);
        if (article is null)
            return await pages.MessageAsync(context, "找不到文章", "找不到这篇文章。", StatusCodes.Status404NotFound,
                pages.Url("articles"));
        if (!SubmissionDesk.Editorial(staff, article.ChannelId))
            return await pages.MessageAsync(context, "没有权限", "这篇文章所在的栏目没有分配给您。",
                StatusCodes.Status403Forbidden, pages.Url("articles"));
        var earlier = (await queries.ListAsync(staff, incoming: false, limit: 1000,
            cancellationToken: context.RequestAborted)).Where(r => r.FromArticleId == id).ToList();
        return await pages.RenderAsync<SubmitPage, SubmitPageModel>(new SubmitPageModel(
            pages.ShellFor(context, $"报送：{article.Title}"), article, await desk.TargetsAsync(context.RequestAborted),
            earlier, problem, typedChannelId, typedNote), status);
    }

    private static async Task<IResult> SubmitAsync(int id, HttpContext context, IFormCollection form,
        BackOfficePages pages, DatabaseOptions database, SubmissionDesk desk, SubmissionQueries queries)
    {
        var channelId = form.Int("channelId");
        var note = form.Text("note");
        var result = await desk.SubmitAsync(await pages.StaffAsync(context), id, channelId, note,
            context.RequestAborted);
        if (result.Succeeded) return pages.RedirectWithNotice(context, "submissions", result.Message);
        if (result.Forbidden || result.NotFound)
            return await pages.RefusedAsync(context, result, "不能报送", $"articles/{id}");
        return await SubmitPageAsync(id, context, pages, database, desk, queries, result.Message, channelId,
            // What was typed comes back, within reason: a page never echoes an unbounded post.
            note.Length > 2 * Submission.NoteMax ? note[..(2 * Submission.NoteMax)] : note,
            StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> StatisticsAsync(HttpContext context, BackOfficePages pages,
        SubmissionQueries queries, TimeProvider time, string? year)
    {
        var chosen = YearOf(year, time);
        return await pages.RenderAsync<SubmissionStatisticsPage, SubmissionStatisticsPageModel>(
            new SubmissionStatisticsPageModel(pages.ShellFor(context, $"报送统计 {chosen} 年"), chosen,
                ChinaTime.Today(time).Year, await queries.CountsAsync(true, chosen, context.RequestAborted),
                await queries.CountsAsync(false, chosen, context.RequestAborted)));
    }

    private static async Task<IResult> CsvAsync(HttpContext context, SubmissionQueries queries, TimeProvider time,
        string? year)
    {
        var chosen = YearOf(year, time);
        var csv = new StringBuilder("方向,网站,月份,报送,采用,退回,待处理\n");
        foreach (var (incoming, label) in new[] { (true, "收到"), (false, "报出") })
            foreach (var count in await queries.CountsAsync(incoming, chosen, context.RequestAborted))
                csv.AppendLine(string.Join(',', label, CsvCell.Of(count.Site),
                    $"{chosen}-{count.Month.ToString("00", CultureInfo.InvariantCulture)}",
                    count.Sent, count.Accepted, count.Returned, count.Pending));
        context.Response.Headers.ContentDisposition = "attachment; filename=\"submissions.csv\"; filename*=UTF-8''"
            + Uri.EscapeDataString($"信息报送统计-{chosen}.csv");
        // With a byte-order mark, so that Excel and WPS open the Chinese as Chinese.
        return Results.Bytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())],
            "text/csv; charset=utf-8");
    }

    /// <summary>The year asked for; anything else (empty, not a number, out of range) means this year.</summary>
    private static int YearOf(string? year, TimeProvider time)
    {
        var thisYear = ChinaTime.Today(time).Year;
        return int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            && parsed >= 2000 && parsed <= thisYear + 1 ? parsed : thisYear;
    }
}
