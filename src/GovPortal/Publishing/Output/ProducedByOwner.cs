using System.Collections.Concurrent;

namespace GovPortal.Publishing.Output;

/// <summary>
/// The files each rendered key made, written or not, by owner: a publish of some keys removes, of each key it
/// rendered, the files the manifest gives it that it did not make.
/// </summary>
internal sealed class ProducedByOwner : ProducedFiles
{
    private readonly ConcurrentDictionary<string, OwnedPaths> _byOwner = new(StringComparer.Ordinal);

    public override void Made(string owner, IReadOnlyList<OutputFile> files,
        (FileHash Hash, ManifestEntry? Written)[] changes)
    {
        var produced = PathsOf(owner);
        lock (produced)
            foreach (var file in files) produced.Add(file.Path);
    }

    public override void Touched(string owner) => PathsOf(owner);

    public override void Kept(string owner, IReadOnlyCollection<string> paths)
    {
        var produced = PathsOf(owner);
        lock (produced)
            foreach (var path in paths) produced.Add(path);
    }

    public override void AddStale(Manifest manifest, FileTable written, HashSet<string> removals)
    {
        foreach (var (owner, produced) in _byOwner)
            removals.UnionWith(manifest.PathsOwnedBy(owner).Where(path => !produced.Contains(path)));
    }

    public override void ExceptMade(HashSet<string> removals)
    {
        // A page's compressed forms' paths are made when asked for: only when there is something to spare.
        if (removals.Count == 0) return;
        foreach (var produced in _byOwner.Values) removals.ExceptWith(produced.All);
    }

    private OwnedPaths PathsOf(string owner) => _byOwner.GetOrAdd(owner, _ => new());
}
