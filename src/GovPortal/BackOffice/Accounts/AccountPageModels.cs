using GovPortal.BackOffice.Articles;

namespace GovPortal.BackOffice.Accounts;

public sealed record AccountRow(StaffUser User, IReadOnlyList<string> Roles, string Channels, bool LockedOut);

/// <param name="BootstrapRoles">The roles the 系统管理员 may create an account for (nobody holds them yet).</param>
/// <param name="Secret">A temporary password just made, shown once.</param>
public sealed record AccountsPageModel(Pages.Shell Shell, IReadOnlyList<AccountRow> Rows,
    IReadOnlyList<string> BootstrapRoles, string? Secret);

/// <param name="Secret">A temporary password just made, shown once.</param>
public sealed record AccountEditPageModel(Pages.Shell Shell, StaffUser User, IReadOnlySet<string> Roles,
    IReadOnlySet<int> Channels, IReadOnlyList<ChannelOption> AllChannels, bool LockedOut, string? Secret);
