namespace GovPortal.BackOffice.Accounts;

/// <summary>What the form for a new account sends; nothing here is trusted.</summary>
/// <param name="Roles">The role names ticked (only a bootstrap role is accepted); names that are no role are ignored.
/// </param>
/// <param name="ChannelIds">Channels are the 安全管理员's to give: any sent here refuse the form.</param>
public sealed record NewAccountForm(string UserName, string DisplayName, IReadOnlyList<string> Roles,
    IReadOnlyList<int> ChannelIds);

/// <summary>What the 系统管理员's form for an account sends; nothing here is trusted.</summary>
public sealed record AccountSettingsForm(string DisplayName, bool Disabled);

/// <summary>What the 安全管理员's form for an account sends; nothing here is trusted.</summary>
/// <param name="Roles">The role names ticked; names that are no role are ignored.</param>
/// <param name="ChannelIds">The channels ticked; ids of channels that do not exist are ignored.</param>
public sealed record AccountRolesForm(IReadOnlyList<string> Roles, IReadOnlyList<int> ChannelIds);
