using System.Security.Claims;
using GovPortal.BackOffice.Accounts;
using GovPortal.Content.Organisations;
using GovPortal.Data;
using GovPortal.Interaction.Letters;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Letters;

/// <summary>
/// The signed-in person as the letters' office sees them: the 信箱管理员 (dispatcher) sees and routes every letter;
/// an organisation's 承办人 and 审核人 see the letters assigned to their organisation; a system administrator may
/// look at the lists with the citizens' data masked, to oversee the deadlines, and does nothing else.
/// </summary>
public sealed record LetterStaff(Staff Staff, string UserId, IReadOnlySet<int> HandlerOf, IReadOnlySet<int> ReviewerOf)
{
    public bool IsDispatcher => Staff.Is(StaffRoles.Mailbox);
    public bool IsOverseer => Staff.Is(StaffRoles.Administrator);
    public bool HasDuties => HandlerOf.Count > 0 || ReviewerOf.Count > 0;

    /// <summary>Whether the person may open the letters' pages at all.</summary>
    public bool MayOpen => IsDispatcher || IsOverseer || HasDuties;

    public bool IsMemberOf(int? organisationId) =>
        organisationId is { } id && (HandlerOf.Contains(id) || ReviewerOf.Contains(id));

    /// <summary>The citizen's words and details in clear: the dispatcher, and the assigned organisation's members.
    /// </summary>
    public bool MayRead(Letter letter) => IsDispatcher || IsMemberOf(letter.OrganisationId);

    /// <summary>The letter at all (masked when not <see cref="MayRead"/>); held letters are the dispatcher's alone.
    /// </summary>
    public bool MaySee(Letter letter) =>
        MayRead(letter) || (IsOverseer && letter.Status is not LetterStatus.Screening);

    public bool Handles(Letter letter) => letter.OrganisationId is { } id && HandlerOf.Contains(id);

    public bool Reviews(Letter letter) => letter.OrganisationId is { } id && ReviewerOf.Contains(id);

    public static async Task<LetterStaff> LoadAsync(Staff staff, ClaimsPrincipal user, GovPortalDbContext db,
        int siteId, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var duties = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Organisations.Where(o => o.SiteId == siteId), m => m.OrganisationId, o => o.Id,
                (m, o) => new { m.OrganisationId, m.Duty })
            .ToListAsync(cancellationToken);
        return new LetterStaff(staff, userId,
            duties.Where(d => d.Duty == OrganisationDuties.Handler).Select(d => d.OrganisationId).ToHashSet(),
            duties.Where(d => d.Duty == OrganisationDuties.Reviewer).Select(d => d.OrganisationId).ToHashSet());
    }
}
