namespace GovPortal.Publishing.Output;

/// <summary>
/// What a full rebuild made: it removes every file of the manifest it did not make, whoever owned it, so it needs no
/// owners. The files it wrote are the batch's written table already; only the files it made unchanged, and those it
/// kept, are recorded here, by the manifest's own group path and a bit per form. A full publish of a new site records
/// nothing here, and one of an unchanged site a few bytes a page, where a record by owner held an owner, a table slot
/// and a set of paths for every page of the site until the commit.
/// </summary>
internal sealed class ProducedByFullRebuild(Manifest manifest) : ProducedFiles
{
    private readonly OwnedPaths _unchanged = new();
    private readonly Lock _lock = new();

    public override void Made(string owner, IReadOnlyList<OutputFile> files,
        (FileHash Hash, ManifestEntry? Written)[] changes)
    {
        for (var i = 0; i < files.Count; i++)
            if (changes[i].Written is null)
                Record(files[i].Path);
    }

    // A key rendered without making anything has no file left: a full rebuild removes it anyway.
    public override void Touched(string owner) { }

    public override void Kept(string owner, IReadOnlyCollection<string> paths)
    {
        foreach (var path in paths) Record(path);
    }

    public override void AddStale(Manifest manifest, FileTable written, HashSet<string> removals)
    {
        foreach (var (groupPath, group) in manifest.Groups)
        {
            var writtenGroup = written.GroupAt(groupPath);
            byte unchanged;
            lock (_lock) unchanged = _unchanged.FormsOf(groupPath);
            foreach (var form in group.Forms)
                if (writtenGroup?.Has(form) != true && (unchanged & FileForms.BitOf(form)) == 0)
                    removals.Add(FileForms.PathOf(groupPath, form));
        }
    }

    public override void ExceptMade(HashSet<string> removals)
    {
        lock (_lock) removals.RemoveWhere(_unchanged.Contains);
    }

    private void Record(string path)
    {
        var form = FileForms.Of(path, out var groupLength);
        // The manifest's string for the group: an unchanged file is in it, and its path is then not held twice.
        var groupPath = manifest.GroupPathOf(path.AsSpan(0, groupLength)) ?? path[..groupLength];
        lock (_lock) _unchanged.Add(groupPath, form);
    }
}
