using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Forms;
using GovPortal.Citizens.Calendar;
using GovPortal.Data;

namespace GovPortal.BackOffice.Calendar;

/// <param name="Years">The years the platform entered and those the site has days of its own in.</param>
/// <param name="Platform">The platform's days of the year, shown to read only.</param>
/// <param name="Days">The site's own days of the year, as saved or as just typed.</param>
public sealed record SiteCalendarPageModel(Pages.Shell Shell, IReadOnlyList<int> Years, int Year,
    CalendarYearText Platform, string Days, IReadOnlyList<string> Errors);

/// <summary>
/// 本站补充日历: the 系统管理员 of a site other than the first adds the site's own rest days and 调休 working days on
/// top of the platform's calendar — the local holidays the law lets 民族自治地方 set for the offices there. Only that
/// site's deadlines count them; the platform's days stay the first site's to keep (<see cref="CalendarEndpoints"/>).
/// </summary>
public static class SiteCalendarEndpoints
{
    private const string Audited = "工作日历.本站补充";

    public static void MapSiteCalendar(this RouteGroupBuilder group)
    {
        group.MapGet("/calendar/own", (HttpContext context, BackOfficePages pages, WorkingCalendarStore store,
                TimeProvider time) => PageAsync(context, pages, store, Content.ChinaTime.Today(time).Year, null, []))
            .RequireAuthorization(Platform.PlatformPolicies.SiteCalendar);
        group.MapGet("/calendar/own/{year:int}", (int year, HttpContext context, BackOfficePages pages,
                WorkingCalendarStore store) => PageAsync(context, pages, store, year, null, []))
            .RequireAuthorization(Platform.PlatformPolicies.SiteCalendar);
        group.MapPost("/calendar/own/{year:int}", SaveAsync)
            .RequireAuthorization(Platform.PlatformPolicies.SiteCalendar);
    }

    private static async Task<IResult> PageAsync(HttpContext context, BackOfficePages pages,
        WorkingCalendarStore store, int year, string? typed, IReadOnlyList<string> errors)
    {
        if (year is < WorkingCalendarStore.MinYear or > WorkingCalendarStore.MaxYear)
            return await pages.MessageAsync(context, "年份不对",
                $"年份应在 {WorkingCalendarStore.MinYear} 到 {WorkingCalendarStore.MaxYear} 之间。",
                StatusCodes.Status404NotFound, pages.Url("calendar/own"));
        var site = SiteScope.Required.Id;
        var cancellationToken = context.RequestAborted;
        var years = (await store.YearsAsync(cancellationToken))
            .Union(await store.SiteYearsAsync(site, cancellationToken)).Order().ToList();
        return await pages.RenderAsync<SiteCalendarPage, SiteCalendarPageModel>(new SiteCalendarPageModel(
            Shell: pages.ShellFor(context, $"本站补充日历 {year} 年"),
            Years: years,
            Year: year,
            Platform: await store.YearAsync(year, cancellationToken),
            Days: typed ?? await store.SiteYearAsync(site, year, cancellationToken),
            Errors: errors), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> SaveAsync(int year, HttpContext context, IFormCollection form,
        BackOfficePages pages, WorkingCalendarStore store, AuditLog audit)
    {
        var staff = await pages.StaffAsync(context);
        if (!staff.Is(StaffRoles.Administrator))
            return await pages.MessageAsync(context, "没有权限", "只有系统管理员可以修改本站补充日历。",
                StatusCodes.Status403Forbidden);
        var site = SiteScope.Required.Id;
        var cancellationToken = context.RequestAborted;
        var days = form.Text("days");
        if (days.Length > 40_000) days = days[..40_000];
        var before = year is < WorkingCalendarStore.MinYear or > WorkingCalendarStore.MaxYear
            ? "" : await store.SiteYearAsync(site, year, cancellationToken);
        var saved = await store.SaveSiteYearAsync(site, year, days, cancellationToken);
        if (!saved.Saved) return await PageAsync(context, pages, store, year, days, saved.Errors);
        var after = await store.SiteYearAsync(site, year, cancellationToken);
        var count = LinesOf(after).Count;
        await audit.WriteAsync(staff.UserName, staff.IpAddress, Audited, $"{year} 年",
            $"{count} 个本站放假或调休上班日，变化：{Changes(before, after)}", cancellationToken);
        return pages.RedirectWithNotice(context, $"calendar/own/{year}",
            $"本站 {year} 年补充日历已保存（{count} 个放假或调休上班日），本站的期限立即按此计算。");
    }

    private static List<string> LinesOf(string days) =>
        days.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    // The days added and removed, for the audit log (the days themselves, so a reviewer of the log sees what changed).
    private static string Changes(string before, string after)
    {
        var (old, now) = (LinesOf(before), LinesOf(after));
        var added = now.Except(old).ToList();
        var removed = old.Except(now).ToList();
        var text = (added.Count > 0 ? $"新增 {string.Join("；", added.Take(50))}" : "")
            + (removed.Count > 0 ? $" 删除 {string.Join("；", removed.Take(50))}" : "");
        return text.Length == 0 ? "无" : text.Trim();
    }
}
