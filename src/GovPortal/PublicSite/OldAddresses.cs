using GovPortal.Publishing.Output;

namespace GovPortal.PublicSite;

/// <summary>
/// The addresses of the site's old system whose articles were imported (迁移), answered with 301 to the new address
/// so that links and search engines' entries keep working. The publisher publishes the list into the site's output
/// (<see cref="OutputLayout.OldAddressListFile"/>); it is read again when the manifest records a new version. Only
/// asked for a path no published file has: an old address never shadows a page of the site.
/// </summary>
public sealed class OldAddresses(OutputStore output)
{
    private readonly PublishedSideFile<IReadOnlyDictionary<string, string>> _list = new(output,
        OutputLayout.OldAddressListFile, content => content is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : OldAddressList.Parse(content));

    /// <param name="path">Output-relative, e.g. art/2023/10/12/art_123_456.html.</param>
    /// <returns>The new site-relative address, or null when the path is no old address.</returns>
    public string? NewAddressOf(string path) => _list.Current().GetValueOrDefault(path);
}
