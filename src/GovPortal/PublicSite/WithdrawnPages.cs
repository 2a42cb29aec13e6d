using GovPortal.Publishing.Output;

namespace GovPortal.PublicSite;

/// <summary>
/// The addresses of withdrawn articles (撤稿), answered with 410 Gone and a short notice instead of 404. The publisher
/// publishes the list into the site's output (<see cref="OutputLayout.WithdrawnListFile"/>) with the pages, so
/// public nodes know it without a database; read again when the manifest records a new version.
/// </summary>
public sealed class WithdrawnPages(OutputStore output)
{
    private volatile Loaded _loaded = new(null, new HashSet<string>(StringComparer.Ordinal));

    // Swapped whole, so a request never sees one version's hash with another's list.
    private sealed record Loaded(FileHash? Hash, IReadOnlySet<string> Paths);

    /// <param name="path">Output-relative, e.g. xwzx/xcyw/202310/t20231012_17.html.</param>
    public bool Contains(string path) => Current().Contains(path);

    private IReadOnlySet<string> Current()
    {
        FileHash? sha = output.Manifest.TryGet(OutputLayout.WithdrawnListFile, out var entry) ? entry.Hash : null;
        var loaded = _loaded;
        if (loaded.Hash == sha) return loaded.Paths;
        var content = sha is null ? null : output.PublishedContentOf(OutputLayout.WithdrawnListFile);
        var paths = content is null ? new HashSet<string>(StringComparer.Ordinal) : WithdrawnList.Parse(content);
        _loaded = new Loaded(content is null ? null : sha, paths);
        return paths;
    }
}
