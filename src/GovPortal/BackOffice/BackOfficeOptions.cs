using System.Net;

namespace GovPortal.BackOffice;

/// <summary>Where the back office is reached and from where; a public node (in the DMZ) runs without it.</summary>
public sealed record BackOfficeOptions
{
    public const string DefaultPath = "/admin";

    /// <summary>False on a public node: no back-office address exists there at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The address prefix, e.g. /admin or /houtai-7f3a.</summary>
    public string Path { get; init; } = DefaultPath;

    /// <summary>后台访问限制: when not empty, only these networks reach the back office.</summary>
    public IReadOnlyList<IPNetwork> AllowedNetworks { get; init; } = [];

    /// <summary>Account name of the administrator created on first run.</summary>
    public string FirstAdministratorName { get; init; } = "admin";

    /// <summary>
    /// A sign-in session unused for this long ends (--session-idle, in minutes): 30 minutes, as 等保 assessments
    /// expect of an administration interface.
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; init; } = DefaultSessionIdleTimeout;

    /// <summary>A sign-in session ends this long after the sign-in, however active (--session-max, in hours).</summary>
    public TimeSpan SessionLifetime { get; init; } = DefaultSessionLifetime;

    public static readonly TimeSpan DefaultSessionIdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan DefaultSessionLifetime = TimeSpan.FromHours(12);

    public bool Allows(IPAddress? address)
    {
        if (AllowedNetworks.Count == 0) return true;
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return AllowedNetworks.Any(network => network.Contains(address));
    }

    /// <summary>A path such as "/houtai" from user input; null when it cannot be a back-office prefix.</summary>
    public static string? NormalizePath(string value)
    {
        var trimmed = "/" + value.Trim().Trim('/');
        if (trimmed.Length < 2 || trimmed.Length > 64) return null;
        return trimmed[1..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? trimmed.ToLowerInvariant()
            : null;
    }
}
