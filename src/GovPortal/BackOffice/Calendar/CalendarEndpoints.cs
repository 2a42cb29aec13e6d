using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Forms;
using GovPortal.Citizens.Calendar;

namespace GovPortal.BackOffice.Calendar;

public sealed record CalendarPageModel(Pages.Shell Shell, IReadOnlyList<int> Years, CalendarYearText Year,
    IReadOnlyList<string> Errors);

/// <summary>
/// 工作日历: an administrator enters each year's rest days and 调休 working days from the State Council's notice.
/// Deadlines of 依申请公开 (and later letters) count by it.
/// </summary>
public static class CalendarEndpoints
{
    public static void MapCalendar(this RouteGroupBuilder group)
    {
        group.MapGet("/calendar", (HttpContext context, BackOfficePages pages, WorkingCalendarStore store,
                TimeProvider time) => PageAsync(context, pages, store, Content.ChinaTime.Today(time).Year, null, []))
            .RequireAuthorization(Platform.PlatformPolicies.SharedLists);
        group.MapGet("/calendar/{year:int}", (int year, HttpContext context, BackOfficePages pages,
                WorkingCalendarStore store) => PageAsync(context, pages, store, year, null, []))
            .RequireAuthorization(Platform.PlatformPolicies.SharedLists);
        group.MapPost("/calendar/{year:int}", SaveAsync).RequireAuthorization(Platform.PlatformPolicies.SharedLists);
    }

    private static async Task<IResult> PageAsync(HttpContext context, BackOfficePages pages,
        WorkingCalendarStore store, int year, CalendarYearText? typed, IReadOnlyList<string> errors)
    {
        if (year is < WorkingCalendarStore.MinYear or > WorkingCalendarStore.MaxYear)
            return await pages.MessageAsync(context, "年份不对",
                $"年份应在 {WorkingCalendarStore.MinYear} 到 {WorkingCalendarStore.MaxYear} 之间。",
                StatusCodes.Status404NotFound, pages.Url("calendar"));
        return await pages.RenderAsync<CalendarPage, CalendarPageModel>(new CalendarPageModel(
            Shell: pages.ShellFor(context, $"工作日历 {year} 年"),
            Years: await store.YearsAsync(context.RequestAborted),
            Year: typed ?? await store.YearAsync(year, context.RequestAborted),
            Errors: errors), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> SaveAsync(int year, HttpContext context, IFormCollection form,
        BackOfficePages pages, WorkingCalendarStore store, AuditLog audit)
    {
        var staff = await pages.StaffAsync(context);
        if (!staff.Is(StaffRoles.Administrator))
            return await pages.MessageAsync(context, "没有权限", "只有系统管理员可以修改工作日历。", StatusCodes.Status403Forbidden);
        var source = form.Text("source");
        var days = form.Text("days");
        if (days.Length > 40_000) days = days[..40_000];
        var saved = await store.SaveYearAsync(year, source, days, staff.UserName, context.RequestAborted);
        if (!saved.Saved)
            return await PageAsync(context, pages, store, year,
                new CalendarYearText(year, false, source, days, null, ""), saved.Errors);
        var count = (await store.YearAsync(year, context.RequestAborted)).Days.Split('\n',
            StringSplitOptions.RemoveEmptyEntries).Length;
        await audit.WriteAsync(staff.UserName, staff.IpAddress, "工作日历.修改", $"{year} 年",
            $"依据：{source.Trim()}；{count} 个调整日", context.RequestAborted);
        return pages.RedirectWithNotice(context, $"calendar/{year}", $"{year} 年工作日历已保存（{count} 个放假或调休上班日）。");
    }
}
