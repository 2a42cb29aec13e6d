namespace GovPortal.Publishing.Output;

/// <summary>
/// A published file and its compressed forms (x.html, x.html.gz, x.html.br) as one record under the file's path. A
/// million-page site has three million files; held one record per page, the .gz and .br forms cost no path, no table
/// slot and no record of their own. Each form keeps all it had as a <see cref="ManifestEntry"/>, so nothing is lost
/// whatever the forms hold. Immutable: a change makes a new group, so a reader without a lock sees one whole version.
/// </summary>
public sealed class FileGroup
{
    private static readonly FileForm[] CompressedFormsInOrder = [FileForm.Gzip, FileForm.Brotli];

    private readonly ManifestEntry? _file;
    private readonly CompressedForms? _compressed;

    private FileGroup(ManifestEntry? file, CompressedForms? compressed)
    {
        _file = file;
        _compressed = compressed;
    }

    /// <summary>How many of the three forms the group holds.</summary>
    public int Count => (_file is null ? 0 : 1) + (_compressed?.Count ?? 0);

    /// <summary>
    /// The entry of <paramref name="form"/>, or null. A compressed form's entry is made on each call, with
    /// <paramref name="path"/> as its path (the caller's string: no copy is made).
    /// </summary>
    public ManifestEntry? Get(FileForm form, string path) => form switch
    {
        FileForm.File => _file,
        _ => _compressed?.Get(form) is { Owner: not null } stored ? stored.ToEntry(path) : null,
    };

    public bool Has(FileForm form) =>
        form == FileForm.File ? _file is not null : _compressed?.Get(form).Owner is not null;

    /// <summary>The group with <paramref name="entry"/> as its <paramref name="form"/>.</summary>
    /// <param name="groupPath">The group's path: a file's entry is given it as its path, so the two share one string.
    /// </param>
    public static FileGroup With(FileGroup? group, string groupPath, FileForm form, ManifestEntry entry)
    {
        if (form == FileForm.File)
            return new(ReferenceEquals(entry.Path, groupPath) ? entry : entry with { Path = groupPath },
                group?._compressed);
        var compressed = CompressedForms.With(group?._compressed, form, StoredForm.Of(entry));
        return new(group?._file, compressed);
    }

    /// <summary>The group without <paramref name="form"/>; null when nothing is left.</summary>
    public FileGroup? Without(FileForm form)
    {
        if (!Has(form)) return this;
        var file = form == FileForm.File ? null : _file;
        var compressed = form == FileForm.File ? _compressed : CompressedForms.With(_compressed, form, default);
        return file is null && compressed is null ? null : new(file, compressed);
    }

    /// <summary>Every form's entry, each compressed form's made with its path.</summary>
    public IEnumerable<ManifestEntry> Entries(string groupPath)
    {
        if (_file is not null) yield return _file;
        foreach (var form in CompressedFormsInOrder)
            if (Has(form))
                yield return Get(form, FileForms.PathOf(groupPath, form))!;
    }

    /// <summary>Every form's path.</summary>
    public IEnumerable<string> Paths(string groupPath)
    {
        if (_file is not null) yield return groupPath;
        foreach (var form in CompressedFormsInOrder)
            if (Has(form))
                yield return FileForms.PathOf(groupPath, form);
    }

    /// <summary>The .gz and .br forms; the group holds none when both are absent.</summary>
    private sealed class CompressedForms
    {
        private readonly StoredForm _gzip;
        private readonly StoredForm _brotli;

        private CompressedForms(StoredForm gzip, StoredForm brotli)
        {
            _gzip = gzip;
            _brotli = brotli;
        }

        public int Count => (_gzip.Owner is null ? 0 : 1) + (_brotli.Owner is null ? 0 : 1);

        public StoredForm Get(FileForm form) => form == FileForm.Gzip ? _gzip : _brotli;

        /// <summary>The forms with <paramref name="form"/> set to <paramref name="stored"/> (default: absent).
        /// </summary>
        public static CompressedForms? With(CompressedForms? forms, FileForm form, StoredForm stored)
        {
            var gzip = form == FileForm.Gzip ? stored : forms?._gzip ?? default;
            var brotli = form == FileForm.Brotli ? stored : forms?._brotli ?? default;
            return gzip.Owner is null && brotli.Owner is null ? null : new(gzip, brotli);
        }
    }

    /// <summary>A compressed form's entry without its path; absent when <see cref="Owner"/> is null.</summary>
    private readonly record struct StoredForm(
        FileHash Hash, long Size, DateTime ModifiedUtc, string? Owner, string? DownloadName)
    {
        public static StoredForm Of(ManifestEntry entry) =>
            new(entry.Hash, entry.Size, entry.ModifiedUtc, entry.Owner, entry.DownloadName);

        public ManifestEntry ToEntry(string path) => new(path, Hash, Size, ModifiedUtc, Owner!, DownloadName);
    }
}
