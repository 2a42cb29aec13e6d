using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.Settings;

/// <summary>设置 pages: read the form, ask <see cref="SiteSettingsAdministration"/>, show the outcome.</summary>
public static class SettingsEndpoints
{
    public static void MapSettings(this RouteGroupBuilder group)
    {
        group.MapGet("/settings", async (HttpContext context, BackOfficePages pages, SiteSettingsAdministration settings) =>
            await pages.RenderAsync<SettingsPage, SettingsPageModel>(new SettingsPageModel(
                Shell: pages.ShellFor(context, "设置"), MourningDates: settings.MourningDatesText(), Error: null))
        ).RequireAuthorization(StaffRoles.Administrator);

        group.MapPost("/settings/mourning",
            async (HttpContext context, IFormCollection form, BackOfficePages pages, SiteSettingsAdministration settings) =>
            {
                var text = form.Text("dates");
                var result = await settings.SetMourningDatesAsync(await pages.StaffAsync(context), text, context.RequestAborted);
                if (result.Succeeded) return pages.RedirectWithNotice(context, "settings", result.Message);
                if (result.Forbidden) return await pages.RefusedAsync(context, result, "设置未保存", "settings");
                // The dates come back as typed, with the reason.
                return await pages.RenderAsync<SettingsPage, SettingsPageModel>(new SettingsPageModel(
                    Shell: pages.ShellFor(context, "设置"), MourningDates: text, Error: result.Message),
                    StatusCodes.Status400BadRequest);
            }).RequireAuthorization(StaffRoles.Administrator);
    }
}

public sealed record SettingsPageModel(Pages.Shell Shell, string MourningDates, string? Error);
