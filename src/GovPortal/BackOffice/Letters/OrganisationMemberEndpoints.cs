using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.Letters;

public sealed record OrganisationMembersPageModel(Pages.Shell Shell, IReadOnlyList<OrganisationMembersRow> Rows,
    IReadOnlyList<AccountChoice> Accounts, string? Error = null, int? ErrorOrganisation = null);

/// <summary>/admin/organisation-members: the system administrator sets each organisation's 承办人 and 审核人.</summary>
public static class OrganisationMemberEndpoints
{
    public const string Path = "organisation-members";

    public static void MapOrganisationMembers(this RouteGroupBuilder group)
    {
        group.MapGet("/" + Path, async (HttpContext context, BackOfficePages pages, OrganisationMembers members) =>
            await PageAsync(context, pages, members, null, null, StatusCodes.Status200OK))
            .RequireAuthorization(StaffRoles.Administrator);
        group.MapPost("/" + Path, async (HttpContext context, IFormCollection form, BackOfficePages pages,
            OrganisationMembers members) =>
        {
            var organisationId = form.Int("organisationId");
            var result = await members.AddAsync(await pages.StaffAsync(context), organisationId, form.Text("userId"),
                form.Text("duty"), context.RequestAborted);
            return result.Succeeded ? pages.RedirectWithNotice(context, Path, result.Message)
                : await PageAsync(context, pages, members, result.Message, organisationId,
                    StatusCodes.Status400BadRequest);
        }).RequireAuthorization(StaffRoles.Administrator);
        // The form is bound, though it carries only the token, so that the post is checked against forgery.
        group.MapPost("/" + Path + "/{id:int}/remove", async (int id, HttpContext context, IFormCollection form,
            BackOfficePages pages, OrganisationMembers members) =>
        {
            var result = await members.RemoveAsync(await pages.StaffAsync(context), id, context.RequestAborted);
            return result.Succeeded ? pages.RedirectWithNotice(context, Path, result.Message)
                : await pages.RefusedAsync(context, result, "职责未取消", Path);
        }).RequireAuthorization(StaffRoles.Administrator);
    }

    private static async Task<IResult> PageAsync(HttpContext context, BackOfficePages pages,
        OrganisationMembers members, string? error, int? organisationId, int status)
    {
        var (rows, accounts) = await members.ListAsync(context.RequestAborted);
        return await pages.RenderAsync<OrganisationMembersPage, OrganisationMembersPageModel>(
            new OrganisationMembersPageModel(pages.ShellFor(context, "承办人和审核人"), rows, accounts, error,
                organisationId), status);
    }
}
