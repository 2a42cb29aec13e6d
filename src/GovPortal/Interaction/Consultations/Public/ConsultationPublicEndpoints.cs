using GovPortal.Citizens.Forms;
using GovPortal.Citizens.Pages;
using GovPortal.PublicSite;
using GovPortal.Theme;

namespace GovPortal.Interaction.Consultations.Public;

/// <summary>
/// 意见征集 on the public site, per request and in each page form: the comment form of a consultation
/// (<c>/hdjl/yjzj/yj/{id}</c>) with its receipt, and the lookup (<c>/hdjl/yjzj/yj/cx</c>). Whether the form is open
/// is judged by the clock on every request; every post goes through <see cref="PublicFormGuard"/> first.
/// </summary>
public static class ConsultationPublicEndpoints
{
    public const string CommentForm = "consultation-comment";
    public const string LookupForm = "consultation-lookup";
    private const string NotFound = "未找到。请核对意见编号和查询码后重试。";

    public static void MapConsultationsPublic(this WebApplication app)
    {
        var dynamicPages = app.Services.GetRequiredService<DynamicPublicPaths>();
        foreach (var (path, variant) in CitizenPages.FormsOf(DynamicPublicPaths.ConsultationComments))
        {
            dynamicPages.Add(path);
            app.MapGet(path + "/{id:int}", (int id, HttpContext c) => FormAsync(c, variant, id));
            app.MapPost(path + "/{id:int}", (int id, HttpContext c) => CommentAsync(c, variant, id));
            app.MapGet(path + "/cx", (HttpContext c) => LookupPageAsync(c, variant, "", null, null, true, 200));
            app.MapPost(path + "/cx", (HttpContext c) => LookupAsync(c, variant));
        }
    }

    private static async Task FormAsync(HttpContext context, PageVariant variant, int id)
    {
        var intake = context.RequestServices.GetRequiredService<CommentIntake>();
        if (await intake.ConsultationAsync(id, context.RequestAborted) is not { } consultation)
        {
            await NoSuchConsultationAsync(context, variant);
            return;
        }
        await FormPageAsync(context, variant, CommentTarget.Of(consultation, intake.Now),
            Consultations.CommentForm.Empty, new Dictionary<string, string>(), null, 200);
    }

    private static Task FormPageAsync(HttpContext context, PageVariant variant, CommentTarget target,
        CommentForm form, IReadOnlyDictionary<string, string> errors, string? message, int status)
    {
        var services = context.RequestServices;
        var token = services.GetRequiredService<PublicFormGuard>().IssueToken(context, CommentForm);
        return services.GetRequiredService<CitizenPages>().WriteAsync<CommentFormPage, CommentFormPageModel>(
            context, variant, chrome => new CommentFormPageModel(Chrome: chrome, Token: token, Target: target,
                Form: form, Errors: errors, Message: message), status);
    }

    private static async Task CommentAsync(HttpContext context, PageVariant variant, int id)
    {
        var services = context.RequestServices;
        var guard = services.GetRequiredService<PublicFormGuard>();
        var guarded = await guard.ReadAsync(context, CommentForm);
        var form = Consultations.CommentForm.From(guarded.Form);
        var intake = services.GetRequiredService<CommentIntake>();
        if (await intake.ConsultationAsync(id, context.RequestAborted) is not { } consultation)
        {
            await NoSuchConsultationAsync(context, variant);
            return;
        }
        var target = CommentTarget.Of(consultation, intake.Now);
        var none = new Dictionary<string, string>();
        switch (guarded.Refusal)
        {
            case FormRefusal.TooLarge:
                await FormPageAsync(context, variant, target, form, none, guarded.Message, 413);
                return;
            case FormRefusal.TooMany or FormRefusal.BadToken:
                await FormPageAsync(context, variant, target, form, none, guarded.Message,
                    guarded.Refusal == FormRefusal.TooMany ? 429 : 400);
                return;
            case FormRefusal.Honeypot:
                // Quietly: a program learns nothing from the answer, and nothing is kept.
                await MessageAsync(context, variant, target, "意见已提交", "您的提交已处理。");
                return;
        }
        await using var claim = await guard.ClaimAsync(guarded.Form, context.RequestAborted);
        if (claim.IsStillRunning)
        {
            await FormPageAsync(context, variant, target, form, none, FormPostClaim.StillRunningMessage, 409);
            return;
        }
        if (claim.GivenReceipt is { } given)
        {
            // The same post again (a refresh of the receipt, a double click): not a second comment.
            await MessageAsync(context, variant, target, "意见已提交",
                $"这条意见已经提交，意见编号为 {given}。为保护您的信息，查询码只在提交时显示一次。");
            return;
        }
        if (!target.IsOpen)
        {
            // Judged by the clock now, whatever the page the citizen filled showed: the text comes back to copy.
            await FormPageAsync(context, variant, target, form, none, "意见没有提交：" + (target.State ==
                Content.Consultations.ConsultationState.NotStarted ? "征集尚未开始。" : "征集已经结束。"), 409);
            return;
        }
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            await FormPageAsync(context, variant, target, form, errors, null, 400);
            return;
        }
        if (await intake.SubmitAsync(id, form, claim, context.RequestAborted) is not { } receipt)
        {
            // It closed between the check above and the commit.
            var now = CommentTarget.Of(consultation, intake.Now);
            await FormPageAsync(context, variant, now, form, none, "意见没有提交：征集已经结束。", 409);
            return;
        }
        claim.Complete(receipt.Number);
        await services.GetRequiredService<CitizenPages>().WriteAsync<CommentReceiptPage, CommentReceiptPageModel>(
            context, variant, chrome => new CommentReceiptPageModel(Chrome: chrome, Receipt: receipt, Target: target));
    }

    private static Task LookupPageAsync(HttpContext context, PageVariant variant, string number, CommentFound? found,
        string? message, bool ok, int status)
    {
        var services = context.RequestServices;
        var token = services.GetRequiredService<PublicFormGuard>().IssueToken(context, LookupForm);
        return services.GetRequiredService<CitizenPages>().WriteAsync<CommentLookupPage, CommentLookupPageModel>(
            context, variant, chrome => new CommentLookupPageModel(Chrome: chrome, Token: token, Number: number,
                Found: found, Message: message, MessageIsError: !ok), status);
    }

    private static async Task LookupAsync(HttpContext context, PageVariant variant)
    {
        var services = context.RequestServices;
        var guarded = await services.GetRequiredService<PublicFormGuard>().ReadAsync(context, LookupForm);
        var number = Clip(guarded.Form["number"].ToString(), 30);
        if (!guarded.Accepted)
        {
            var status = guarded.Refusal switch
            {
                FormRefusal.TooLarge => 413, FormRefusal.TooMany => 429, FormRefusal.Honeypot => 404, _ => 400,
            };
            await LookupPageAsync(context, variant, number, null,
                guarded.Refusal == FormRefusal.Honeypot ? NotFound : guarded.Message, false, status);
            return;
        }
        var found = await services.GetRequiredService<CommentIntake>()
            .FindAsync(number, guarded.Form["code"].ToString(), context.RequestAborted);
        if (found is null)
            await LookupPageAsync(context, variant, number, null, NotFound, false, 404);
        else
            await LookupPageAsync(context, variant, found.Number, found, "您的意见已收到。", true, 200);
    }

    private static Task NoSuchConsultationAsync(HttpContext context, PageVariant variant) =>
        context.RequestServices.GetRequiredService<CitizenPages>().WriteAsync<NoticePage, NoticePageModel>(context,
            variant, chrome => new NoticePageModel(Chrome: chrome, Title: "找不到这项意见征集",
                Paragraphs: ["您要提意见的征集项目不存在。请从意见征集列表进入。"],
                Path: Content.Consultations.ConsultationPeriod.IndexUrl), StatusCodes.Status404NotFound);

    private static Task MessageAsync(HttpContext context, PageVariant variant, CommentTarget target, string title,
        string text) =>
        context.RequestServices.GetRequiredService<CitizenPages>().WriteAsync<NoticePage, NoticePageModel>(context,
            variant, chrome => new NoticePageModel(Chrome: chrome, Title: title, Paragraphs: [text],
                Path: target.FormUrl));

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
