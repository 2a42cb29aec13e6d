using System.Collections.Concurrent;

namespace GovPortal.PublicSite;

/// <summary>
/// Addresses of the public site answered per request by an endpoint (forms of citizens' services), which the output
/// server must leave to the router, like the search page.
/// </summary>
public sealed class DynamicPublicPaths
{
    private readonly ConcurrentDictionary<string, bool> _prefixes = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string prefix) => _prefixes[prefix.TrimEnd('/')] = true;

    public bool Claims(PathString path) =>
        !_prefixes.IsEmpty && _prefixes.Keys.Any(prefix => path.StartsWithSegments(prefix,
            StringComparison.OrdinalIgnoreCase));
}
