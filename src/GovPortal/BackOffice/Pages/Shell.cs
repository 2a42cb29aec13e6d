using GovPortal.BackOffice.Accounts;

namespace GovPortal.BackOffice.Pages;

/// <summary>
/// What every back-office page needs around its content: where it is, who is signed in, the form token, a notice.
/// </summary>
public sealed record Shell(string Base, string Title, string? UserName, string? DisplayName, IReadOnlySet<string> Roles,
    string TokenField, string Token, string? Notice, bool NoticeIsError)
{
    /// <summary>
    /// Whether the account works on the platform's first site, whose administrators keep what every site shares
    /// (the working-day calendar, the word lists, the security policy, the platform's sites).
    /// </summary>
    public bool OnFirstSite { get; init; } = true;

    public bool Is(string role) => Roles.Contains(role);
    public bool IsEditorial => Is(StaffRoles.Editor) || Is(StaffRoles.Reviewer) || Is(StaffRoles.Publisher);
    public string Url(string relative) => relative.Length == 0 ? Base + "/" : $"{Base}/{relative}";
}
