using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Workflow;

/// <summary>
/// The 姓名 of the people an article's history names. Revisions keep account names (stable, Latin, what the audit log
/// records); pages show the name colleagues know, and the account name only where an account has no 姓名.
/// </summary>
public sealed class StaffNames
{
    private readonly Dictionary<string, string> _names;

    private StaffNames(Dictionary<string, string> names) => _names = names;

    /// <summary>Every account's 姓名: a web team has tens of accounts, so one small query serves a whole page.</summary>
    public static async Task<StaffNames> LoadAsync(GovPortalDbContext db, CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking()
            .Select(u => new { u.UserName, u.DisplayName })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts.Where(a => !string.IsNullOrEmpty(a.UserName)))
            names[account.UserName!] = string.IsNullOrWhiteSpace(account.DisplayName)
                ? account.UserName!
                : account.DisplayName.Trim();
        return new StaffNames(names);
    }

    /// <summary>The person's 姓名; the account name itself when the account is gone or has none; "" for nobody.
    /// </summary>
    public string Of(string userName) =>
        userName.Length == 0 ? "" : _names.GetValueOrDefault(userName, userName);

    /// <summary>Several people stored comma separated (the approvers of each level), as “王芳、陈静”.</summary>
    public string OfList(string userNames) =>
        string.Join("、", userNames.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Of));
}
