using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.Letters;

public sealed record MailboxesPageModel(Pages.Shell Shell, IReadOnlyList<MailboxRow> Rows, MailboxForm Form,
    string? Error = null);

public sealed record MailboxEditPageModel(Pages.Shell Shell, MailboxRow Row, MailboxForm Form, string? Error = null);

/// <summary>/admin/mailboxes: the 信箱管理员 manages the site's mailboxes; nobody else may open these pages.</summary>
public static class MailboxEndpoints
{
    public static void MapMailboxes(this RouteGroupBuilder group)
    {
        group.MapGet("/mailboxes", async (HttpContext context, BackOfficePages pages, MailboxAdministration admin) =>
            await AllowedAsync(context, pages) is { } refused ? refused
                : await ListPageAsync(context, pages, admin, MailboxForm.Empty, null, StatusCodes.Status200OK));
        group.MapPost("/mailboxes", async (HttpContext context, IFormCollection form, BackOfficePages pages,
            MailboxAdministration admin) =>
        {
            if (await AllowedAsync(context, pages) is { } refused) return refused;
            var typed = Read(form);
            var result = await admin.SaveAsync(await pages.StaffAsync(context), null, typed, context.RequestAborted);
            return result.Succeeded ? pages.RedirectWithNotice(context, "mailboxes", result.Message)
                : await ListPageAsync(context, pages, admin, typed, result.Message, StatusOf(result));
        });
        group.MapGet("/mailboxes/{id:int}", async (int id, HttpContext context, BackOfficePages pages,
            MailboxAdministration admin) =>
        {
            if (await AllowedAsync(context, pages) is { } refused) return refused;
            return await admin.FindAsync(id, context.RequestAborted) is { } row
                ? await pages.RenderAsync<MailboxEditPage, MailboxEditPageModel>(new MailboxEditPageModel(
                    pages.ShellFor(context, "信箱 " + row.Mailbox.Name), row, MailboxForm.Of(row.Mailbox)))
                : await MissingAsync(context, pages);
        });
        group.MapPost("/mailboxes/{id:int}", async (int id, HttpContext context, IFormCollection form,
            BackOfficePages pages, MailboxAdministration admin) =>
        {
            if (await AllowedAsync(context, pages) is { } refused) return refused;
            var typed = Read(form);
            var result = await admin.SaveAsync(await pages.StaffAsync(context), id, typed, context.RequestAborted);
            if (result.Succeeded) return pages.RedirectWithNotice(context, "mailboxes", result.Message);
            return await admin.FindAsync(id, context.RequestAborted) is { } row
                ? await pages.RenderAsync<MailboxEditPage, MailboxEditPageModel>(new MailboxEditPageModel(
                    pages.ShellFor(context, "信箱 " + row.Mailbox.Name), row, typed, result.Message), StatusOf(result))
                : await MissingAsync(context, pages);
        });
        // The form is bound, though it carries only the token, so that the post is checked against forgery.
        group.MapPost("/mailboxes/{id:int}/delete", async (int id, HttpContext context, IFormCollection form,
            BackOfficePages pages, MailboxAdministration admin) =>
        {
            if (await AllowedAsync(context, pages) is { } refused) return refused;
            var result = await admin.DeleteAsync(await pages.StaffAsync(context), id, context.RequestAborted);
            return result.Succeeded ? pages.RedirectWithNotice(context, "mailboxes", result.Message)
                : await pages.RefusedAsync(context, result, "信箱未删除", $"mailboxes/{id}");
        });
    }

    private static MailboxForm Read(IFormCollection form) => new(form.Text("name"), form.Text("code"),
        form.Text("description"), form.Text("sortOrder"), form.Bool("active"), form.Text("consultReplyDays"),
        form.Text("replyDays"));

    private static int StatusOf(BackOfficeResult result) =>
        result.Forbidden ? StatusCodes.Status403Forbidden
        : result.Conflict ? StatusCodes.Status409Conflict
        : StatusCodes.Status400BadRequest;

    private static async Task<IResult> ListPageAsync(HttpContext context, BackOfficePages pages,
        MailboxAdministration admin, MailboxForm form, string? error, int status) =>
        await pages.RenderAsync<MailboxesPage, MailboxesPageModel>(new MailboxesPageModel(
            pages.ShellFor(context, "信箱管理"), await admin.ListAsync(context.RequestAborted), form, error), status);

    private static async Task<IResult?> AllowedAsync(HttpContext context, BackOfficePages pages) =>
        context.User.IsInRole(StaffRoles.Mailbox) ? null
            : await pages.MessageAsync(context, "没有权限", "只有信箱管理员可以管理信箱。如需开通，请联系系统管理员。",
                StatusCodes.Status403Forbidden);

    private static Task<IResult> MissingAsync(HttpContext context, BackOfficePages pages) =>
        pages.MessageAsync(context, "找不到信箱", "找不到这个信箱。", StatusCodes.Status404NotFound, pages.Url("mailboxes"));
}
