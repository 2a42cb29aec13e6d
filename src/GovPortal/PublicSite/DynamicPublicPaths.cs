namespace GovPortal.PublicSite;

/// <summary>
/// Addresses of the public site answered per request by an endpoint (forms of citizens' services), which the output
/// server must leave to the router, like the search page.
/// </summary>
public sealed class DynamicPublicPaths
{
    /// <summary>依申请公开: the application form, and its receipt and lookup under it.</summary>
    public const string DisclosureApplications = "/zfxxgk/ysqgk";

    /// <summary>
    /// The citizens' services the portal serves per request (in each page form), known to the link check also where
    /// nothing maps them (the check command), so a published page linking to them is not reported as broken.
    /// </summary>
    public static readonly IReadOnlyList<string> CitizenServices = [DisclosureApplications];

    /// <summary>Whether a standard-form path is one of <see cref="CitizenServices"/> or under one.</summary>
    public static bool IsCitizenService(string standardPath) =>
        CitizenServices.Any(prefix => new PathString(standardPath.TrimEnd('/')).StartsWithSegments(prefix,
            StringComparison.OrdinalIgnoreCase));

    // Read on every request, written only while endpoints are mapped: a copied array, never a lock on the read.
    private volatile string[] _prefixes = [];
    private readonly Lock _adding = new();

    public void Add(string prefix)
    {
        lock (_adding)
        {
            var trimmed = prefix.TrimEnd('/');
            if (!_prefixes.Contains(trimmed, StringComparer.OrdinalIgnoreCase)) _prefixes = [.. _prefixes, trimmed];
        }
    }

    public bool Claims(PathString path)
    {
        foreach (var prefix in _prefixes)
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
