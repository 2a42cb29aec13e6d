using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.Consultations;

/// <summary>
/// 意见征集 pages: the list, a new or existing consultation with its 反馈, and its comments. Open to the 信箱管理员
/// only (policy <see cref="Policy"/>); the service checks the role again.
/// </summary>
public static class ConsultationEndpoints
{
    public const string Policy = "ConsultationManagers";
    public const string Page = "consultations";

    public static void MapConsultations(this RouteGroupBuilder group)
    {
        group.MapGet($"/{Page}", ListAsync).RequireAuthorization(Policy);
        group.MapGet($"/{Page}/new", (HttpContext c, BackOfficePages p, ConsultationAdministration a) =>
            EditAsync(null, c, p, a)).RequireAuthorization(Policy);
        group.MapPost($"/{Page}/new", (HttpContext c, IFormCollection f, BackOfficePages p,
            ConsultationAdministration a) => SaveAsync(null, c, f, p, a)).RequireAuthorization(Policy);
        group.MapGet($"/{Page}/{{id:int}}", (int id, HttpContext c, BackOfficePages p, ConsultationAdministration a) =>
            EditAsync(id, c, p, a)).RequireAuthorization(Policy);
        group.MapPost($"/{Page}/{{id:int}}", (int id, HttpContext c, IFormCollection f, BackOfficePages p,
            ConsultationAdministration a) => SaveAsync(id, c, f, p, a)).RequireAuthorization(Policy);
        group.MapPost($"/{Page}/{{id:int}}/feedback", FeedbackAsync).RequireAuthorization(Policy);
        group.MapGet($"/{Page}/{{id:int}}/comments", CommentsAsync).RequireAuthorization(Policy);
    }

    private static async Task<IResult> ListAsync(HttpContext context, BackOfficePages pages,
        ConsultationAdministration admin)
    {
        var staff = await pages.StaffAsync(context);
        if (await admin.ListAsync(staff, context.RequestAborted) is not { } rows)
            return await pages.RefusedAsync(context, BackOfficeResult.NotAllowed("只有信箱管理员可以管理意见征集。"),
                "无权访问", "");
        return await pages.RenderAsync<ConsultationListPage, ConsultationListPageModel>(new ConsultationListPageModel(
            Shell: pages.ShellFor(context, "意见征集"), Consultations: rows));
    }

    private static async Task<IResult> EditAsync(int? id, HttpContext context, BackOfficePages pages,
        ConsultationAdministration admin)
    {
        var staff = await pages.StaffAsync(context);
        if (!ConsultationAdministration.MayHandle(staff))
            return await pages.RefusedAsync(context, BackOfficeResult.NotAllowed("只有信箱管理员可以管理意见征集。"),
                "无权访问", "");
        Interaction.Consultations.Consultation? saved = null;
        if (id is { } existing && (saved = await admin.OpenAsync(staff, existing, context.RequestAborted)) is null)
            return await NotFoundAsync(context, pages);
        var find = context.Request.Query["find"].ToString();
        if (find.Length > 100) find = find[..100];
        var form = saved is null ? ConsultationForm.Empty : ConsultationForm.Of(saved);
        return await RenderAsync(context, pages, admin, staff, saved, form, saved?.Version ?? 0,
            new Dictionary<string, string>(), null, find, saved?.FeedbackHtml ?? "", StatusCodes.Status200OK);
    }

    private static async Task<IResult> SaveAsync(int? id, HttpContext context, IFormCollection form,
        BackOfficePages pages, ConsultationAdministration admin)
    {
        var staff = await pages.StaffAsync(context);
        var typed = ConsultationForm.From(form);
        var version = form.Int("version");
        var result = id is { } existing
            ? await admin.SaveAsync(staff, existing, version, typed, context.RequestAborted)
            : await admin.CreateAsync(staff, typed, context.RequestAborted);
        if (result.Result.Succeeded)
            return pages.RedirectWithNotice(context, $"{Page}/{result.Id}", result.Result.Message);
        if (result.Result.Forbidden || result.Result.NotFound)
            return await pages.RefusedAsync(context, result.Result, "意见征集未保存", Page);
        var saved = id is { } known ? await admin.OpenAsync(staff, known, context.RequestAborted) : null;
        // After a conflict the form carries the current version, so what is typed can be checked and sent again.
        var nextVersion = result.Result.Conflict ? saved?.Version ?? 0 : version;
        return await RenderAsync(context, pages, admin, staff, saved, typed, nextVersion, result.Errors,
            result.Result.Message, "", saved?.FeedbackHtml ?? "",
            result.Result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> FeedbackAsync(int id, HttpContext context, IFormCollection form,
        BackOfficePages pages, ConsultationAdministration admin)
    {
        var staff = await pages.StaffAsync(context);
        var feedback = form.Text("feedback");
        var version = form.Int("version");
        var result = await admin.PublishFeedbackAsync(staff, id, version, feedback, context.RequestAborted);
        if (result.Result.Succeeded) return pages.RedirectWithNotice(context, $"{Page}/{id}", result.Result.Message);
        if (result.Result.Forbidden || result.Result.NotFound)
            return await pages.RefusedAsync(context, result.Result, "意见反馈未发布", Page);
        var saved = await admin.OpenAsync(staff, id, context.RequestAborted);
        if (saved is null) return await NotFoundAsync(context, pages);
        return await RenderAsync(context, pages, admin, staff, saved, ConsultationForm.Of(saved),
            result.Result.Conflict ? saved.Version : version, result.Errors, result.Result.Message, "", feedback,
            result.Result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> CommentsAsync(int id, HttpContext context, BackOfficePages pages,
        ConsultationAdministration admin)
    {
        var staff = await pages.StaffAsync(context);
        if (!ConsultationAdministration.MayHandle(staff))
            return await pages.RefusedAsync(context, BackOfficeResult.NotAllowed("只有信箱管理员可以查看意见。"),
                "无权访问", "");
        if (await admin.OpenAsync(staff, id, context.RequestAborted) is not { } consultation
            || await admin.CommentsAsync(staff, id, context.RequestAborted) is not { } comments)
            return await NotFoundAsync(context, pages);
        return await pages.RenderAsync<ConsultationCommentsPage, ConsultationCommentsPageModel>(
            new ConsultationCommentsPageModel(Shell: pages.ShellFor(context, $"收到的意见：{consultation.Title}"),
                Consultation: consultation, Comments: comments));
    }

    private static async Task<IResult> RenderAsync(HttpContext context, BackOfficePages pages,
        ConsultationAdministration admin, Accounts.Staff staff, Interaction.Consultations.Consultation? saved,
        ConsultationForm form, int version, IReadOnlyDictionary<string, string> errors, string? error, string find,
        string feedback, int status)
    {
        var found = await admin.FindArticlesAsync(staff, find, context.RequestAborted);
        var title = saved is null ? "新建意见征集" : $"意见征集：{saved.Title}";
        return await pages.RenderAsync<ConsultationEditPage, ConsultationEditPageModel>(new ConsultationEditPageModel(
            Shell: pages.ShellFor(context, title), Saved: saved, Form: form, Version: version, Errors: errors,
            Error: error, Find: find, Found: found, Feedback: feedback, NowUtc: admin.Now), status);
    }

    private static Task<IResult> NotFoundAsync(HttpContext context, BackOfficePages pages) =>
        pages.MessageAsync(context, "找不到意见征集", "这项意见征集不存在。", StatusCodes.Status404NotFound,
            pages.Url(Page));
}
