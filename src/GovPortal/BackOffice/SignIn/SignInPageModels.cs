using GovPortal.BackOffice.Pages;

namespace GovPortal.BackOffice.SignIn;

public sealed record LoginPageModel(Shell Shell, string UserName, string ReturnUrl, string? Error)
{
    /// <summary>Why the person's last session ended, when they were sent here because it did.</summary>
    public string? Ended { get; init; }
}
public sealed record TwoFactorLoginPageModel(Shell Shell, string ReturnUrl, string? Error);
public sealed record PasswordPageModel(Shell Shell, bool MustChange, string? Error);
