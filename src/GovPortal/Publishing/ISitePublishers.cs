using GovPortal.Data;

namespace GovPortal.Publishing;

/// <summary>The publisher of each site of the platform (every site publishes into its own output).</summary>
public interface ISitePublishers
{
    /// <summary>The publisher of the site with code <paramref name="siteCode"/>.</summary>
    Publisher For(string siteCode);

    /// <summary>The first site's, which work outside any site (a command, a direct call) is for.</summary>
    Publisher First { get; }

    /// <summary>
    /// After a site's rows are deleted: stops serving and publishing it and deletes its output folder.
    /// </summary>
    Task CloseAsync(string siteCode, CancellationToken cancellationToken = default);
}

public static class SitePublishersExtensions
{
    /// <summary>The publisher of the site the work is for (<see cref="SiteScope"/>), else the first site's.</summary>
    public static Publisher Current(this ISitePublishers publishers) =>
        SiteScope.Current is { } site ? publishers.For(site.Code) : publishers.First;
}
