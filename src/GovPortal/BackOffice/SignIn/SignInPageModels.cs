using GovPortal.BackOffice.Pages;

namespace GovPortal.BackOffice.SignIn;

public sealed record LoginPageModel(Shell Shell, string UserName, string ReturnUrl, string? Error);
public sealed record TwoFactorLoginPageModel(Shell Shell, string ReturnUrl, string? Error);
public sealed record PasswordPageModel(Shell Shell, bool MustChange, string? Error);
