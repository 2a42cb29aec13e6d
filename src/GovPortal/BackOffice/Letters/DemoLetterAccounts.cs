using GovPortal.BackOffice.Accounts;
using GovPortal.Content.Organisations;
using GovPortal.Data;
using GovPortal.Data.Demo;
using GovPortal.Interaction.Letters;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Letters;

/// <summary>
/// The demo's 承办人 and 审核人 of the 司法局, made once after the first administrator (an account made before it
/// would stop the first administrator from being created). They have no password: nobody can sign in with them until
/// a system administrator sets one on the accounts page, so a demo installation has no known password.
/// </summary>
public sealed class DemoLetterAccounts(IServiceScopeFactory scopes, DatabaseOptions database)
{
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        int? justice;
        await using (var db = database.CreateContext())
        {
            // Only on the demo site, whose letters name these accounts.
            if (!await db.Mailboxes.AnyAsync(m => m.Code == DemoLetterSeeder.MailboxCode, cancellationToken)) return;
            justice = await db.Organisations.Where(o => o.CreditCode == DemoDisclosureSeeder.JusticeBureauCode)
                .Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
            if (justice is null) return;
            if (!await db.Letters.AnyAsync(l => l.DraftedBy == DemoLetterSeeder.HandlerName, cancellationToken))
                return;
        }
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        await CreateAsync(users, DemoLetterSeeder.HandlerName, "司法局承办人（演示）", OrganisationDuties.Handler,
            justice.Value, cancellationToken);
        await CreateAsync(users, DemoLetterSeeder.ReviewerName, "司法局审核人（演示）", OrganisationDuties.Reviewer,
            justice.Value, cancellationToken);
    }

    private async Task CreateAsync(UserManager<StaffUser> users, string userName, string displayName, string duty,
        int organisationId, CancellationToken cancellationToken)
    {
        // Made once: an account that exists (perhaps disabled by an administrator) is left as it is.
        if (await users.FindByNameAsync(userName) is not null) return;
        var user = new StaffUser { UserName = userName, DisplayName = displayName, MustChangePassword = true };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return;
        await using var db = database.CreateContext();
        db.OrganisationMembers.Add(new OrganisationMember
        {
            OrganisationId = organisationId, UserId = user.Id, Duty = duty,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
