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

    /// <summary>
    /// 系统管理员 of any site but the first: the site's own days on top of the platform's working-day calendar (the
    /// first site's calendar is the platform's, kept on 工作日历).
    /// </summary>
    public const string SiteCalendar = "site-calendar";
}
