using GovPortal.BackOffice.Pages;

namespace GovPortal.BackOffice.Sessions;

/// <summary>
/// An account's sign-in sessions: one's own (<paramref name="AccountUserName"/> null) or, for the administrator,
/// another account's. <paramref name="ActionBase"/> is where this page's forms post.
/// </summary>
public sealed record SessionsPageModel(Shell Shell, string? AccountUserName, string ActionBase, SessionList Sessions,
    string? CurrentSessionId, TimeSpan IdleTimeout, TimeSpan Lifetime, string? BackUrl);
