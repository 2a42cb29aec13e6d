using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.Accounts;

/// <summary>安全策略 page of the 安全管理员: read the form, ask <see cref="SecurityPolicyAdministration"/>.</summary>
public static class SecurityPolicyEndpoints
{
    public static void MapSecurityPolicy(this RouteGroupBuilder group)
    {
        group.MapGet("/security-policy", ViewAsync).RequireAuthorization(Platform.PlatformPolicies.SecurityPolicy);
        group.MapPost("/security-policy", SaveAsync).RequireAuthorization(Platform.PlatformPolicies.SecurityPolicy);
    }

    private static async Task<IResult> ViewAsync(HttpContext context, BackOfficePages pages, SecurityPolicyStore store)
    {
        var policy = await store.GetAsync(context.RequestAborted);
        return await PageAsync(context, pages, new SecurityPolicyForm(policy.RequireTwoFactorForEveryone,
            Text(policy.PasswordExpiryDays), Text(policy.PasswordHistory)), error: null);
    }

    private static async Task<IResult> SaveAsync(HttpContext context, IFormCollection form, BackOfficePages pages,
        SecurityPolicyAdministration administration)
    {
        var request = new SecurityPolicyForm(RequireTwoFactorForEveryone: form.Bool("twoFactorForEveryone"),
            PasswordExpiryDays: Clip(form.Text("expiryDays")), PasswordHistory: Clip(form.Text("history")));
        var result = await administration.SaveAsync(await pages.StaffAsync(context), request, context.RequestAborted);
        if (result.Succeeded) return pages.RedirectWithNotice(context, "security-policy", result.Message);
        if (result.Forbidden) return await pages.RefusedAsync(context, result, "安全策略未保存", "security-policy");
        // What was typed comes back with the reason.
        return await PageAsync(context, pages, request, result.Message, StatusCodes.Status400BadRequest);
    }

    private static Task<IResult> PageAsync(HttpContext context, BackOfficePages pages, SecurityPolicyForm form,
        string? error, int statusCode = StatusCodes.Status200OK) =>
        pages.RenderAsync<SecurityPolicyPage, SecurityPolicyPageModel>(new SecurityPolicyPageModel(
            Shell: pages.ShellFor(context, "安全策略"), Form: form, Error: error), statusCode);

    private static string Text(int value) => value == 0 ? "" : value.ToString(System.Globalization.CultureInfo
        .InvariantCulture);

    private static string Clip(string text) => text.Length > 20 ? text[..20] : text;
}

public sealed record SecurityPolicyPageModel(Pages.Shell Shell, SecurityPolicyForm Form, string? Error);
