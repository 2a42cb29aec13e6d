namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// The roles of a district web team. A person may hold several, except that the three administrators of 三员分立
/// (<see cref="Officers"/>) are separate people: see <see cref="RoleSeparation"/>. Administration does not include
/// editorial powers: a system administrator who also writes is given the editor role like anyone else.
/// </summary>
public static class StaffRoles
{
    /// <summary>
    /// 系统管理员: accounts (create, disable, reset passwords, unlock), site settings, channels, calendars,
    /// organisations and their duties; sees citizens' personal data masked. Cannot assign roles and cannot read the
    /// audit log. The name is the one every install had for its administrators, so they keep this role.
    /// </summary>
    public const string Administrator = "Administrator";

    /// <summary>安全管理员: assigns roles and channels to accounts and keeps the security policy; nothing else.</summary>
    public const string SecurityAdministrator = "SecurityAdministrator";

    /// <summary>审计管理员: reads and exports the audit log; nothing else.</summary>
    public const string AuditAdministrator = "AuditAdministrator";
    public const string Editor = "Editor";
    public const string Reviewer = "Reviewer";
    public const string Publisher = "Publisher";

    /// <summary>
    /// 信息公开: handles applications for disclosure and alone sees applicants' personal data. One site per install
    /// today, so the role applies to the site the portal runs; per-site roles come with several sites.
    /// </summary>
    public const string Disclosure = "Disclosure";

    /// <summary>
    /// 信箱管理员: receives citizens' letters, screens them (待甄别), assigns each to a 承办单位, manages the mailboxes
    /// and the consultations (意见征集). The organisations' 承办人 and reviewers are duties per organisation
    /// (<see cref="Content.Organisations.OrganisationMember"/>), not roles.
    /// </summary>
    public const string Mailbox = "Mailbox";

    /// <summary>
    /// 平台管理员: makes, renames, pauses and resumes the platform's sites and names each new site's first 系统管理员;
    /// sets 全站置灰 for every site at once. Held only by accounts of the platform's first site; not editorial, not a
    /// site's administrator, and like the three officers never held with another of them.
    /// </summary>
    public const string PlatformAdministrator = "PlatformAdministrator";

    public static readonly IReadOnlyList<string> All =
        [Administrator, SecurityAdministrator, AuditAdministrator, Editor, Reviewer, Publisher, Disclosure, Mailbox,
            PlatformAdministrator];

    /// <summary>The three administrators of 三员分立; no account holds two of them.</summary>
    public static readonly IReadOnlyList<string> Officers =
        [Administrator, SecurityAdministrator, AuditAdministrator, PlatformAdministrator];

    /// <summary>Whether <paramref name="roles"/> include one of the three administrators.</summary>
    public static bool IncludeOfficer(IEnumerable<string> roles) => roles.Any(Officers.Contains);

    public static string Label(string role) => role switch
    {
        Administrator => "系统管理员",
        SecurityAdministrator => "安全管理员",
        AuditAdministrator => "审计管理员",
        Editor => "编辑",
        Reviewer => "审核",
        Publisher => "发布",
        Disclosure => "信息公开",
        Mailbox => "信箱管理员",
        PlatformAdministrator => "平台管理员",
        _ => role,
    };
}
