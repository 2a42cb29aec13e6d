namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// The four roles of a district web team. A person may hold several. Administration does not include editorial
/// powers: an administrator who also writes is given the editor role like anyone else.
/// </summary>
public static class StaffRoles
{
    public const string Administrator = "Administrator";
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

    public static readonly IReadOnlyList<string> All =
        [Administrator, Editor, Reviewer, Publisher, Disclosure, Mailbox];

    public static string Label(string role) => role switch
    {
        Administrator => "系统管理员",
        Editor => "编辑",
        Reviewer => "审核",
        Publisher => "发布",
        Disclosure => "信息公开",
        Mailbox => "信箱管理员",
        _ => role,
    };
}
