using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.PublicSite;
using GovPortal.Search;

namespace GovPortal.Hosting.Sites;

/// <summary>
/// The parts of one site of the platform: its output (manifest, pages, side files), its search index and the
/// publisher that alone writes them; on a server also how the public server serves it (files, search, tamper guard).
/// </summary>
public sealed class SiteServices
{
    public required string Code { get; init; }
    public required OutputLayout Layout { get; init; }
    public required OutputStore Store { get; init; }
    public required SearchIndex SearchIndex { get; init; }
    public required Publisher Publisher { get; init; }
    public required Safety.Health.HealthChecker Health { get; init; }

    /// <summary>How the public server serves the site; null in a command, which serves nothing.</summary>
    public PublicSiteOutput? Public { get; init; }

    /// <summary>The site's tamper guard (it restores only this site's files); null in a command.</summary>
    public Safety.Tamper.TamperGuard? Guard { get; init; }

    /// <summary>The site's own watcher and sweeps, started with it and stopped with the portal.</summary>
    internal IReadOnlyList<IHostedService> Running { get; init; } = [];

    /// <summary>What the site owns and closes (nothing for the first site: the host owns its parts).</summary>
    internal IReadOnlyList<IDisposable> Owned { get; init; } = [];
}
