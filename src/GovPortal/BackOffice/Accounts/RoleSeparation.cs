namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// 三员分立: the system, security and audit administrators are three different people, and the security and audit
/// administrators do nothing else. Checked wherever roles are saved (<see cref="StaffUserManager"/>), so no page,
/// seeder or command can give one account two of them.
/// </summary>
public static class RoleSeparation
{
    /// <summary>Why an account may not hold <paramref name="roles"/> together; null when it may.</summary>
    public static string? Problem(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        var officers = StaffRoles.Officers.Where(set.Contains).ToList();
        if (officers.Count > 1)
            return $"三员分立：同一账号不能同时担任{string.Join("和", officers.Select(StaffRoles.Label))}。"
                + "系统管理员、安全管理员、审计管理员和平台管理员须由不同的人使用不同的账号。";
        var dedicated = officers.FirstOrDefault(r => r != StaffRoles.Administrator);
        if (dedicated is not null && set.Count > 1)
            return $"三员分立：{StaffRoles.Label(dedicated)}账号只能担任这一个角色，不能同时具有"
                + $"{string.Join("、", set.Where(r => r != dedicated).Select(StaffRoles.Label))}角色。";
        return null;
    }
}
