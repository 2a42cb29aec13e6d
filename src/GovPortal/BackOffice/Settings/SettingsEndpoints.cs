using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Files;
using GovPortal.BackOffice.Forms;
using GovPortal.Content;

namespace GovPortal.BackOffice.Settings;

/// <summary>设置 pages: read the form, ask <see cref="SiteSettingsAdministration"/>, show the outcome.</summary>
public static class SettingsEndpoints
{
    public static void MapSettings(this RouteGroupBuilder group)
    {
        group.MapGet("/settings", ViewAsync).RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/settings/mourning", SetMourningAsync).RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/settings/site", SetSiteFactsAsync).RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/settings/logo", SetLogoAsync).RequireAuthorization(StaffRoles.Administrator).AcceptsUploads();
        group.MapGet("/settings/statements/{key}", StatementAsync).RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/settings/statements/{key}", SaveStatementAsync).RequireAuthorization(StaffRoles.Administrator);
    }

    private static async Task<IResult> StatementAsync(string key, HttpContext context, BackOfficePages pages,
        SiteStatementAdministration statements)
    {
        if (SiteStatements.Find(key) is not { } kind)
            return await pages.MessageAsync(context, "找不到声明", "没有这个网站声明。", StatusCodes.Status404NotFound,
                pages.Url("settings"));
        var view = (await statements.AllAsync(context.RequestAborted)).Single(s => s.Kind == kind);
        return await StatementPageAsync(context, pages, view, view.BodyHtml, error: null);
    }

    private static async Task<IResult> SaveStatementAsync(string key, HttpContext context, IFormCollection form,
        BackOfficePages pages, SiteStatementAdministration statements)
    {
        if (SiteStatements.Find(key) is not { } kind)
            return await pages.MessageAsync(context, "找不到声明", "没有这个网站声明。", StatusCodes.Status404NotFound,
                pages.Url("settings"));
        var actor = await pages.StaffAsync(context);
        var typed = form.Text("bodyHtml");
        var result = await statements.SaveAsync(actor, kind, typed, restoreDefault: form.Bool("restore"),
            context.RequestAborted);
        if (result.Succeeded) return pages.RedirectWithNotice(context, "settings#statements", result.Message);
        if (result.Forbidden) return await pages.RefusedAsync(context, result, "网站声明未保存", "settings");
        // What was typed comes back with the reason, never lost.
        var view = (await statements.AllAsync(context.RequestAborted)).Single(s => s.Kind == kind);
        return await StatementPageAsync(context, pages, view, typed, result.Message,
            StatusCodes.Status400BadRequest);
    }

    private static Task<IResult> StatementPageAsync(HttpContext context, BackOfficePages pages, StatementView view,
        string bodyHtml, string? error, int statusCode = StatusCodes.Status200OK) =>
        pages.RenderAsync<StatementEditPage, StatementEditPageModel>(new StatementEditPageModel(
            Shell: pages.ShellFor(context, $"网站声明：{view.Kind.Title}"), View: view, BodyHtml: bodyHtml,
            Error: error, EditorInstalled: BackOfficeAssets.EditorInstalled), statusCode);

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

    private static async Task<IResult> SetLogoAsync(HttpContext context, IFormCollection form,
        BackOfficePages pages, SiteSettingsAdministration settings)
    {
        var upload = await PictureUpload.ReadAsync(form, "logo", context.RequestAborted);
        var result = await settings.SetLogoAsync(await pages.StaffAsync(context), upload, form.Bool("removeLogo"),
            context.RequestAborted);
        return result.Succeeded
            ? pages.RedirectWithNotice(context, "settings#logo", result.Message)
            : await pages.RefusedAsync(context, result, "网站标志未保存", "settings");
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

    private static async Task<IResult> PageAsync(HttpContext context, BackOfficePages pages, string mourningDates,
        string? error, IReadOnlyDictionary<string, string> siteFacts, int statusCode = StatusCodes.Status200OK,
        SiteFactsProblem? problem = null) =>
        await pages.RenderAsync<SettingsPage, SettingsPageModel>(new SettingsPageModel(
            Shell: pages.ShellFor(context, "设置"), MourningDates: mourningDates, Error: error, SiteFacts: siteFacts,
            Statements: await context.RequestServices.GetRequiredService<SiteStatementAdministration>()
                .AllAsync(context.RequestAborted),
            SiteFactsProblem: problem,
            Logo: await context.RequestServices.GetRequiredService<SiteSettingsAdministration>()
                .LogoAsync(context.RequestAborted)), statusCode);
}

/// <summary>Why the 网站信息 form was refused, and the field at fault (null when it is no one field).</summary>
public sealed record SiteFactsProblem(string? Field, string Message);

public sealed record SettingsPageModel(Pages.Shell Shell, string MourningDates, string? Error,
    IReadOnlyDictionary<string, string> SiteFacts, IReadOnlyList<StatementView> Statements,
    SiteFactsProblem? SiteFactsProblem = null, LogoView? Logo = null);

/// <summary>The site's 标志 as the settings page shows it: its public address and size.</summary>
public sealed record LogoView(string Url, int Width, int Height);

public sealed record StatementEditPageModel(Pages.Shell Shell, StatementView View, string BodyHtml, string? Error,
    bool EditorInstalled);
