namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// 安全策略, kept by the 安全管理员: whether every account (not only the three administrators) must use two-step
/// sign-in, and password expiry and history. Expiry and history are off by default: 等保 (GB/T 22239-2019) asks that
/// passwords be 定期更换, which a site switches on here, while current guidance (NIST SP 800-63B) prefers long
/// passwords changed only when compromised. One row; its absence means the defaults.
/// </summary>
public sealed class SecurityPolicy
{
    public const int SingletonId = 1;
    public const int MaxExpiryDays = 3650;
    public const int MaxHistory = 24;

    public int Id { get; set; } = SingletonId;

    /// <summary>Two-step sign-in for every account; the three administrators always need it.</summary>
    public bool RequireTwoFactorForEveryone { get; set; }

    /// <summary>Days a password stays valid; 0 is off.</summary>
    public int PasswordExpiryDays { get; set; }

    /// <summary>How many of the latest passwords (the current one included) a new one may not repeat; 0 is off.
    /// </summary>
    public int PasswordHistory { get; set; }

    public DateTime? ChangedAtUtc { get; set; }

    public SecurityPolicy Copy() => (SecurityPolicy)MemberwiseClone();
}
