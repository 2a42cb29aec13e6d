using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Files;
using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.Channels;

/// <summary>栏目管理 pages: read the form, ask <see cref="ChannelAdministration"/>, show the outcome.</summary>
public static class ChannelEndpoints
{
    public static void MapChannels(this RouteGroupBuilder group)
    {
        group.MapGet("/channels", ListAsync).RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/channels/new", CreateAsync).RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/channels/{id:int}", UpdateAsync).RequireAuthorization(StaffRoles.Administrator)
            .AcceptsUploads();
        group.MapPost("/channels/{id:int}/delete", DeleteAsync).RequireAuthorization(StaffRoles.Administrator);
    }

    private static async Task<IResult> ListAsync(HttpContext context, BackOfficePages pages,
        ChannelAdministration channels)
    {
        var overview = await channels.OverviewAsync(context.RequestAborted);
        return await pages.RenderAsync<ChannelsPage, ChannelsPageModel>(new ChannelsPageModel(
            Shell: pages.ShellFor(context, "栏目管理"), Rows: overview.Rows, Parents: overview.Parents));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IFormCollection form, BackOfficePages pages,
        ChannelAdministration channels)
    {
        var request = new NewChannelForm(
            Name: form.Text("name"),
            Slug: form.Text("slug"),
            ParentId: form.OptionalId("parentId"),
            Type: form.Text("type"),
            LinkUrl: form.Text("linkUrl"));
        var result = await channels.CreateAsync(await pages.StaffAsync(context), request, context.RequestAborted);
        return await AnswerAsync(context, pages, result);
    }

    private static async Task<IResult> UpdateAsync(int id, HttpContext context, IFormCollection form,
        BackOfficePages pages, ChannelAdministration channels)
    {
        var request = new ChannelSettingsForm(
            Name: form.Text("name"),
            ParentId: form.OptionalId("parentId"),
            SortOrder: form.Text("sortOrder"),
            ReviewLevels: form.Int("reviewLevels"),
            UpdateFrequencyDays: form.Text("updateFrequencyDays"),
            ShowOnHome: form.Bool("showOnHome"),
            DisclosureRole: form.Text("disclosureRole"))
        {
            Type = form.Text("type"),
            ListStyle = form.Text("listStyle"),
            LinkUrl = form.Text("linkUrl"),
            Introduction = form.Text("introduction"),
            BannerAlt = form.Text("bannerAlt"),
            RemoveBanner = form.Bool("removeBanner"),
            NewBanner = await PictureUpload.ReadAsync(form, "banner", context.RequestAborted),
        };
        if (request.NewBanner is { TooLarge: true } tooLarge)
            return await pages.RefusedAsync(context, BackOfficeResult.Refused(tooLarge.TooLargeMessage("横幅图片")),
                "栏目未保存", "channels");
        var result = await channels.UpdateAsync(await pages.StaffAsync(context), id, request, context.RequestAborted);
        return await AnswerAsync(context, pages, result);
    }

    // The form binds (unused) so that ASP.NET Core checks its antiforgery token.
    private static async Task<IResult> DeleteAsync(int id, HttpContext context, IFormCollection _,
        BackOfficePages pages, ChannelAdministration channels)
    {
        var result = await channels.DeleteAsync(await pages.StaffAsync(context), id, context.RequestAborted);
        return await AnswerAsync(context, pages, result);
    }

    /// <summary>Done: back to the channel page with the message (the site is republished). Refused: why.</summary>
    private static async Task<IResult> AnswerAsync(HttpContext context, BackOfficePages pages,
        BackOfficeResult result) =>
        result.Succeeded
            ? pages.RedirectWithNotice(context, "channels", result.Message)
            : await pages.RefusedAsync(context, result, result.NotFound ? "找不到栏目" : "栏目未保存", "channels");
}
