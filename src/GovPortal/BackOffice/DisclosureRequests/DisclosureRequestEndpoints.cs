using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Forms;
using GovPortal.Disclosure;

namespace GovPortal.BackOffice.DisclosureRequests;

public sealed record DisclosureListPageModel(Pages.Shell Shell, IReadOnlyList<ApplicationRow> Rows, bool Cut,
    IReadOnlyList<ApplicationRow> Overdue, IReadOnlyList<ApplicationRow> DueSoon, DisclosureStatus? Filter);

public sealed record DisclosureDetailPageModel(Pages.Shell Shell, ApplicationDetail Detail);

/// <summary>
/// 依申请公开 in the back office: the list with what is due and overdue, the detail with its steps, the 答复书. The
/// 信息公开 role acts; administrators may look (masked) to oversee the deadlines.
/// </summary>
public static class DisclosureRequestEndpoints
{
    /// <summary>Who may open the pages: the 信息公开 role, and administrators (personal data masked).</summary>
    public const string ViewPolicy = "DisclosureViewers";

    public static void MapDisclosure(this RouteGroupBuilder group)
    {
        group.MapGet("/applications", ListAsync).RequireAuthorization(ViewPolicy);
        group.MapGet("/applications/{id:int}", DetailAsync).RequireAuthorization(ViewPolicy);
        group.MapGet("/applications/{id:int}/answer", FileAsync).RequireAuthorization(ViewPolicy);
        group.MapPost("/applications/{id:int}/register", (int id, HttpContext c, IFormCollection f, BackOfficePages p,
            DisclosureHandling h) => StepAsync(id, c, f, p, (s, v) => h.RegisterAsync(s, id, v, c.RequestAborted)))
            .RequireAuthorization(StaffRoles.Disclosure);
        group.MapPost("/applications/{id:int}/correction", (int id, HttpContext c, IFormCollection f,
                BackOfficePages p, DisclosureHandling h) => StepAsync(id, c, f, p,
                (s, v) => h.RequestCorrectionAsync(s, id, v, f.Text("request"), c.RequestAborted)))
            .RequireAuthorization(StaffRoles.Disclosure);
        group.MapPost("/applications/{id:int}/start", (int id, HttpContext c, IFormCollection f, BackOfficePages p,
            DisclosureHandling h) => StepAsync(id, c, f, p, (s, v) => h.StartAsync(s, id, v, c.RequestAborted)))
            .RequireAuthorization(StaffRoles.Disclosure);
        group.MapPost("/applications/{id:int}/extend", (int id, HttpContext c, IFormCollection f, BackOfficePages p,
                DisclosureHandling h) => StepAsync(id, c, f, p, (s, v) => h.ExtendAsync(s, id, v, f.Text("days"),
                f.Text("reason"), f.Text("approvedBy"), c.RequestAborted)))
            .RequireAuthorization(StaffRoles.Disclosure);
        group.MapPost("/applications/{id:int}/answer", AnswerAsync).RequireAuthorization(StaffRoles.Disclosure)
            .AcceptsUploads();
    }

    private static async Task<IResult> ListAsync(HttpContext context, BackOfficePages pages,
        DisclosureHandling handling)
    {
        var staff = await pages.StaffAsync(context);
        var asked = context.Request.Query["status"].ToString();
        DisclosureStatus? filter =
            Enum.TryParse<DisclosureStatus>(asked, out var s) && Enum.IsDefined(s) && !char.IsDigit(asked[0])
                ? s : null;
        if (await handling.ListAsync(staff, filter, context.RequestAborted) is not { } list)
            return await pages.MessageAsync(context, "没有权限", "只有“信息公开”角色和系统管理员可以查看依申请公开。",
                StatusCodes.Status403Forbidden, pages.Url(""));
        return await pages.RenderAsync<DisclosureListPage, DisclosureListPageModel>(new DisclosureListPageModel(
            Shell: pages.ShellFor(context, "依申请公开"), Rows: list.Rows, Cut: list.Cut, Overdue: list.Overdue,
            DueSoon: list.DueSoon, Filter: filter));
    }

    private static async Task<IResult> DetailAsync(int id, HttpContext context, BackOfficePages pages,
        DisclosureHandling handling)
    {
        var staff = await pages.StaffAsync(context);
        if (await handling.DetailAsync(staff, id, context.RequestAborted) is not { } detail)
            return await pages.MessageAsync(context, "找不到申请", "找不到这件申请。", StatusCodes.Status404NotFound,
                pages.Url("applications"));
        return await pages.RenderAsync<DisclosureDetailPage, DisclosureDetailPageModel>(new DisclosureDetailPageModel(
            Shell: pages.ShellFor(context, "申请 " + detail.Application.Number), Detail: detail));
    }

    private static async Task<IResult> FileAsync(int id, HttpContext context, BackOfficePages pages,
        DisclosureHandling handling)
    {
        var staff = await pages.StaffAsync(context);
        if (await handling.AnswerFileAsync(staff, id, context.RequestAborted) is not { } file)
            return await pages.MessageAsync(context, "找不到文件", "这件申请没有答复书。", StatusCodes.Status404NotFound,
                pages.Url("applications"));
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Path, file.ContentType, file.Name);
    }

    private static async Task<IResult> StepAsync(int id, HttpContext context, IFormCollection form,
        BackOfficePages pages, Func<Staff, int, Task<BackOfficeResult>> step)
    {
        var result = await step(await pages.StaffAsync(context), form.Int("version"));
        return result.Succeeded
            ? pages.RedirectWithNotice(context, $"applications/{id}", result.Message)
            : await pages.RefusedAsync(context, result, result.NotFound ? "找不到申请" : "操作未执行", $"applications/{id}");
    }

    private static async Task<IResult> AnswerAsync(int id, HttpContext context, IFormCollection form,
        BackOfficePages pages, DisclosureHandling handling)
    {
        var upload = form.Files.GetFile("file");
        byte[]? bytes = null;
        if (upload is { Length: > 0 and <= Files.UploadRules.MaxBytes })
        {
            using var stream = new MemoryStream();
            await upload.CopyToAsync(stream, context.RequestAborted);
            bytes = stream.ToArray();
        }
        return await StepAsync(id, context, form, pages, (staff, version) => handling.AnswerAsync(staff, id, version,
            form.Text("category"), form.Text("reason"), form.Text("note"), upload?.FileName, bytes,
            context.RequestAborted));
    }
}
