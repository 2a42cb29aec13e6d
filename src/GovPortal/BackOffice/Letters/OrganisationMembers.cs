using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content.Organisations;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Letters;

public sealed record MemberRow(int Id, string UserName, string DisplayName, string Duty, bool Disabled);

public sealed record OrganisationMembersRow(Organisation Organisation, IReadOnlyList<MemberRow> Members);

public sealed record AccountChoice(string Id, string UserName, string DisplayName);

/// <summary>
/// Who answers letters for each organisation: its 承办人 (draft replies) and 审核人 (approve them). Set by the
/// system administrator, like roles: a duty opens the citizens' letters assigned to the organisation, so it is
/// granted by whoever grants access, not by the 信箱管理员 who routes the letters.
/// </summary>
public sealed class OrganisationMembers(DatabaseOptions database, LetterOffice office, AuditLog audit)
{
    public async Task<(IReadOnlyList<OrganisationMembersRow> Rows, IReadOnlyList<AccountChoice> Accounts)> ListAsync(
        CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var siteId = await office.SiteIdAsync(db, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.SiteId == siteId)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        var ids = organisations.Select(o => o.Id).ToList();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var byId = users.ToDictionary(u => u.Id);
        var members = await db.OrganisationMembers.AsNoTracking().Where(m => ids.Contains(m.OrganisationId))
            .OrderBy(m => m.Duty).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var rows = organisations.Select(o => new OrganisationMembersRow(o, members
            .Where(m => m.OrganisationId == o.Id && byId.ContainsKey(m.UserId))
            .Select(m => new MemberRow(m.Id, byId[m.UserId].UserName ?? "", byId[m.UserId].DisplayName, m.Duty,
                byId[m.UserId].IsDisabled))
            .ToList())).ToList();
        var accounts = users.Where(u => !u.IsDisabled)
            .Select(u => new AccountChoice(u.Id, u.UserName ?? "", u.DisplayName)).ToList();
        return (rows, accounts);
    }

    public async Task<BackOfficeResult> AddAsync(Staff staff, int organisationId, string userId, string duty,
        CancellationToken cancellationToken)
    {
        if (!staff.Is(StaffRoles.Administrator))
            return BackOfficeResult.NotAllowed("只有系统管理员可以设置单位的承办人和审核人。");
        if (!OrganisationDuties.All.Contains(duty)) return BackOfficeResult.Refused("请选择职责（承办人或审核人）。");
        await using var db = database.CreateContext();
        var siteId = await office.SiteIdAsync(db, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == organisationId && o.SiteId == siteId, cancellationToken);
        if (organisation is null) return BackOfficeResult.Refused("请选择单位。");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return BackOfficeResult.Refused("请选择账号。");
        if (user.IsDisabled) return BackOfficeResult.Refused("这个账号已停用，不能担任承办人或审核人。");
        if (await db.OrganisationMembers.AnyAsync(
                m => m.OrganisationId == organisationId && m.UserId == userId && m.Duty == duty, cancellationToken))
            return BackOfficeResult.Refused(
                $"{user.DisplayName}（{user.UserName}）已经是{organisation.Name}的{OrganisationDuties.Label(duty)}。");
        db.OrganisationMembers.Add(new OrganisationMember
        {
            OrganisationId = organisationId, UserId = userId, Duty = duty,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(staff.UserName, staff.IpAddress, "单位职责.设置", user.UserName ?? "",
            $"{organisation.Name}：{OrganisationDuties.Label(duty)}", cancellationToken);
        return BackOfficeResult.Done($"已设置 {user.DisplayName} 为{organisation.Name}的{OrganisationDuties.Label(duty)}。");
    }

    public async Task<BackOfficeResult> RemoveAsync(Staff staff, int memberId, CancellationToken cancellationToken)
    {
        if (!staff.Is(StaffRoles.Administrator))
            return BackOfficeResult.NotAllowed("只有系统管理员可以设置单位的承办人和审核人。");
        await using var db = database.CreateContext();
        var siteId = await office.SiteIdAsync(db, cancellationToken);
        var member = await db.OrganisationMembers
            .Join(db.Organisations.Where(o => o.SiteId == siteId), m => m.OrganisationId, o => o.Id,
                (m, o) => new { Member = m, o.Name })
            .FirstOrDefaultAsync(x => x.Member.Id == memberId, cancellationToken);
        if (member is null) return BackOfficeResult.Missing("找不到这项职责，可能已被取消。");
        var userName = await db.Users.Where(u => u.Id == member.Member.UserId).Select(u => u.UserName)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
        db.OrganisationMembers.Remove(member.Member);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(staff.UserName, staff.IpAddress, "单位职责.取消", userName,
            $"{member.Name}：{OrganisationDuties.Label(member.Member.Duty)}", cancellationToken);
        return BackOfficeResult.Done("已取消这项职责。");
    }
}
