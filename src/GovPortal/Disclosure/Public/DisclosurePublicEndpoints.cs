using GovPortal.Citizens.Calendar;
using GovPortal.Citizens.Forms;
using GovPortal.Citizens.Pages;
using GovPortal.Content.Uploads;
using GovPortal.PublicSite;
using GovPortal.Theme;

namespace GovPortal.Disclosure.Public;

/// <summary>
/// 依申请公开 on the public site: the form (<c>/zfxxgk/ysqgk/</c>), the receipt, and the lookup
/// (<c>/zfxxgk/ysqgk/cx</c>) with the 补正 and the 答复书 download, in each page form. Every post goes through
/// <see cref="PublicFormGuard"/> first.
/// </summary>
public static class DisclosurePublicEndpoints
{
    public const string ApplyForm = "disclosure-apply";
    public const string LookupForm = "disclosure-lookup";
    private const string NotFound = "未找到。请核对申请编号和查询码后重试。";

    public static void MapDisclosurePublic(this WebApplication app)
    {
        var dynamicPages = app.Services.GetRequiredService<DynamicPublicPaths>();
        foreach (var (path, variant) in CitizenPages.FormsOf(DynamicPublicPaths.DisclosureApplications))
        {
            dynamicPages.Add(path);
            app.MapGet(path, (HttpContext c) => FormAsync(c, variant));
            app.MapPost(path, (HttpContext c) => ApplyAsync(c, variant));
            app.MapGet(path + "/cx", (HttpContext c) => LookupPageAsync(c, variant, null, true));
            app.MapPost(path + "/cx", (HttpContext c) => LookupAsync(c, variant));
            app.MapPost(path + "/cx/bz", (HttpContext c) => CorrectionAsync(c, variant));
            app.MapPost(path + "/cx/dfs", DownloadAsync);
        }
    }

    private static Task FormAsync(HttpContext context, PageVariant variant) =>
        FormPageAsync(context, variant, ApplicationForm.Empty, new Dictionary<string, string>(), null, 200);

    private static Task FormPageAsync(HttpContext context, PageVariant variant, ApplicationForm form,
        IReadOnlyDictionary<string, string> errors, string? message, int status)
    {
        var services = context.RequestServices;
        var token = services.GetRequiredService<PublicFormGuard>().IssueToken(context, ApplyForm);
        return services.GetRequiredService<CitizenPages>().WriteAsync<ApplicationFormPage, ApplicationFormPageModel>(
            context, variant, chrome => new ApplicationFormPageModel(Chrome: chrome, Token: token, Form: form,
                Errors: errors, Message: message), status);
    }

    private static async Task ApplyAsync(HttpContext context, PageVariant variant)
    {
        var services = context.RequestServices;
        var guarded = await services.GetRequiredService<PublicFormGuard>().ReadAsync(context, ApplyForm);
        var form = ApplicationForm.From(guarded.Form);
        switch (guarded.Refusal)
        {
            case FormRefusal.TooLarge:
                await FormPageAsync(context, variant, form, new Dictionary<string, string>(), guarded.Message, 413);
                return;
            case FormRefusal.TooMany:
            case FormRefusal.BadToken:
                await FormPageAsync(context, variant, form, new Dictionary<string, string>(), guarded.Message,
                    guarded.Refusal == FormRefusal.TooMany ? 429 : 400);
                return;
            case FormRefusal.Honeypot:
                // Quietly: a program learns nothing from the answer, and nothing is kept.
                await MessageAsync(context, variant, "申请已提交", "您的提交已处理。");
                return;
        }
        var guard = services.GetRequiredService<PublicFormGuard>();
        await using var claim = await guard.ClaimAsync(guarded.Form, context.RequestAborted);
        if (claim.IsStillRunning)
        {
            await FormPageAsync(context, variant, form, new Dictionary<string, string>(),
                FormPostClaim.StillRunningMessage, 409);
            return;
        }
        if (claim.GivenReceipt is { } given)
        {
            // The same post again (a refresh of the receipt, a double click): not a second application.
            await MessageAsync(context, variant, "申请已提交",
                $"这份申请已经提交，申请编号为 {given}。为保护您的信息，查询码只在提交时显示一次；" +
                "如已遗失查询码，请联系本机关政府信息公开工作机构。");
            return;
        }
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            await FormPageAsync(context, variant, form, errors, null, 400);
            return;
        }
        if (await services.GetRequiredService<DisclosureIntake>().SubmitAsync(form,
                context.Connection.RemoteIpAddress?.ToString(), claim, context.RequestAborted) is not { } receipt)
        {
            await FormPageAsync(context, variant, form, new Dictionary<string, string>(),
                "系统繁忙，申请没有提交。您填写的内容已保留在下面，请稍后再提交一次。", 503);
            return;
        }
        claim.Complete(receipt.Number);
        await services.GetRequiredService<CitizenPages>().WriteAsync<ReceiptPage, ReceiptPageModel>(context, variant,
            chrome => new ReceiptPageModel(Chrome: chrome, Receipt: receipt));
    }

    private static Task LookupPageAsync(HttpContext context, PageVariant variant, string? message, bool ok,
        string number = "", string code = "", ApplicationView? found = null, string correction = "",
        string? correctionError = null, int? status = null)
    {
        var services = context.RequestServices;
        var token = services.GetRequiredService<PublicFormGuard>().IssueToken(context, LookupForm);
        return services.GetRequiredService<CitizenPages>().WriteAsync<LookupPage, LookupPageModel>(context, variant,
            chrome => new LookupPageModel(Chrome: chrome, Token: token, Number: number, Code: code, Found: found,
                Message: message, MessageIsError: !ok, Correction: correction, CorrectionError: correctionError),
            status ?? (ok ? 200 : 400));
    }

    private static async Task LookupAsync(HttpContext context, PageVariant variant)
    {
        var services = context.RequestServices;
        var guarded = await services.GetRequiredService<PublicFormGuard>().ReadAsync(context, LookupForm);
        var number = Clip(guarded.Form["number"].ToString(), 30);
        if (await RefusedAsync(context, variant, guarded, number)) return;
        var code = guarded.Form["code"].ToString();
        var intake = services.GetRequiredService<DisclosureIntake>();
        if (await intake.FindAsync(number, code, context.RequestAborted) is not { } application)
        {
            await LookupPageAsync(context, variant, NotFound, false, number, status: 404);
            return;
        }
        await LookupPageAsync(context, variant, null, true, application.Number, code,
            await ViewOfAsync(services, application, context.RequestAborted));
    }

    private static async Task CorrectionAsync(HttpContext context, PageVariant variant)
    {
        var services = context.RequestServices;
        var guarded = await services.GetRequiredService<PublicFormGuard>().ReadAsync(context, LookupForm);
        var number = Clip(guarded.Form["number"].ToString(), 30);
        if (await RefusedAsync(context, variant, guarded, number)) return;
        var code = guarded.Form["code"].ToString();
        var text = Clip(guarded.Form["correction"].ToString(), DisclosureIntake.CorrectionMax * 2);
        var intake = services.GetRequiredService<DisclosureIntake>();
        var (application, problem) = await intake.SupplyCorrectionAsync(number, code, text,
            context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        if (application is null)
        {
            await LookupPageAsync(context, variant, NotFound, false, number, status: 404);
            return;
        }
        var view = await ViewOfAsync(services, application, context.RequestAborted);
        if (problem is not null && !view.AwaitingCorrection)
            // No correction is asked for (any more): the reason is the page's message, there is no form to fix.
            await LookupPageAsync(context, variant, problem, false, application.Number, code, view);
        else if (problem is not null)
            await LookupPageAsync(context, variant, "补正没有提交，请修改后再提交。", false, application.Number, code, view,
                text, problem);
        else
            await LookupPageAsync(context, variant, "补正已提交，答复期限已重新计算。", true, application.Number, code, view);
    }

    private static async Task DownloadAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var guarded = await services.GetRequiredService<PublicFormGuard>().ReadAsync(context, LookupForm);
        var number = Clip(guarded.Form["number"].ToString(), 30);
        if (await RefusedAsync(context, PageVariant.Standard, guarded, number)) return;
        var application = await services.GetRequiredService<DisclosureIntake>()
            .FindAsync(number, guarded.Form["code"].ToString(), context.RequestAborted);
        if (application is not { Status: DisclosureStatus.Answered } || application.AnswerStoredName.Length == 0)
        {
            await LookupPageAsync(context, PageVariant.Standard, NotFound, false, number, status: 404);
            return;
        }
        var file = services.GetRequiredService<UploadStore>().PathOf(application.AnswerStoredName);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await Results.File(file, application.AnswerContentType, application.AnswerFileName).ExecuteAsync(context);
    }

    /// <summary>Answers a refused lookup post (too large, too many, bad token, honeypot); false if it may go on.
    /// </summary>
    private static async Task<bool> RefusedAsync(HttpContext context, PageVariant variant, GuardedForm guarded,
        string number)
    {
        if (guarded.Accepted) return false;
        var status = guarded.Refusal switch
        {
            FormRefusal.TooLarge => 413, FormRefusal.TooMany => 429, FormRefusal.Honeypot => 404, _ => 400,
        };
        await LookupPageAsync(context, variant, guarded.Refusal == FormRefusal.Honeypot ? NotFound : guarded.Message,
            false, number, status: status);
        return true;
    }

    private static async Task<ApplicationView> ViewOfAsync(IServiceProvider services,
        DisclosureApplication application, CancellationToken cancellationToken)
    {
        var calendar = await services.GetRequiredService<WorkingCalendarStore>()
            .CurrentAsync(application.SiteId, cancellationToken);
        var due = application.Status switch
        {
            DisclosureStatus.AwaitingCorrection => "等待您补正（补正后自收到之日起重新计算 20 个工作日）",
            DisclosureStatus.Answered => "已答复",
            _ => DueText.Of(DisclosureDeadlines.AnswerDue(application, calendar)),
        };
        var extension = application.ExtensionDays > 0
            ? $"经批准延长 {application.ExtensionDays} 个工作日，答复期限延至 " +
              DueText.Of(DisclosureDeadlines.AnswerDue(application, calendar)) + "。理由：" + application.ExtensionReason
            : null;
        return new ApplicationView(application.Number, DisclosureStatusLabels.Of(application.Status),
            application.ReceivedOn, due, extension, application.CorrectionRequest, application.CorrectionRequestedOn,
            application.Status == DisclosureStatus.AwaitingCorrection,
            DisclosureOutcomes.Label(application.OutcomeCategory, application.OutcomeReason), application.AnswerNote,
            application.AnsweredOn, application.AnswerStoredName.Length > 0, application.AnswerFileName);
    }

    private static Task MessageAsync(HttpContext context, PageVariant variant, string title, string text) =>
        context.RequestServices.GetRequiredService<CitizenPages>().WriteAsync<NoticePage, NoticePageModel>(context,
            variant, chrome => new NoticePageModel(Chrome: chrome, Title: title, Paragraphs: [text],
                Path: ApplicationFormPageModel.Path));

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
