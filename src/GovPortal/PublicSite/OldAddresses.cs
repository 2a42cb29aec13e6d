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
    private volatile Loaded _loaded = new(null, new Dictionary<string, string>(StringComparer.Ordinal));

    // Swapped whole, so a request never sees one version's hash with another's list.
    private sealed record Loaded(FileHash? Hash, IReadOnlyDictionary<string, string> Entries);

    /// <param name="path">Output-relative, e.g. art/2023/10/12/art_123_456.html.</param>
    /// <returns>The new site-relative address, or null when the path is no old address.</returns>
    public string? NewAddressOf(string path) => Current().GetValueOrDefault(path);

    private IReadOnlyDictionary<string, string> Current()
    {
        FileHash? sha = output.Manifest.TryGet(OutputLayout.OldAddressListFile, out var entry) ? entry.Hash : null;
        var loaded = _loaded;
        if (loaded.Hash == sha) return loaded.Entries;
        var content = sha is null ? null : output.PublishedContentOf(OutputLayout.OldAddressListFile);
        var entries = content is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : OldAddressList.Parse(content);
        _loaded = new Loaded(content is null ? null : sha, entries);
        return entries;
    }
}
