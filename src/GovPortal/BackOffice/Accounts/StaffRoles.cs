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

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Reviewer, Publisher];

    public static string Label(string role) => role switch
    {
        Administrator => "系统管理员",
        Editor => "编辑",
        Reviewer => "审核",
        Publisher => "发布",
        _ => role,
    };
}
