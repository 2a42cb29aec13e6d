using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.Accounts;

/// <summary>账号管理 pages: read the form, ask <see cref="AccountAdministration"/>, show the outcome.</summary>
public static class AccountEndpoints
{
    public static void MapAccounts(this RouteGroupBuilder group)
    {
        const string administrator = StaffRoles.Administrator, viewers = ViewPolicy;
        group.MapGet("/accounts", ListAsync).RequireAuthorization(viewers);
        group.MapPost("/accounts/new", CreateAsync).RequireAuthorization(administrator);
        group.MapGet("/accounts/{id}", ViewAsync).RequireAuthorization(viewers);
        group.MapPost("/accounts/{id}", UpdateAsync).RequireAuthorization(administrator);
        group.MapPost("/accounts/{id}/roles", SetRolesAsync).RequireAuthorization(StaffRoles.SecurityAdministrator);
        group.MapPost("/accounts/{id}/reset-password", ResetPasswordAsync).RequireAuthorization(administrator);
        group.MapPost("/accounts/{id}/unlock", UnlockAsync).RequireAuthorization(administrator);
        group.MapSecurityPolicy();
    }

    /// <summary>The account list and pages: the 系统管理员 and the 安全管理员 each act on their part of them.</summary>
    public const string ViewPolicy = "AccountViewers";

    private static Task<IResult> ListAsync(HttpContext context, BackOfficePages pages,
        AccountAdministration accounts) =>
        ListPageAsync(context, pages, accounts, secret: null);

    private static async Task<IResult> CreateAsync(HttpContext context, IFormCollection form, BackOfficePages pages,
        AccountAdministration accounts)
    {
        var request = new NewAccountForm(
            UserName: form.Text("userName"),
            DisplayName: form.Text("displayName"),
            Roles: form.Texts("role"),
            ChannelIds: form.Ints("channel"));
        var result = await accounts.CreateAsync(await pages.StaffAsync(context), request, context.RequestAborted);
        // The message holds the temporary password: shown on this page once, never put in the notice cookie.
        return result.Succeeded
            ? await ListPageAsync(context, pages, accounts, secret: result.Message)
            : await RefusedAsync(context, pages, result);
    }

    private static Task<IResult> ViewAsync(string id, HttpContext context, BackOfficePages pages,
        AccountAdministration accounts) =>
        AccountPageAsync(context, pages, accounts, id, secret: null);

    private static async Task<IResult> UpdateAsync(string id, HttpContext context, IFormCollection form,
        BackOfficePages pages, AccountAdministration accounts)
    {
        var request = new AccountSettingsForm(DisplayName: form.Text("displayName"), Disabled: form.Bool("disabled"));
        var result = await accounts.UpdateAsync(await pages.StaffAsync(context), id, request, context.RequestAborted);
        return result.Succeeded
            ? pages.RedirectWithNotice(context, $"accounts/{id}", result.Message)
            : await RefusedAsync(context, pages, result);
    }

    private static async Task<IResult> SetRolesAsync(string id, HttpContext context, IFormCollection form,
        BackOfficePages pages, AccountAdministration accounts)
    {
        var request = new AccountRolesForm(Roles: form.Texts("role"), ChannelIds: form.Ints("channel"));
        var result = await accounts.SetRolesAsync(await pages.StaffAsync(context), id, request,
            context.RequestAborted);
        return result.Succeeded
            ? pages.RedirectWithNotice(context, $"accounts/{id}", result.Message)
            : await RefusedAsync(context, pages, result);
    }

    // The forms below bind (unused) so that ASP.NET Core checks their antiforgery token.
    private static async Task<IResult> ResetPasswordAsync(string id, HttpContext context, IFormCollection _,
        BackOfficePages pages, AccountAdministration accounts)
    {
        var result = await accounts.ResetPasswordAsync(await pages.StaffAsync(context), id, context.RequestAborted);
        // The message holds the temporary password: shown on this page once, never put in the notice cookie.
        return result.Succeeded
            ? await AccountPageAsync(context, pages, accounts, id, secret: result.Message)
            : await RefusedAsync(context, pages, result);
    }

    private static async Task<IResult> UnlockAsync(string id, HttpContext context, IFormCollection _,
        BackOfficePages pages, AccountAdministration accounts)
    {
        var result = await accounts.UnlockAsync(await pages.StaffAsync(context), id, context.RequestAborted);
        return result.Succeeded
            ? pages.RedirectWithNotice(context, $"accounts/{id}", result.Message)
            : await RefusedAsync(context, pages, result);
    }

    private static async Task<IResult> ListPageAsync(HttpContext context, BackOfficePages pages,
        AccountAdministration accounts, string? secret)
    {
        var list = await accounts.ListAsync(context.RequestAborted);
        return await pages.RenderAsync<AccountsPage, AccountsPageModel>(new AccountsPageModel(
            Shell: pages.ShellFor(context, "账号管理"), Rows: list.Rows, BootstrapRoles: list.BootstrapRoles,
            Secret: secret));
    }

    private static async Task<IResult> AccountPageAsync(HttpContext context, BackOfficePages pages,
        AccountAdministration accounts, string id, string? secret)
    {
        if (await accounts.DetailAsync(id, context.RequestAborted) is not { } account)
            return await RefusedAsync(context, pages, BackOfficeResult.Missing("找不到这个账号。"));
        return await pages.RenderAsync<AccountEditPage, AccountEditPageModel>(new AccountEditPageModel(
            Shell: pages.ShellFor(context, $"账号 {account.User.UserName}"),
            User: account.User,
            Roles: account.Roles,
            Channels: account.Channels,
            AllChannels: account.AllChannels,
            LockedOut: account.LockedOut,
            Secret: secret));
    }

    private static Task<IResult> RefusedAsync(HttpContext context, BackOfficePages pages, BackOfficeResult result) =>
        pages.RefusedAsync(context, result, result.NotFound ? "找不到账号" : "账号未保存", "accounts");
}
