using System.Globalization;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Articles;
using GovPortal.BackOffice.Audit;
using GovPortal.PublicSite;

namespace GovPortal.BackOffice.Settings;

/// <summary>Site settings for administrators: the days of mourning (全站置灰).</summary>
public static class SettingsEndpoints
{
    public static void MapSettings(this RouteGroupBuilder group)
    {
        group.MapGet("/settings", async (HttpContext context, BackOfficePages pages, MourningCalendar mourning) =>
            await pages.RenderAsync<SettingsPage>(new SettingsPageModel(pages.ShellFor(context, "设置"), Format(mourning.Dates()), null))
        ).RequireAuthorization(StaffRoles.Administrator);

        group.MapPost("/settings/mourning", async (HttpContext context, IFormCollection form, BackOfficePages pages, MourningCalendar mourning, AuditLog audit) =>
        {
            var text = ArticleFormReader.Text(form, "dates");
            var dates = new SortedSet<DateOnly>();
            foreach (var part in text.Split([' ', '\n', '\r', '\t', ',', '，', '、', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return await pages.RenderAsync<SettingsPage>(new SettingsPageModel(pages.ShellFor(context, "设置"), text,
                        $"“{(part.Length > 20 ? part[..20] + "…" : part)}”不是有效的日期，应为 年-月-日，例如 2026-12-13。设置未保存。"), StatusCodes.Status400BadRequest);
                dates.Add(date);
            }
            if (dates.Count > 366) return await pages.RenderAsync<SettingsPage>(new SettingsPageModel(pages.ShellFor(context, "设置"), text, "日期过多（最多 366 个）。设置未保存。"), StatusCodes.Status400BadRequest);
            var before = Format(mourning.Dates());
            mourning.Set(dates);
            var after = Format(dates);
            if (before != after)
                await audit.WriteAsync(context, AuditActions.SettingsChanged, "全站置灰", $"全站置灰日期：{(before.Length > 0 ? before.Replace('\n', '、') : "无")} → {(after.Length > 0 ? after.Replace('\n', '、') : "无")}");
            return pages.RedirectWithNotice(context, "settings", dates.Count == 0 ? "已清空全站置灰日期。" : $"已保存 {dates.Count} 个全站置灰日期，当天所有公众页面以灰色显示，立即生效。");
        }).RequireAuthorization(StaffRoles.Administrator);
    }

    private static string Format(IEnumerable<DateOnly> dates) =>
        string.Join('\n', dates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}

public sealed record SettingsPageModel(Pages.Shell Shell, string MourningDates, string? Error);
