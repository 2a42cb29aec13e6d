using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Files;
using GovPortal.BackOffice.Forms;
using GovPortal.Content;

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

    private static Task<IResult> ListAsync(HttpContext context, BackOfficePages pages,
        ChannelAdministration channels) =>
        PageAsync(context, pages, channels, problem: null);

    private static async Task<IResult> PageAsync(HttpContext context, BackOfficePages pages,
        ChannelAdministration channels, Func<ChannelOverview, ChannelFormProblem>? problem)
    {
        var overview = await channels.OverviewAsync(context.RequestAborted);
        return await pages.RenderAsync<ChannelsPage, ChannelsPageModel>(new ChannelsPageModel(
            Shell: pages.ShellFor(context, "栏目管理"), Rows: overview.Rows, Parents: overview.Parents,
            Problem: problem?.Invoke(overview)),
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
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
        // Refused: the form again, as typed, with the reason.
        if (IsRefusal(result))
            return await PageAsync(context, pages, channels, _ => new ChannelFormProblem(null, result.Message,
                TypedNew: request));
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
            DisclosureRole: form.Text("disclosureRole"))
        {
            Type = form.Text("type"),
            ListStyle = form.Text("listStyle"),
            LinkUrl = form.Text("linkUrl"),
            TakesSubmissions = form.Bool("takesSubmissions"),
            Introduction = form.Text("introduction"),
            BannerAlt = form.Text("bannerAlt"),
            RemoveBanner = form.Bool("removeBanner"),
            NewBanner = await PictureUpload.ReadAsync(form, "banner", context.RequestAborted),
        };
        if (request.NewBanner is { TooLarge: true } tooLarge)
            return await pages.RefusedAsync(context, BackOfficeResult.Refused(tooLarge.TooLargeMessage("横幅图片")),
                "栏目未保存", "channels");
        var result = await channels.UpdateAsync(await pages.StaffAsync(context), id, request, context.RequestAborted);
        // Refused: the channel's settings open again, as typed, with the reason; a chosen picture must be chosen again.
        if (IsRefusal(result))
            return await PageAsync(context, pages, channels, overview =>
                new ChannelFormProblem(id, result.Message + (request.NewBanner is null ? "" : "请重新选择横幅图片。"),
                    Typed: Typed(overview.Rows.FirstOrDefault(r => r.Channel.Id == id)?.Channel, request)));
        return await AnswerAsync(context, pages, result);
    }

    private static bool IsRefusal(BackOfficeResult result) =>
        !result.Succeeded && !result.Forbidden && !result.NotFound && !result.Conflict;

    /// <summary>
    /// A copy of the channel with the settings as typed; a number that does not read as one keeps the saved value
    /// (the message names it).
    /// </summary>
    private static Channel? Typed(Channel? saved, ChannelSettingsForm form) => saved is null ? null : new Channel
    {
        Id = saved.Id, SiteId = saved.SiteId, Slug = saved.Slug, Name = form.Name, ParentId = form.ParentId,
        SortOrder = int.TryParse(form.SortOrder.Trim(), out var order) ? order : saved.SortOrder,
        ReviewLevels = form.ReviewLevels is >= 1 and <= 3 ? form.ReviewLevels : saved.ReviewLevels,
        UpdateFrequencyDays = int.TryParse(form.UpdateFrequencyDays.Trim(), out var days) ? days
            : form.UpdateFrequencyDays.Trim().Length == 0 ? null : saved.UpdateFrequencyDays,
        DisclosureRole = Enum.TryParse<ChannelDisclosureRole>(form.DisclosureRole, out var role) ? role
            : saved.DisclosureRole,
        Type = Enum.TryParse<ChannelType>(form.Type, out var type) ? type : saved.Type,
        ListStyle = Enum.TryParse<ListStyle>(form.ListStyle, out var style) ? style : saved.ListStyle,
        LinkUrl = form.LinkUrl, Introduction = form.Introduction, BannerAlt = form.BannerAlt,
        TakesSubmissions = form.TakesSubmissions,
        BannerImage = saved.BannerImage, BannerWidth = saved.BannerWidth, BannerHeight = saved.BannerHeight,
    };

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
