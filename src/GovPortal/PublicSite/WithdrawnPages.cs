using GovPortal.Publishing.Output;

namespace GovPortal.PublicSite;

/// <summary>
/// The addresses of withdrawn articles (撤稿), answered with 410 Gone and a short notice instead of 404. The publisher
/// publishes the list into the site's output (<see cref="OutputLayout.WithdrawnListFile"/>) with the pages, so
/// public nodes know it without a database; read again when the manifest records a new version.
/// </summary>
public sealed class WithdrawnPages(OutputStore output)
{
    private readonly PublishedSideFile<IReadOnlySet<string>> _list = WithdrawnList.Published(output);

    /// <param name="path">Output-relative, e.g. xwzx/xcyw/202310/t20231012_17.html.</param>
    public bool Contains(string path) => _list.Current().Contains(path);
}
