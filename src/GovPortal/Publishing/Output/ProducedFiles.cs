namespace GovPortal.Publishing.Output;

/// <summary>
/// What a batch made for the keys it rendered, so that its commit removes the files they no longer make: a publish of
/// some keys removes, of each key it rendered, the files the key had and did not make this time; a full rebuild
/// removes every file it did not make, whoever owned it. Written from several threads at once.
/// </summary>
internal abstract class ProducedFiles
{
    /// <summary>
    /// Records that <paramref name="owner"/> made <paramref name="files"/>, before they are written;
    /// <paramref name="changes"/> says which differ from the manifest (those the batch writes).
    /// </summary>
    public abstract void Made(string owner, IReadOnlyList<OutputFile> files,
        (FileHash Hash, ManifestEntry? Written)[] changes);

    /// <summary>Records that <paramref name="owner"/> was rendered, whether or not it made anything.</summary>
    public abstract void Touched(string owner);

    /// <summary>Records that <paramref name="owner"/>'s files, <paramref name="paths"/>, stay as they are.</summary>
    public abstract void Kept(string owner, IReadOnlyCollection<string> paths);

    /// <summary>Adds to <paramref name="removals"/> the manifest's files that rendered keys no longer make.</summary>
    /// <param name="written">The files the batch wrote: made, whatever is recorded here.</param>
    public abstract void AddStale(Manifest manifest, FileTable written, HashSet<string> removals);

    /// <summary>Takes out of <paramref name="removals"/> every file some key made or kept.</summary>
    public abstract void ExceptMade(HashSet<string> removals);
}
