namespace GovPortal.BackOffice.Platform;

/// <summary>The policies of what the platform keeps once for all its sites.</summary>
public static class PlatformPolicies
{
    /// <summary>平台管理员 of the first site: the platform's sites.</summary>
    public const string Platform = "platform";

    /// <summary>系统管理员 of the first site: the working-day calendar and the content-safety word lists.</summary>
    public const string SharedLists = "platform-lists";

    /// <summary>安全管理员 of the first site: the password and sign-in policy every account follows.</summary>
    public const string SecurityPolicy = "platform-security-policy";
}
