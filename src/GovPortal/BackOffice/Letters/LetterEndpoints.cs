using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.Letters;

public sealed record LetterListPageModel(Pages.Shell Shell, LetterStaff Staff, LetterTray Tray,
    IReadOnlyDictionary<LetterTray, int> Counts, IReadOnlyList<LetterRow> Rows);

/// <param name="Typed">What the person typed into the form that was refused, shown again.</param>
public sealed record LetterDetailPageModel(Pages.Shell Shell, LetterStaff Staff, LetterDetail Detail,
    string? Error = null, IReadOnlyDictionary<string, string>? Typed = null)
{
    public string TypedOr(string field, string fallback) =>
        Typed is not null && Typed.TryGetValue(field, out var value) ? value : fallback;
}

/// <summary>
/// /admin/letters: the trays and each letter's page with the steps the person may take. Every address is open to
/// signed-in staff and decides on the server, per letter, by role (信箱管理员, 系统管理员) and organisation duty
/// (承办人, 审核人); everyone else is refused.
/// </summary>
public static class LetterEndpoints
{
    public static void MapLetters(this RouteGroupBuilder group)
    {
        group.MapGet("/letters", ListAsync);
        group.MapGet("/letters/{id:int}", DetailAsync);
        group.MapGet("/letters/{id:int}/attachments/{attachmentId:int}", AttachmentAsync);
        Step(group, "release", (h, s, id, v, _, t) => h.ReleaseAsync(s, id, v, t));
        Step(group, "reject", (h, s, id, v, f, t) => h.RejectAsync(s, id, v, f.Text("rejectReason"), t));
        Step(group, "assign", (h, s, id, v, f, t) => h.AssignAsync(s, id, v, f.Int("organisationId"), t));
        Step(group, "return", (h, s, id, v, f, t) => h.ReturnAsync(s, id, v, f.Text("returnReason"), t));
        Step(group, "draft", (h, s, id, v, f, t) => h.DraftAsync(s, id, v, f.Text("reply"), false, t));
        Step(group, "submit", (h, s, id, v, f, t) => h.DraftAsync(s, id, v, f.Text("reply"), true, t));
        Step(group, "approve", (h, s, id, v, _, t) => h.ApproveAsync(s, id, v, t));
        Step(group, "sendback", (h, s, id, v, f, t) => h.SendBackAsync(s, id, v, f.Text("comment"), t));
        Step(group, "merge", (h, s, id, v, f, t) => h.MergeAsync(s, id, v, f.Text("target"), t));
    }

    private delegate Task<BackOfficeResult> LetterStep(LetterHandling handling, LetterStaff staff, int id,
        int version, IFormCollection form, CancellationToken cancellationToken);

    private static void Step(RouteGroupBuilder group, string name, LetterStep step) =>
        group.MapPost("/letters/{id:int}/" + name, async (int id, HttpContext context, IFormCollection form,
            BackOfficePages pages, LetterOffice office, LetterHandling handling) =>
        {
            var staff = await StaffAsync(context, pages, office);
            if (!staff.MayOpen) return await NotAllowedAsync(context, pages);
            var result = await step(handling, staff, id, form.Int("version"), form, context.RequestAborted);
            if (result.Succeeded) return pages.RedirectWithNotice(context, $"letters/{id}", result.Message);
            if (result.Forbidden || result.NotFound
                || await office.DetailAsync(staff, id, context.RequestAborted) is not { } detail)
                return await pages.RefusedAsync(context, result, result.NotFound ? "找不到信件" : "操作未执行", "letters");
            // Refused for a reason the person can fix, or because the letter changed: the page again, as it is now,
            // with the message and what they typed.
            var typed = form.Keys.Where(k => k is not ("version" or "__csrf"))
                .ToDictionary(k => k, k => form.Text(k), StringComparer.Ordinal);
            return await pages.RenderAsync<LetterDetailPage, LetterDetailPageModel>(new LetterDetailPageModel(
                    pages.ShellFor(context, "信件 " + detail.Letter.Number), staff, detail, result.Message, typed),
                result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        });

    private static async Task<IResult> ListAsync(HttpContext context, BackOfficePages pages, LetterOffice office)
    {
        var staff = await StaffAsync(context, pages, office);
        if (!staff.MayOpen) return await NotAllowedAsync(context, pages);
        var asked = LetterTrays.Parse(context.Request.Query["tray"].ToString());
        var tray = asked ?? (staff.IsDispatcher || staff.IsOverseer ? LetterTray.Dispatch : LetterTray.Handling);
        if (tray == LetterTray.Screening && !staff.IsDispatcher) tray = LetterTray.Dispatch;
        var (counts, rows) = await office.ListAsync(staff, tray, context.RequestAborted);
        return await pages.RenderAsync<LetterListPage, LetterListPageModel>(new LetterListPageModel(
            pages.ShellFor(context, "信件办理"), staff, tray, counts, rows));
    }

    private static async Task<IResult> DetailAsync(int id, HttpContext context, BackOfficePages pages,
        LetterOffice office)
    {
        var staff = await StaffAsync(context, pages, office);
        if (!staff.MayOpen) return await NotAllowedAsync(context, pages);
        if (await office.DetailAsync(staff, id, context.RequestAborted) is not { } detail)
            return await pages.MessageAsync(context, "找不到信件", "找不到这封信件，或者您没有查看它的权限。",
                StatusCodes.Status404NotFound, pages.Url("letters"));
        return await pages.RenderAsync<LetterDetailPage, LetterDetailPageModel>(new LetterDetailPageModel(
            pages.ShellFor(context, "信件 " + detail.Letter.Number), staff, detail));
    }

    private static async Task<IResult> AttachmentAsync(int id, int attachmentId, HttpContext context,
        BackOfficePages pages, LetterOffice office)
    {
        var staff = await StaffAsync(context, pages, office);
        if (!staff.MayOpen) return await NotAllowedAsync(context, pages);
        if (await office.AttachmentAsync(staff, id, attachmentId, context.RequestAborted) is not { } found)
            return await pages.MessageAsync(context, "找不到附件", "找不到这个附件，或者您没有查看它的权限。",
                StatusCodes.Status404NotFound, pages.Url("letters"));
        byte[]? bytes;
        try
        {
            bytes = context.RequestServices.GetRequiredService<Interaction.Letters.LetterFiles>()
                .Open(found.Attachment, found.Letter.Number);
        }
        catch (Exception e) when (e is IOException or ArgumentException
                                       or System.Security.Cryptography.CryptographicException)
        {
            bytes = null; // missing, changed, or sealed with a key this portal lacks
        }
        if (bytes is null)
            return await pages.MessageAsync(context, "附件无法打开", "附件文件缺失或无法解密，请联系系统管理员。",
                StatusCodes.Status404NotFound, pages.Url($"letters/{id}"));
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // Always a download: a citizen's file is never rendered in the back office's origin.
        return Results.File(bytes, "application/octet-stream", found.Attachment.FileName);
    }

    private static async Task<LetterStaff> StaffAsync(HttpContext context, BackOfficePages pages,
        LetterOffice office) =>
        await office.StaffAsync(await pages.StaffAsync(context), context.User, context.RequestAborted);

    private static Task<IResult> NotAllowedAsync(HttpContext context, BackOfficePages pages) =>
        pages.MessageAsync(context, "没有权限",
            "信件办理只对信箱管理员、系统管理员和各单位的承办人、审核人开放。如需开通，请联系系统管理员。",
            StatusCodes.Status403Forbidden);
}
