using System.Globalization;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.AnnualReports;

/// <summary>
/// 政府信息公开年报 pages: the list of years, one year's report with its computed tables, saving and publishing.
/// Open to the 信息公开 role and administrators (policy <see cref="Policy"/>); the service checks again.
/// </summary>
public static class AnnualReportEndpoints
{
    public const string Policy = "AnnualReportEditors";
    public const string Page = "annual-reports";

    public static void MapAnnualReports(this RouteGroupBuilder group)
    {
        group.MapGet($"/{Page}", ListAsync).RequireAuthorization(Policy);
        group.MapGet($"/{Page}/open", (HttpContext context, BackOfficePages pages) =>
        {
            var asked = context.Request.Query["year"].ToString().Trim();
            return int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                ? Results.Redirect(pages.Url($"{Page}/{year}"))
                : Results.Redirect(pages.Url(Page));
        }).RequireAuthorization(Policy);
        group.MapGet($"/{Page}/{{year:int}}", EditAsync).RequireAuthorization(Policy);
        group.MapPost($"/{Page}/{{year:int}}", (int year, HttpContext c, IFormCollection f, BackOfficePages p,
            AnnualReportAdministration a) => WriteAsync(year, c, f, p, a, publish: false)).RequireAuthorization(Policy);
        group.MapPost($"/{Page}/{{year:int}}/publish", (int year, HttpContext c, IFormCollection f, BackOfficePages p,
            AnnualReportAdministration a) => WriteAsync(year, c, f, p, a, publish: true)).RequireAuthorization(Policy);
    }

    private static async Task<IResult> ListAsync(HttpContext context, BackOfficePages pages,
        AnnualReportAdministration admin)
    {
        var staff = await pages.StaffAsync(context);
        if (await admin.ListAsync(staff, context.RequestAborted) is not { } reports)
            return await pages.RefusedAsync(context, BackOfficeResult.NotAllowed("无权查看政府信息公开年报。"), "无权访问", "");
        return await pages.RenderAsync<AnnualReportListPage, AnnualReportListPageModel>(new AnnualReportListPageModel(
            Shell: pages.ShellFor(context, "政府信息公开年报"), Reports: reports, DefaultYear: admin.DefaultYear));
    }

    private static async Task<IResult> EditAsync(int year, HttpContext context, BackOfficePages pages,
        AnnualReportAdministration admin) =>
        await RenderAsync(year, context, pages, admin, form: null, version: null, error: null,
            StatusCodes.Status200OK);

    private static async Task<IResult> WriteAsync(int year, HttpContext context, IFormCollection form,
        BackOfficePages pages, AnnualReportAdministration admin, bool publish)
    {
        var staff = await pages.StaffAsync(context);
        var typed = new AnnualReportForm(form.Text("overview"), form.Text("problems"), form.Text("otherMatters"),
            AnnualReportForm.FigureFields.ToDictionary(f => f.Name, f => form.Text(f.Name), StringComparer.Ordinal));
        var version = form.Int("version");
        var result = publish
            ? await admin.PublishAsync(staff, year, version, typed, context.RequestAborted)
            : await admin.SaveAsync(staff, year, version, typed, context.RequestAborted);
        if (result.Succeeded) return pages.RedirectWithNotice(context, $"{Page}/{year}", result.Message);
        if (result.Forbidden || result.NotFound)
            return await pages.RefusedAsync(context, result, "年度报告未保存", Page);
        return await RenderAsync(year, context, pages, admin, typed, version, result.Message,
            result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RenderAsync(int year, HttpContext context, BackOfficePages pages,
        AnnualReportAdministration admin, AnnualReportForm? form, int? version, string? error, int status)
    {
        var staff = await pages.StaffAsync(context);
        if (await admin.OpenAsync(staff, year, context.RequestAborted) is not { } draft)
            return await pages.MessageAsync(context, "找不到年度报告",
                $"年份须在 {AnnualReportAdministration.FirstYear} 年到今年之间。", StatusCodes.Status404NotFound,
                pages.Url(Page));
        var model = new AnnualReportEditPageModel(Shell: pages.ShellFor(context, $"{year} 年政府信息公开年报"),
            Draft: draft, Form: form ?? AnnualReportForm.Of(draft.Saved),
            // After a conflict the form carries the current version, so what is typed can be checked and sent again.
            Version: status == StatusCodes.Status409Conflict ? draft.Saved?.Version ?? 0
                : version ?? draft.Saved?.Version ?? 0,
            Error: error);
        return await pages.RenderAsync<AnnualReportEditPage, AnnualReportEditPageModel>(model, status);
    }
}
