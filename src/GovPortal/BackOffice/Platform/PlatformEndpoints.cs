using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.Platform;

public sealed record PlatformPageModel(Pages.Shell Shell, IReadOnlyList<PlatformSiteRow> Sites, NewSiteForm Typed,
    string? Error, NewSiteAdministrator? Created, string MourningDates, string? MourningError);

/// <summary>平台管理 (/admin/platform): the sites of the platform, for its 平台管理员.</summary>
public static class PlatformEndpoints
{
    public static void MapPlatform(this RouteGroupBuilder group)
    {
        group.MapGet("/platform", (HttpContext context, BackOfficePages pages, PlatformAdministration platform) =>
            PageAsync(context, pages, platform, NewSiteForm.Empty, null, null))
            .RequireAuthorization(PlatformPolicies.Platform);
        group.MapPost("/platform/sites", CreateAsync).RequireAuthorization(PlatformPolicies.Platform);
        group.MapPost("/platform/sites/{code}", UpdateAsync).RequireAuthorization(PlatformPolicies.Platform);
        // The forms bind (unused) so that ASP.NET Core checks their antiforgery token.
        group.MapPost("/platform/sites/{code}/suspend", (string code, IFormCollection _, HttpContext context,
                BackOfficePages pages, PlatformAdministration platform) =>
            SuspendAsync(code, true, context, pages, platform))
            .RequireAuthorization(PlatformPolicies.Platform);
        group.MapPost("/platform/sites/{code}/resume", (string code, IFormCollection _, HttpContext context,
                BackOfficePages pages, PlatformAdministration platform) =>
            SuspendAsync(code, false, context, pages, platform))
            .RequireAuthorization(PlatformPolicies.Platform);
        group.MapPost("/platform/sites/{code}/delete", DeleteAsync).RequireAuthorization(PlatformPolicies.Platform);
        group.MapPost("/platform/mourning", MourningAsync).RequireAuthorization(PlatformPolicies.Platform);
    }

    private static async Task<IResult> PageAsync(HttpContext context, BackOfficePages pages,
        PlatformAdministration platform, NewSiteForm typed, string? error, NewSiteAdministrator? created,
        string? mourning = null, string? mourningError = null, int status = StatusCodes.Status200OK) =>
        await pages.RenderAsync<PlatformPage, PlatformPageModel>(new PlatformPageModel(
            Shell: pages.ShellFor(context, "平台管理"), Sites: await platform.SitesAsync(context.RequestAborted),
            Typed: typed, Error: error, Created: created,
            MourningDates: mourning ?? platform.PlatformMourningDatesText(), MourningError: mourningError),
            status);

    private static async Task<IResult> CreateAsync(HttpContext context, IFormCollection form,
        BackOfficePages pages, PlatformAdministration platform)
    {
        var typed = new NewSiteForm(Clip(form.Text("code"), 64), Clip(form.Text("name"), 300),
            Clip(form.Text("baseUrl"), 400), Clip(form.Text("hostNames"), 1100), Clip(form.Text("administrator"), 100));
        var (result, administrator) = await platform.CreateAsync(await pages.StaffAsync(context), typed,
            context.RequestAborted);
        if (result.Forbidden) return await pages.RefusedAsync(context, result, "网站未新建", "platform");
        // The password is shown on this answer only, never stored or sent anywhere else.
        return result.Succeeded
            ? await PageAsync(context, pages, platform, NewSiteForm.Empty, null, administrator)
            : await PageAsync(context, pages, platform, typed, result.Message, null,
                status: StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> UpdateAsync(string code, HttpContext context, IFormCollection form,
        BackOfficePages pages, PlatformAdministration platform)
    {
        var result = await platform.UpdateAsync(await pages.StaffAsync(context), code, Clip(form.Text("name"), 300),
            Clip(form.Text("baseUrl"), 400), Clip(form.Text("hostNames"), 1100), context.RequestAborted);
        return result.Succeeded
            ? pages.RedirectWithNotice(context, "platform", result.Message)
            : await pages.RefusedAsync(context, result, "网站未保存", "platform");
    }

    private static async Task<IResult> SuspendAsync(string code, bool suspend, HttpContext context,
        BackOfficePages pages, PlatformAdministration platform)
    {
        var result = await platform.SetSuspendedAsync(await pages.StaffAsync(context), code, suspend,
            context.RequestAborted);
        return result.Succeeded
            ? pages.RedirectWithNotice(context, "platform", result.Message)
            : await pages.RefusedAsync(context, result, suspend ? "网站未暂停" : "网站未恢复", "platform");
    }

    private static async Task<IResult> DeleteAsync(string code, HttpContext context, IFormCollection form,
        BackOfficePages pages, PlatformAdministration platform)
    {
        var result = await platform.DeleteAsync(await pages.StaffAsync(context), code, Clip(form.Text("confirm"), 64),
            context.RequestAborted);
        return result.Succeeded
            ? pages.RedirectWithNotice(context, "platform", result.Message)
            : await pages.RefusedAsync(context, result, "网站未删除", "platform");
    }

    private static async Task<IResult> MourningAsync(HttpContext context, IFormCollection form,
        BackOfficePages pages, PlatformAdministration platform)
    {
        var text = Clip(form.Text("dates"), 8000);
        // The whole list is sent each time: a day left out is taken off, and an empty list clears them.
        var (dates, problem) = Settings.SiteSettingsAdministration.ParseMourningDates(text);
        if (problem is not null)
            return await PageAsync(context, pages, platform, NewSiteForm.Empty, null, null, text,
                problem + "设置未保存。", StatusCodes.Status400BadRequest);
        var result = await platform.SetMourningEverywhereAsync(await pages.StaffAsync(context), [.. dates],
            context.RequestAborted);
        return result.Succeeded
            ? pages.RedirectWithNotice(context, "platform", result.Message)
            : await pages.RefusedAsync(context, result, "设置未保存", "platform");
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;
}
