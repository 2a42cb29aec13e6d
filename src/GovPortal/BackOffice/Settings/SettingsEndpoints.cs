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
        group.MapPost("/settings/site", SetSiteFactsAsync).RequireAuthorization(StaffRoles.Administrator);
    }

    private static async Task<IResult> ViewAsync(HttpContext context, BackOfficePages pages,
        SiteSettingsAdministration settings) =>
        await PageAsync(context, pages, mourningDates: settings.MourningDatesText(), error: null,
            await settings.SiteFactsAsync(context.RequestAborted));

    private static async Task<IResult> SetSiteFactsAsync(HttpContext context, IFormCollection form,
        BackOfficePages pages, SiteSettingsAdministration settings)
    {
        var typed = SiteFacts.All.ToDictionary(f => f.Name, f => form.Text(f.Name), StringComparer.Ordinal);
        var actor = await pages.StaffAsync(context);
        var (result, field) = await settings.SetSiteFactsAsync(actor, typed, context.RequestAborted);
        if (result.Succeeded) return pages.RedirectWithNotice(context, "settings", result.Message);
        if (result.Forbidden) return await pages.RefusedAsync(context, result, "设置未保存", "settings");
        // Everything typed comes back, with the rule beside the field at fault.
        return await PageAsync(context, pages, settings.MourningDatesText(), error: null, typed,
            StatusCodes.Status400BadRequest, new SiteFactsProblem(field, result.Message));
    }

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
            await settings.SiteFactsAsync(context.RequestAborted), StatusCodes.Status400BadRequest);
    }

    private static Task<IResult> PageAsync(HttpContext context, BackOfficePages pages, string mourningDates,
        string? error, IReadOnlyDictionary<string, string> siteFacts, int statusCode = StatusCodes.Status200OK,
        SiteFactsProblem? problem = null) =>
        pages.RenderAsync<SettingsPage, SettingsPageModel>(new SettingsPageModel(
            Shell: pages.ShellFor(context, "设置"), MourningDates: mourningDates, Error: error, SiteFacts: siteFacts,
            SiteFactsProblem: problem), statusCode);
}

/// <summary>Why the 网站信息 form was refused, and the field at fault (null when it is no one field).</summary>
public sealed record SiteFactsProblem(string? Field, string Message);

public sealed record SettingsPageModel(Pages.Shell Shell, string MourningDates, string? Error,
    IReadOnlyDictionary<string, string> SiteFacts, SiteFactsProblem? SiteFactsProblem = null);
