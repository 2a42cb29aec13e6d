using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Forms;
using GovPortal.Data;
using GovPortal.Publishing;
using GovPortal.Publishing.Rendering;
using GovPortal.Theme;

namespace GovPortal.BackOffice.HomeLayouts;

/// <summary>首页布局 pages: read the form, ask <see cref="HomeLayoutAdministration"/>, show the outcome.</summary>
public static class HomeLayoutEndpoints
{
    public static void MapHomeLayout(this RouteGroupBuilder group)
    {
        group.MapGet("/home-layout", ViewAsync).RequireAuthorization(StaffRoles.Administrator);
        group.MapGet("/home-layout/preview", PreviewAsync).RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/home-layout/blocks", async (HttpContext context, IFormCollection form, BackOfficePages pages,
            HomeLayoutAdministration layouts) =>
        {
            var typed = new HomeBlockForm(form.Text("kind"), form.Int("channelId"), form.Int("topicId"),
                form.Text("title"), form.Text("links"));
            var result = await layouts.AddAsync(await pages.StaffAsync(context), form.Text("stamp"), typed,
                context.RequestAborted);
            return await OutcomeAsync(context, pages, layouts, result, typed);
        }).RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/home-layout/blocks/{index:int}/move", async (int index, HttpContext context,
            IFormCollection form, BackOfficePages pages, HomeLayoutAdministration layouts) =>
            await OutcomeAsync(context, pages, layouts, await layouts.MoveAsync(await pages.StaffAsync(context),
                form.Text("stamp"), index, up: form.Text("direction") == "up", context.RequestAborted)))
            .RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/home-layout/blocks/{index:int}/delete", async (int index, HttpContext context,
            IFormCollection form, BackOfficePages pages, HomeLayoutAdministration layouts) =>
            await OutcomeAsync(context, pages, layouts, await layouts.RemoveAsync(await pages.StaffAsync(context),
                form.Text("stamp"), index, context.RequestAborted)))
            .RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/home-layout/publish", async (HttpContext context, IFormCollection form,
            BackOfficePages pages, HomeLayoutAdministration layouts) =>
            await OutcomeAsync(context, pages, layouts, await layouts.PublishAsync(await pages.StaffAsync(context),
                form.Text("stamp"), context.RequestAborted)))
            .RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/home-layout/discard", async (HttpContext context, IFormCollection form,
            BackOfficePages pages, HomeLayoutAdministration layouts) =>
            await OutcomeAsync(context, pages, layouts, await layouts.DiscardAsync(await pages.StaffAsync(context),
                form.Text("stamp"), context.RequestAborted)))
            .RequireAuthorization(StaffRoles.Administrator);
    }

    private static async Task<IResult> ViewAsync(HttpContext context, BackOfficePages pages,
        HomeLayoutAdministration layouts) =>
        await PageAsync(context, pages, layouts, error: null, typed: null);

    /// <summary>
    /// The home page as the draft would publish it, in the public theme, for staff only: rendered on request,
    /// never written to the output.
    /// </summary>
    private static async Task<IResult> PreviewAsync(HttpContext context, BackOfficePages pages,
        HomeLayoutAdministration layouts, DatabaseOptions database, ISitePublishers publishers, RazorPageRenderer razor,
        ThemeAssets assets, Content.Uploads.UploadStore uploads, Content.Kinds.ContentKinds kinds)
    {
        var blocks = await layouts.PreviewedAsync(context.RequestAborted);
        await using var db = database.CreateContext();
        var (site, tree) = await Publisher.LoadSiteAsync(db, publishers.Current().SiteCode, context.RequestAborted);
        var renderer = new SiteRenderer(site, tree, new DatabaseListingSource(db, tree, site.Id), razor, assets,
            uploads, kinds);
        var banner = new PreviewBanner("预览：首页布局草稿。此页面只有后台人员可见，发布布局后首页才会改变。",
            pages.Url("home-layout"), "返回首页布局");
        var html = await renderer.RenderHomePreviewAsync(blocks, banner);
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> OutcomeAsync(HttpContext context, BackOfficePages pages,
        HomeLayoutAdministration layouts, BackOfficeResult result, HomeBlockForm? typed = null)
    {
        if (result.Succeeded) return pages.RedirectWithNotice(context, "home-layout", result.Message);
        if (result.Forbidden) return await pages.RefusedAsync(context, result, "首页布局未修改", "home-layout");
        // The page again, with the reason and, for a block being added, everything typed.
        return await PageAsync(context, pages, layouts, result.Message, typed,
            result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> PageAsync(HttpContext context, BackOfficePages pages,
        HomeLayoutAdministration layouts, string? error, HomeBlockForm? typed,
        int statusCode = StatusCodes.Status200OK) =>
        await pages.RenderAsync<HomeLayoutPage, HomeLayoutPageModel>(new HomeLayoutPageModel(
            Shell: pages.ShellFor(context, "首页布局"), View: await layouts.ViewAsync(context.RequestAborted),
            Error: error, Typed: typed ?? new HomeBlockForm("Channel", 0, 0, "", "")), statusCode);
}

public sealed record HomeLayoutPageModel(Pages.Shell Shell, HomeLayoutView View, string? Error, HomeBlockForm Typed);
