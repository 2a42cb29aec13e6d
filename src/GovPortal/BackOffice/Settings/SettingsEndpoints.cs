using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.Settings;

/// <summary>设置 pages: read the form, ask <see cref="SiteSettingsAdministration"/>, show the outcome.</summary>
public static class SettingsEndpoints
{
    public static void MapSettings(this RouteGroupBuilder group)
    {
        group.MapGet("/settings", ViewAsync).RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/settings/mourning", SetMourningAsync).RequireAuthorization(StaffRoles.Administrator);
    }

    private static Task<IResult> ViewAsync(HttpContext context, BackOfficePages pages,
        SiteSettingsAdministration settings) =>
        PageAsync(context, pages, mourningDates: settings.MourningDatesText(), error: null);

    private static async Task<IResult> SetMourningAsync(HttpContext context, IFormCollection form,
        BackOfficePages pages, SiteSettingsAdministration settings)
    {
        var text = form.Text("dates");
        var actor = await pages.StaffAsync(context);
        var result = await settings.SetMourningDatesAsync(actor, text, context.RequestAborted);
        if (result.Succeeded) return pages.RedirectWithNotice(context, "settings", result.Message);
        if (result.Forbidden) return await pages.RefusedAsync(context, result, "设置未保存", "settings");
        // The dates come back as typed, with the reason.
        return await PageAsync(context, pages, mourningDates: text, error: result.Message,
            StatusCodes.Status400BadRequest);
    }

    private static Task<IResult> PageAsync(HttpContext context, BackOfficePages pages, string mourningDates,
        string? error, int statusCode = StatusCodes.Status200OK) =>
        pages.RenderAsync<SettingsPage, SettingsPageModel>(new SettingsPageModel(
            Shell: pages.ShellFor(context, "设置"), MourningDates: mourningDates, Error: error), statusCode);
}

public sealed record SettingsPageModel(Pages.Shell Shell, string MourningDates, string? Error);
