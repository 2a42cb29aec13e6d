using System.Globalization;
using System.Text;
using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Safety;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Audit;

/// <summary>The audit log, filtered and exported. Reading only: no address changes or deletes an entry.</summary>
public static class AuditEndpoints
{
    private const int PageSize = 100;

    public static void MapAudit(this RouteGroupBuilder group)
    {
        group.MapGet("/audit", async (HttpContext context, BackOfficePages pages, DatabaseOptions database,
            [AsParameters] AuditFilter filter) =>
        {
            await using var db = database.CreateContext();
            var query = filter.Apply((await AuditLog.OfCurrentSiteAsync(db, context.RequestAborted)).AsNoTracking());
            var total = await query.CountAsync(context.RequestAborted);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(filter.Page ?? 1, 1, pageCount);
            var entries = await query.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize)
                .ToListAsync(context.RequestAborted);
            return await pages.RenderAsync<AuditPage, AuditPageModel>(new AuditPageModel(
                Shell: pages.ShellFor(context, "审计日志"), Entries: entries, Filter: filter, Page: page,
                PageCount: pageCount, Total: total));
        }).RequireAuthorization(StaffRoles.AuditAdministrator);

        group.MapGet("/audit.csv", async (HttpContext context, DatabaseOptions database,
            [AsParameters] AuditFilter filter) =>
        {
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"; filename*=UTF-8''"
                + Uri.EscapeDataString($"审计日志-{DateTime.UtcNow:yyyyMMdd}.csv");
            await using var db = database.CreateContext();
            var writer = new StreamWriter(
                context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await writer.WriteLineAsync("时间,账号,IP地址,操作,对象,详情");
            // Streamed, so that an export of a year stays small in memory.
            var entries = await AuditLog.OfCurrentSiteAsync(db, context.RequestAborted);
            await foreach (var e in filter.Apply(entries.AsNoTracking()).OrderBy(e => e.Id).AsAsyncEnumerable()
                               .WithCancellation(context.RequestAborted))
                await writer.WriteLineAsync(string.Join(',',
                    ChinaTime.Format(e.AtUtc)
                    + ChinaTime.ToChina(e.AtUtc).ToString(":ss", CultureInfo.InvariantCulture),
                    CsvCell.Of(e.Actor), CsvCell.Of(e.IpAddress), CsvCell.Of(AuditActions.Label(e.Action)),
                    CsvCell.Of(e.Target), CsvCell.Of(e.Details)));
            await writer.FlushAsync(context.RequestAborted);
        }).RequireAuthorization(StaffRoles.AuditAdministrator);
    }
}

/// <summary>The filters of the audit log page and its export.</summary>
public sealed record AuditFilter(string? From, string? To, string? Actor, string? Action, string? Text, int? Page)
{
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (Day(From) is { } from) entries = entries.Where(e => e.AtUtc >= from);
        if (Day(To) is { } to)
        {
            var end = to.AddDays(1);
            entries = entries.Where(e => e.AtUtc < end);
        }
        if (!string.IsNullOrWhiteSpace(Actor)) entries = entries.Where(e => e.Actor == Actor.Trim());
        if (!string.IsNullOrWhiteSpace(Action) && AuditActions.All.Contains(Action))
            entries = entries.Where(e => e.Action == Action);
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var text = Text.Trim();
            if (text.Length > 100) text = text[..100];
            entries = entries.Where(e =>
                e.Details.Contains(text) || e.Target.Contains(text) || e.IpAddress.Contains(text));
        }
        return entries;
    }

    public string QueryString =>
        $"from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}"
        + $"&actor={Uri.EscapeDataString(Actor ?? "")}&action={Uri.EscapeDataString(Action ?? "")}"
        + $"&text={Uri.EscapeDataString(Text ?? "")}";

    // A China-time calendar day as the UTC instant it starts.
    private static DateTime? Day(string? text) =>
        DateOnly.TryParseExact(
                text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? ChinaTime.ToUtc(day.Year, day.Month, day.Day, 0, 0)
            : null;
}

public sealed record AuditPageModel(
    Pages.Shell Shell, IReadOnlyList<AuditEntry> Entries, AuditFilter Filter, int Page, int PageCount, int Total);
