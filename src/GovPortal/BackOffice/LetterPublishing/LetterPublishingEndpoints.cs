using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Articles;
using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.LetterPublishing;

/// <summary>The 选登 page of a letter: what the public will read, the form to publish it, and withdrawal.</summary>
/// <param name="Subject">The subject in the form: the letter's, or what was typed when a publish was refused.</param>
/// <param name="Error">Why the last publish was refused, shown above the form with the input kept.</param>
public sealed record LetterPublishPageModel(Pages.Shell Shell, LetterForPublishing Letter, string Subject,
    string Text, string? Error, IReadOnlyList<ShownFinding> Findings);

/// <summary>
/// 选登 in the back office: /letters/{id}/publish (the page, and publishing) and /letters/{id}/withdraw, for the
/// 信箱管理员 only; the service checks the role, the letter's state and consent and the version again.
/// </summary>
public static class LetterPublishingEndpoints
{
    public static void MapLetterPublishing(this RouteGroupBuilder group)
    {
        group.MapGet("/letters/{id:int}/publish", PageAsync).RequireAuthorization(StaffRoles.Mailbox);
        group.MapPost("/letters/{id:int}/publish", PublishAsync).RequireAuthorization(StaffRoles.Mailbox);
        group.MapPost("/letters/{id:int}/withdraw", WithdrawAsync).RequireAuthorization(StaffRoles.Mailbox);
    }

    private static async Task<IResult> PageAsync(int id, HttpContext context, BackOfficePages pages,
        LetterPublication publication)
    {
        var staff = await pages.StaffAsync(context);
        if (await publication.FindAsync(staff, id, context.RequestAborted) is not { } letter)
            return await NotFoundAsync(context, pages);
        return await pages.RenderAsync<LetterPublishPage, LetterPublishPageModel>(new LetterPublishPageModel(
            Shell: pages.ShellFor(context, "公开选登 " + letter.Number), Letter: letter, Subject: letter.Subject,
            Text: letter.Text, Error: null, Findings: []));
    }

    private static async Task<IResult> PublishAsync(int id, HttpContext context, IFormCollection form,
        BackOfficePages pages, LetterPublication publication)
    {
        var staff = await pages.StaffAsync(context);
        var input = new LetterPublishInput(form.Text("subject"), form.Text("text"), form.Bool("acknowledged"));
        var outcome = await publication.PublishAsync(staff, id, form.Int("version"), input, context.RequestAborted);
        var result = outcome.Result;
        if (result.Succeeded) return pages.RedirectWithNotice(context, $"letters/{id}/publish", result.Message);
        if (result.Forbidden || result.NotFound || result.Conflict
            || await publication.FindAsync(staff, id, context.RequestAborted) is not { } letter)
            return await pages.RefusedAsync(context, result, result.NotFound ? "找不到信件" : "操作未执行",
                $"letters/{id}/publish");
        // Refused for what was typed or what the checks found: the page again, with everything typed kept.
        return await pages.RenderAsync<LetterPublishPage, LetterPublishPageModel>(new LetterPublishPageModel(
            Shell: pages.ShellFor(context, "公开选登 " + letter.Number), Letter: letter, Subject: input.Subject,
            Text: input.Text, Error: result.Message, Findings: outcome.Findings), StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> WithdrawAsync(int id, HttpContext context, IFormCollection form,
        BackOfficePages pages, LetterPublication publication)
    {
        var staff = await pages.StaffAsync(context);
        var result = await publication.WithdrawAsync(staff, id, form.Int("version"), form.Text("reason"),
            context.RequestAborted);
        return result.Succeeded
            ? pages.RedirectWithNotice(context, $"letters/{id}/publish", result.Message)
            : await pages.RefusedAsync(context, result, result.NotFound ? "找不到信件" : "操作未执行",
                $"letters/{id}/publish");
    }

    private static Task<IResult> NotFoundAsync(HttpContext context, BackOfficePages pages) =>
        pages.MessageAsync(context, "找不到信件", "找不到这封信件。", StatusCodes.Status404NotFound);
}
