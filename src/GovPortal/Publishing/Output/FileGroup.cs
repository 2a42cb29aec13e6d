namespace GovPortal.Publishing.Output;

/// <summary>
/// A published file and its compressed forms (x.html, x.html.gz, x.html.br) as one record under the file's path. A
/// million-page site has three million files; held one record per page, the .gz and .br forms cost no path, no table
/// slot and no object of their own: their hashes and sizes are fields of the group, and their time, owner and
/// download name are the file's, as a publish makes them, unless they differ. Each form still gives back all it had
/// as a <see cref="ManifestEntry"/>, whatever the forms hold. Immutable: a change makes a new group, so a reader
/// without a lock sees one whole version, and a manifest can take over a batch's groups as they are.
/// </summary>
public sealed class FileGroup
{
    private static readonly FileForm[] CompressedFormsInOrder = [FileForm.Gzip, FileForm.Brotli];

    private readonly ManifestEntry? _file;
    private readonly FileHash _gzipHash;
    private readonly FileHash _brotliHash;
    private readonly long _gzipSize;
    private readonly long _brotliSize;
    // A bit per compressed form the group holds (1 << form).
    private readonly byte _compressed;
    // The compressed forms' time, owner and download name, only when one differs from the file's or there is no file.
    private readonly UnlikeTheFile? _unlike;

    private FileGroup(ManifestEntry? file, in StoredForm gzip, in StoredForm brotli)
    {
        _file = file;
        if (gzip.Present)
        {
            (_gzipHash, _gzipSize) = (gzip.Hash, gzip.Size);
            _compressed |= FileForms.BitOf(FileForm.Gzip);
        }
        if (brotli.Present)
        {
            (_brotliHash, _brotliSize) = (brotli.Hash, brotli.Size);
            _compressed |= FileForms.BitOf(FileForm.Brotli);
        }
        if (!gzip.LikeTheFile(file) || !brotli.LikeTheFile(file)) _unlike = new(gzip.Details, brotli.Details);
    }

    /// <summary>
    /// The entry of <paramref name="form"/>, or null. A compressed form's entry is made on each call, with
    /// <paramref name="path"/> as its path (the caller's string: no copy is made).
    /// </summary>
    public ManifestEntry? Get(FileForm form, string path) => form switch
    {
        FileForm.File => _file,
        _ => Stored(form) is { Present: true } stored ? stored.ToEntry(path) : null,
    };

    /// <summary>The owner of <paramref name="form"/>, or null when the group does not hold it.</summary>
    public string? OwnerOf(FileForm form) => form == FileForm.File ? _file?.Owner : Stored(form).Details.Owner;

    public bool Has(FileForm form) =>
        form == FileForm.File ? _file is not null : (_compressed & FileForms.BitOf(form)) != 0;

    /// <summary>The group with <paramref name="entry"/> as its <paramref name="form"/>.</summary>
    /// <param name="groupPath">The group's path: a file's entry is given it as its path, so the two share one string.
    /// </param>
    public static FileGroup With(FileGroup? group, string groupPath, FileForm form, ManifestEntry entry)
    {
        if (form == FileForm.File)
            return new(WithPath(entry, groupPath), StoredOf(group, FileForm.Gzip), StoredOf(group, FileForm.Brotli));
        var stored = StoredForm.Of(entry);
        return new(group?._file,
            form == FileForm.Gzip ? stored : StoredOf(group, FileForm.Gzip),
            form == FileForm.Brotli ? stored : StoredOf(group, FileForm.Brotli));
    }

    /// <summary>
    /// <paramref name="incoming"/>'s forms set over <paramref name="group"/>'s, as if each were set on its own: the
    /// incoming group itself when it has every form the other has and its file's path is <paramref name="groupPath"/>
    /// (a batch's group taken into the manifest makes no new object).
    /// </summary>
    public static FileGroup Merge(FileGroup? group, string groupPath, FileGroup incoming)
    {
        var fileSharesPath = incoming._file is null || ReferenceEquals(incoming._file.Path, groupPath);
        var coversAll = group is null || (group._compressed & ~incoming._compressed) == 0
            && (group._file is null || incoming._file is not null);
        if (fileSharesPath && coversAll) return incoming;
        var file = incoming._file is { } incomingFile ? WithPath(incomingFile, groupPath) : group?._file;
        return new(file, incoming.Has(FileForm.Gzip) ? incoming.Stored(FileForm.Gzip) : StoredOf(group, FileForm.Gzip),
            incoming.Has(FileForm.Brotli) ? incoming.Stored(FileForm.Brotli) : StoredOf(group, FileForm.Brotli));
    }

    /// <summary>The group without <paramref name="form"/>; null when nothing is left.</summary>
    public FileGroup? Without(FileForm form)
    {
        if (!Has(form)) return this;
        var file = form == FileForm.File ? null : _file;
        var gzip = form == FileForm.Gzip ? default : Stored(FileForm.Gzip);
        var brotli = form == FileForm.Brotli ? default : Stored(FileForm.Brotli);
        return file is null && !gzip.Present && !brotli.Present ? null : new(file, gzip, brotli);
    }

    /// <summary>The forms the group holds.</summary>
    public IEnumerable<FileForm> Forms
    {
        get
        {
            if (_file is not null) yield return FileForm.File;
            foreach (var form in CompressedFormsInOrder)
                if (Has(form))
                    yield return form;
        }
    }

    /// <summary>How many forms the group holds.</summary>
    public int FormCount => (_file is null ? 0 : 1) + System.Numerics.BitOperations.PopCount(_compressed);

    /// <summary>Every form's entry, each compressed form's made with its path.</summary>
    public IEnumerable<ManifestEntry> Entries(string groupPath)
    {
        // A walk of the whole manifest (the tamper sweep, the mirror) comes here for every page: no closure per group.
        foreach (var form in Forms) yield return Get(form, FileForms.PathOf(groupPath, form))!;
    }

    /// <summary>Every form's path.</summary>
    public IEnumerable<string> Paths(string groupPath)
    {
        foreach (var form in Forms) yield return FileForms.PathOf(groupPath, form);
    }

    private static ManifestEntry WithPath(ManifestEntry entry, string path) =>
        ReferenceEquals(entry.Path, path) ? entry : entry with { Path = path };

    private static StoredForm StoredOf(FileGroup? group, FileForm form) => group?.Stored(form) ?? default;

    private StoredForm Stored(FileForm form)
    {
        if ((_compressed & FileForms.BitOf(form)) == 0) return default;
        var (hash, size) = form == FileForm.Gzip ? (_gzipHash, _gzipSize) : (_brotliHash, _brotliSize);
        var details = _unlike is null ? FormDetails.Of(_file!)
            : form == FileForm.Gzip ? _unlike.Gzip : _unlike.Brotli;
        return new(hash, size, details);
    }

    private readonly record struct FormDetails(DateTime ModifiedUtc, string Owner, string? DownloadName)
    {
        public static FormDetails Of(ManifestEntry entry) => new(entry.ModifiedUtc, entry.Owner, entry.DownloadName);
    }

    /// <summary>Both compressed forms' details (an absent form's are default), kept only when unlike the file's.
    /// </summary>
    private sealed record UnlikeTheFile(FormDetails Gzip, FormDetails Brotli);

    /// <summary>A compressed form's entry without its path; absent when it has no owner.</summary>
    private readonly record struct StoredForm(FileHash Hash, long Size, FormDetails Details)
    {
        public bool Present => Details.Owner is not null;

        public static StoredForm Of(ManifestEntry entry) => new(entry.Hash, entry.Size, FormDetails.Of(entry));

        /// <summary>Whether the form is absent, or has the file's time, owner and download name.</summary>
        public bool LikeTheFile(ManifestEntry? file) =>
            !Present || file is not null && Details == FormDetails.Of(file)
                && Details.ModifiedUtc.Kind == file.ModifiedUtc.Kind;

        public ManifestEntry ToEntry(string path) =>
            new(path, Hash, Size, Details.ModifiedUtc, Details.Owner, Details.DownloadName);
    }
}
