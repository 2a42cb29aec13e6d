namespace GovPortal.BackOffice.Accounts;

/// <summary>What the form for a new account sends; nothing here is trusted.</summary>
/// <param name="Roles">The role names ticked; names that are no role are ignored.</param>
/// <param name="ChannelIds">The channels ticked; ids of channels that do not exist are ignored.</param>
public sealed record NewAccountForm(string UserName, string DisplayName, IReadOnlyList<string> Roles,
    IReadOnlyList<int> ChannelIds);

/// <summary>What an account's settings form sends; nothing here is trusted.</summary>
/// <param name="Roles">The role names ticked; names that are no role are ignored.</param>
/// <param name="ChannelIds">The channels ticked; ids of channels that do not exist are ignored.</param>
public sealed record AccountSettingsForm(string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<int> ChannelIds,
    bool Disabled);
