using GovPortal.Citizens.Forms;
using GovPortal.Citizens.Pages;
using GovPortal.PublicSite;
using GovPortal.Theme;

namespace GovPortal.Interaction.Letters.Public;

/// <summary>
/// Letters on the public site: the form (<c>/hdjl/xx</c>, the mailbox preselected by <c>?mailbox=code</c>) with its
/// receipt, and the lookup (<c>/hdjl/cx</c>) with the reply and the rating (<c>/hdjl/cx/pj</c>), in each page form.
/// Every post goes through <see cref="PublicFormGuard"/> first; the letter form with a larger body limit for its
/// attachments.
/// </summary>
public static class LetterPublicEndpoints
{
    public const string WriteFormName = "letter-write";
    public const string LookupFormName = "letter-lookup";
    private const string NotFound = "未找到。请核对信件编号和查询码后重试。";

    public static void MapLetterIntake(this WebApplication app)
    {
        var dynamicPages = app.Services.GetRequiredService<DynamicPublicPaths>();
        foreach (var (path, variant) in CitizenPages.FormsOf(DynamicPublicPaths.LetterForm))
        {
            dynamicPages.Add(path);
            app.MapGet(path, (HttpContext c) => FormAsync(c, variant));
            app.MapPost(path, (HttpContext c) => WriteAsync(c, variant));
        }
        foreach (var (path, variant) in CitizenPages.FormsOf(DynamicPublicPaths.LetterLookup))
        {
            dynamicPages.Add(path);
            app.MapGet(path, (HttpContext c) => LookupPageAsync(c, variant, null, true));
            app.MapPost(path, (HttpContext c) => LookupAsync(c, variant));
            app.MapPost(path + "/pj", (HttpContext c) => RateAsync(c, variant));
        }
    }

    private static string? SiteCodeOf(HttpContext context) =>
        context.RequestServices.GetRequiredService<PublicSites>().For(context)?.Code;

    private static async Task FormAsync(HttpContext context, PageVariant variant)
    {
        var chosen = context.Request.Query["mailbox"].ToString();
        await FormPageAsync(context, variant, LetterForm.For(chosen.Length > 40 ? "" : chosen),
            new Dictionary<string, string>(), null, 200);
    }

    private static async Task FormPageAsync(HttpContext context, PageVariant variant, LetterForm form,
        IReadOnlyDictionary<string, string> errors, string? message, int status, bool filesDropped = false)
    {
        var services = context.RequestServices;
        var mailboxes = SiteCodeOf(context) is { } site
            ? await services.GetRequiredService<LetterIntake>().ActiveMailboxesAsync(site, context.RequestAborted)
            : [];
        var token = services.GetRequiredService<PublicFormGuard>().IssueToken(context, WriteFormName);
        await services.GetRequiredService<CitizenPages>().WriteAsync<LetterFormPage, LetterFormPageModel>(
            context, variant, chrome => new LetterFormPageModel(Chrome: chrome, Token: token, Mailboxes: mailboxes,
                Form: form, Errors: errors, Message: message, FilesDropped: filesDropped), status);
    }

    private static async Task WriteAsync(HttpContext context, PageVariant variant)
    {
        var services = context.RequestServices;
        var guard = services.GetRequiredService<PublicFormGuard>();
        var guarded = await guard.ReadAsync(context, WriteFormName, LetterAttachmentRules.MaxBodyBytes);
        var form = LetterForm.From(guarded.Form);
        var filesSent = guarded.Form.Files.Any(f => f.Length > 0);
        var noErrors = new Dictionary<string, string>();
        switch (guarded.Refusal)
        {
            case FormRefusal.TooLarge:
                await FormPageAsync(context, variant, form, noErrors,
                    guarded.Message + $"（附件的限制：{LetterAttachmentRules.Rule}）", 413);
                return;
            case FormRefusal.TooMany:
            case FormRefusal.BadToken:
                await FormPageAsync(context, variant, form, noErrors, guarded.Message,
                    guarded.Refusal == FormRefusal.TooMany ? 429 : 400, filesSent);
                return;
            case FormRefusal.Honeypot:
                // Quietly: a program learns nothing from the answer, and nothing is kept.
                await MessageAsync(context, variant, "信件已提交", "您的提交已处理。");
                return;
        }
        await using var claim = await guard.ClaimAsync(guarded.Form, context.RequestAborted);
        if (claim.IsStillRunning)
        {
            await FormPageAsync(context, variant, form, noErrors, FormPostClaim.StillRunningMessage, 409, filesSent);
            return;
        }
        if (claim.GivenReceipt is { } given)
        {
            // The same post again (a refresh of the receipt, a double click): not a second letter.
            await MessageAsync(context, variant, "信件已提交",
                $"这封信已经提交，信件编号为 {given}。为保护您的信息，查询码只在提交时显示一次；请使用回执上的查询码查询办理进度。");
            return;
        }
        if (SiteCodeOf(context) is not { } site)
        {
            await PublicSites.NoSuchSiteAsync(context);
            return;
        }
        var intake = services.GetRequiredService<LetterIntake>();
        var mailboxes = await intake.ActiveMailboxesAsync(site, context.RequestAborted);
        var errors = form.Validate(mailboxes.Select(m => m.Code).ToList());
        var (attachments, fileError) =
            await LetterAttachmentRules.CheckAsync(guarded.Form.Files, context.RequestAborted);
        if (fileError is not null) errors["files"] = fileError;
        if (errors.Count > 0)
        {
            await FormPageAsync(context, variant, form, Ordered(errors), null, 400, filesSent);
            return;
        }
        var receipt = await intake.SubmitAsync(site, form, attachments, claim, context.RequestAborted);
        if (receipt is null)
        {
            await FormPageAsync(context, variant, form,
                new Dictionary<string, string> { ["mailbox"] = "这个信箱已暂停收信，请选择其他信箱。" }, null, 400, filesSent);
            return;
        }
        claim.Complete(receipt.Number);
        await services.GetRequiredService<CitizenPages>().WriteAsync<LetterReceiptPage, LetterReceiptPageModel>(
            context, variant, chrome => new LetterReceiptPageModel(Chrome: chrome, Receipt: receipt));
    }

    /// <summary>The errors in the order of the form's fields, so the summary reads top to bottom.</summary>
    private static Dictionary<string, string> Ordered(Dictionary<string, string> errors)
    {
        string[] order = ["mailbox", "kind", "subject", "text", "files", "name", "mobile", "email", "notice"];
        return order.Where(errors.ContainsKey).ToDictionary(field => field, field => errors[field]);
    }

    private static async Task LookupPageAsync(HttpContext context, PageVariant variant, string? message, bool ok,
        string number = "", string code = "", LetterView? found = null, int? status = null, string rating = "",
        string comment = "", string? ratingError = null, string? commentError = null)
    {
        var services = context.RequestServices;
        var token = services.GetRequiredService<PublicFormGuard>().IssueToken(context, LookupFormName);
        await services.GetRequiredService<CitizenPages>().WriteAsync<LetterLookupPage, LetterLookupPageModel>(
            context, variant, chrome => new LetterLookupPageModel(Chrome: chrome, Token: token, Number: number,
                Code: code, Found: found, Message: message, MessageIsError: !ok, Rating: rating, Comment: comment,
                RatingError: ratingError, CommentError: commentError), status ?? (ok ? 200 : 400));
    }

    private static async Task LookupAsync(HttpContext context, PageVariant variant)
    {
        var services = context.RequestServices;
        var guarded = await services.GetRequiredService<PublicFormGuard>().ReadAsync(context, LookupFormName);
        var number = Clip(guarded.Form["number"].ToString(), 30);
        if (await RefusedAsync(context, variant, guarded, number)) return;
        var code = Clip(guarded.Form["code"].ToString(), 64);
        var intake = services.GetRequiredService<LetterIntake>();
        if (SiteCodeOf(context) is not { } site
            || await intake.FindAsync(site, number, code, context.RequestAborted) is not { } letter)
        {
            await LookupPageAsync(context, variant, NotFound, false, number, status: 404);
            return;
        }
        await LookupPageAsync(context, variant, null, true, letter.Number, code,
            await intake.ViewOfAsync(letter, context.RequestAborted));
    }

    private static async Task RateAsync(HttpContext context, PageVariant variant)
    {
        var services = context.RequestServices;
        var guarded = await services.GetRequiredService<PublicFormGuard>().ReadAsync(context, LookupFormName);
        var number = Clip(guarded.Form["number"].ToString(), 30);
        if (await RefusedAsync(context, variant, guarded, number)) return;
        var code = Clip(guarded.Form["code"].ToString(), 64);
        var rating = Clip(guarded.Form["rating"].ToString(), 20);
        var comment = Clip(guarded.Form["comment"].ToString(), LetterIntake.RatingCommentMax * 2);
        var intake = services.GetRequiredService<LetterIntake>();
        var site = SiteCodeOf(context) ?? "";
        var problem = await intake.RateAsync(site, number, code, rating, comment, context.RequestAborted);
        if (problem == LetterIntake.NotFound
            || await intake.FindAsync(site, number, code, context.RequestAborted) is not { } letter)
        {
            await LookupPageAsync(context, variant, NotFound, false, number, status: 404);
            return;
        }
        var view = await intake.ViewOfAsync(letter, context.RequestAborted);
        if (problem is null)
            await LookupPageAsync(context, variant, "评价已提交，感谢您的评价。", true, letter.Number, code, view);
        else if (problem == LetterIntake.AlreadyRated || !view.CanRate)
            await LookupPageAsync(context, variant, problem, false, letter.Number, code, view, 409);
        else
        {
            var aboutRating = problem.StartsWith("请选择评价", StringComparison.Ordinal);
            await LookupPageAsync(context, variant, "评价没有提交，请修改后再提交。", false, letter.Number, code, view,
                400, LetterRatings.IsRating(rating) ? rating : "", comment, aboutRating ? problem : null,
                aboutRating ? null : problem);
        }
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

    private static Task MessageAsync(HttpContext context, PageVariant variant, string title, string text) =>
        context.RequestServices.GetRequiredService<CitizenPages>().WriteAsync<NoticePage, NoticePageModel>(context,
            variant, chrome => new NoticePageModel(Chrome: chrome, Title: title, Paragraphs: [text],
                Path: LetterFormPageModel.Path));

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
