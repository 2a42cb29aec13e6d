using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Forms;
using GovPortal.Content.Disclosure;

namespace GovPortal.BackOffice.Disclosure;

/// <summary>
/// 信息公开设置 pages: read the form, ask <see cref="DisclosureAdministration"/>, show the outcome. A refused form
/// comes back with the reason above it and what was typed still in it.
/// </summary>
public static class DisclosureEndpoints
{
    public const string Page = "disclosure";

    public static void MapDisclosureSettings(this RouteGroupBuilder group)
    {
        group.MapGet($"/{Page}", ShowAsync).RequireAuthorization(StaffRoles.Administrator);
        group.MapPost($"/{Page}/pattern", (HttpContext context, IFormCollection form, BackOfficePages pages,
                DisclosureAdministration admin) => RunAsync(context, form, pages, admin, "pattern",
                staff => admin.SetIndexNumberPatternAsync(staff, form.Text("pattern"), context.RequestAborted)))
            .RequireAuthorization(StaffRoles.Administrator);
        group.MapPost($"/{Page}/organisations/new", (HttpContext context, IFormCollection form, BackOfficePages pages,
                DisclosureAdministration admin) => RunAsync(context, form, pages, admin, "organisation-new",
                staff => admin.AddOrganisationAsync(staff, OrganisationOf(form), context.RequestAborted)))
            .RequireAuthorization(StaffRoles.Administrator);
        group.MapPost($"/{Page}/organisations/{{id:int}}", (int id, HttpContext context, IFormCollection form,
                BackOfficePages pages, DisclosureAdministration admin) => RunAsync(context, form, pages, admin,
                $"organisation-{id}",
                staff => admin.UpdateOrganisationAsync(staff, id, OrganisationOf(form), context.RequestAborted)))
            .RequireAuthorization(StaffRoles.Administrator);
        group.MapPost($"/{Page}/organisations/{{id:int}}/delete", (int id, HttpContext context, IFormCollection form,
                BackOfficePages pages, DisclosureAdministration admin) => RunAsync(context, form, pages, admin,
                $"organisation-{id}", staff => admin.DeleteOrganisationAsync(staff, id, context.RequestAborted)))
            .RequireAuthorization(StaffRoles.Administrator);
        group.MapPost($"/{Page}/classifications/new", (HttpContext context, IFormCollection form,
                BackOfficePages pages, DisclosureAdministration admin) => RunAsync(context, form, pages, admin,
                $"classification-new-{form.Text("scheme")}",
                staff => Enum.TryParse<ClassificationScheme>(form.Text("scheme"), out var scheme)
                    && Enum.IsDefined(scheme)
                    ? admin.AddClassificationAsync(staff, scheme, form.Text("name"), context.RequestAborted)
                    : Task.FromResult(BackOfficeResult.Refused("请选择要添加到主题分类还是体裁分类。"))))
            .RequireAuthorization(StaffRoles.Administrator);
        group.MapPost($"/{Page}/classifications/{{id:int}}", (int id, HttpContext context, IFormCollection form,
                BackOfficePages pages, DisclosureAdministration admin) => RunAsync(context, form, pages, admin,
                $"classification-{id}", staff => admin.UpdateClassificationAsync(staff, id,
                    new ClassificationForm(form.Text("name"), form.Text("sortOrder"), form.Bool("active")),
                    context.RequestAborted)))
            .RequireAuthorization(StaffRoles.Administrator);
        group.MapPost($"/{Page}/classifications/{{id:int}}/delete", (int id, HttpContext context,
                IFormCollection form, BackOfficePages pages, DisclosureAdministration admin) => RunAsync(context, form,
                pages, admin, $"classification-{id}",
                staff => admin.DeleteClassificationAsync(staff, id, context.RequestAborted)))
            .RequireAuthorization(StaffRoles.Administrator);
    }

    private static OrganisationForm OrganisationOf(IFormCollection form) =>
        new(form.Text("name"), form.Text("creditCode"), form.Text("sortOrder"),
            // A new organisation is active; an existing one is as its box says.
            !form.ContainsKey("activeShown") || form.Bool("active"));

    private static async Task<IResult> ShowAsync(HttpContext context, BackOfficePages pages,
        DisclosureAdministration admin) =>
        await RenderAsync(context, pages, admin, failedForm: null, typed: null, error: null,
            StatusCodes.Status200OK);

    private static async Task<IResult> RunAsync(HttpContext context, IFormCollection form, BackOfficePages pages,
        DisclosureAdministration admin, string formKey, Func<Staff, Task<BackOfficeResult>> action)
    {
        var result = await action(await pages.StaffAsync(context));
        if (result.Succeeded) return pages.RedirectWithNotice(context, Page, result.Message);
        if (result.Forbidden || result.NotFound)
            return await pages.RefusedAsync(context, result, "信息公开设置未保存", Page);
        var typed = form.Keys.Where(k => !k.StartsWith("__", StringComparison.Ordinal))
            .ToDictionary(k => k, k => form.Text(k), StringComparer.Ordinal);
        return await RenderAsync(context, pages, admin, formKey, typed, result.Message,
            result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, BackOfficePages pages,
        DisclosureAdministration admin, string? failedForm, IReadOnlyDictionary<string, string>? typed,
        string? error, int status) =>
        await pages.RenderAsync<DisclosurePage, DisclosurePageModel>(new DisclosurePageModel(
            Shell: pages.ShellFor(context, "信息公开设置"),
            Overview: await admin.OverviewAsync(context.RequestAborted),
            FailedForm: failedForm,
            Typed: typed ?? new Dictionary<string, string>(),
            Error: error), status);
}

/// <summary>The 信息公开设置 page; after a refusal, the form that failed (<see cref="FailedForm"/>) shows
/// <see cref="Typed"/> instead of the stored values.</summary>
public sealed record DisclosurePageModel(Pages.Shell Shell, DisclosureOverview Overview, string? FailedForm,
    IReadOnlyDictionary<string, string> Typed, string? Error)
{
    public string Value(string form, string field, string stored) =>
        FailedForm == form ? Typed.GetValueOrDefault(field) ?? "" : stored;

    public bool Checked(string form, string stored) =>
        FailedForm == form ? Typed.GetValueOrDefault("active") == "1" : stored == "1";
}
