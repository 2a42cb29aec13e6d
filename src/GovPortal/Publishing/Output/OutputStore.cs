namespace GovPortal.Publishing.Output;

/// <summary>
/// Writes published files into the public folder. Each file is written under a temporary name and renamed into
/// place, so a reader (or a crash) only ever sees a whole old file or a whole new one. While a batch runs, the new
/// hash of each file it renamed is "pending": the tamper guard accepts it, since the manifest only learns it when
/// the batch commits. The open batches answer for what is pending, each from its own files, so a publish holds one
/// record per file, not two. Every version is also kept in the object store.
/// </summary>
public sealed class OutputStore(OutputLayout layout, Manifest manifest, ObjectStore objects, TimeProvider time,
    IOutputMirror? mirror = null)
{
    public const string TemporarySuffix = ".tmp";

    private readonly PublishJournal _journal = new(layout.PublishJournalFile);
    // Replaced whole under the lock, read without it: a check for a pending file never waits for a batch to open.
    private volatile OutputBatch[] _openBatches = [];
    private readonly Lock _openBatchesLock = new();

    /// <summary>
    /// Held while a batch commits (manifest, deletions, end of pending) or rolls back, and while the tamper guard
    /// restores a file: a restore never acts on a manifest entry that a commit is replacing.
    /// </summary>
    public Lock CommitLock { get; } = new();

    /// <summary>
    /// Stands for a file that could not be read as a plain file: it matches no hash, so it is replaced. Its own
    /// instance, told apart by reference: an empty file read from disk is <see cref="Array.Empty{T}"/>, as "[]" is.
    /// </summary>
    public static readonly byte[] Unreadable = new byte[0];

    /// <summary>Called after each file is renamed into place. Tests use it to simulate a crash mid-publish.</summary>
    public Action<string>? AfterFileCommitted { get; set; }

    public Manifest Manifest => manifest;
    public ObjectStore Objects => objects;

    /// <summary>Where committed batches are copied for public nodes; null on a single machine.</summary>
    public IOutputMirror? Mirror => mirror;
    public OutputLayout Layout => layout;
    public string PublicDirectory => layout.PublicDirectory;

    /// <summary>Whether a publish is writing files right now.</summary>
    public bool IsPublishing => _openBatches.Length > 0;

    /// <summary>Begins a batch of some keys: its commit removes the files those keys no longer make.</summary>
    public OutputBatch BeginBatch() => Begin(fullRebuild: false);

    /// <summary>Begins a batch that renders every key: its commit removes every file it did not make.</summary>
    public OutputBatch BeginFullRebuild() => Begin(fullRebuild: true);

    private OutputBatch Begin(bool fullRebuild)
    {
        var batch = new OutputBatch(this, time.GetUtcNow().UtcDateTime, fullRebuild);
        _journal.BatchStarted();
        lock (_openBatchesLock) _openBatches = [.. _openBatches, batch];
        return batch;
    }

    internal void EndBatch(OutputBatch batch)
    {
        lock (_openBatchesLock) _openBatches = [.. _openBatches.Where(open => open != batch)];
        _journal.BatchEnded();
    }

    /// <summary>Journals the files a commit is about to drop from the manifest, before it does.</summary>
    internal void JournalRemovals(IEnumerable<string> paths)
    {
        foreach (var path in paths)
            if (manifest.TryGet(path, out var entry)) _journal.Record(path, entry.Sha256);
    }

    /// <summary>
    /// Whether <paramref name="hash"/> is the content a running publish just wrote to <paramref name="path"/>.
    /// </summary>
    public bool IsPending(string path, FileHash hash) => _openBatches.Any(batch => batch.Holds(path, hash));

    public bool IsPendingPath(string path) => _openBatches.Any(batch => batch.Holds(path));

    /// <summary>Maps a manifest path to its file, refusing anything that would land outside the output.</summary>
    public string FullPathOf(string relativePath) => layout.FullPathOf(relativePath);

    /// <summary>
    /// Raised when a write found a symbolic link in its way (a folder on the path, or the file itself) and removed
    /// the link, never touching what it points at: the path and the link's target. The tamper guard reports it.
    /// </summary>
    public event Action<string, string>? LinkRemoved;

    /// <summary>
    /// The first part of a manifest path, a folder on the way or the file itself, that is a symbolic link or another
    /// reparse point, as a path like the manifest's; null when every folder on the way is a real folder. Only what is
    /// inside the site's output counts: where the operator keeps the output folder itself is the operator's choice.
    /// </summary>
    public string? LinkOnPath(string relativePath)
    {
        var full = FullPathOf(relativePath);
        var side = OutputLayout.IsSideFile(relativePath);
        var root = side ? layout.Directory : layout.PublicDirectory;
        var parts = Path.GetRelativePath(root, full).Split(Path.DirectorySeparatorChar);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            if (OutputFiles.IsLink(current))
                return side ? relativePath : string.Join('/', parts[..(i + 1)]);
            if (!Directory.Exists(current)) return null; // a file or nothing: no folder beyond it
        }
        return null;
    }

    /// <summary>
    /// Which of <paramref name="files"/> differ from the manifest (or from the disk) and must be written.
    /// </summary>
    /// <returns>
    /// Each file's hash and, if it has to be written, the manifest entry its write will make, in the order given.
    /// </returns>
    internal (FileHash Hash, ManifestEntry? Written)[] ChangesOf(IReadOnlyList<OutputFile> files, string owner,
        DateTime now)
    {
        var results = new (FileHash Hash, ManifestEntry? Written)[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var hash = FileHash.Of(file.Content);
            results[i] = (hash, null);
            if (manifest.TryGet(file.Path, out var existing) && existing.Hash == hash && existing.Owner == owner
                && existing.DownloadName == file.DownloadName && new FileInfo(FullPathOf(file.Path)) is
                    { Exists: true } info && info.Length == file.Content.Length)
                continue;
            results[i] = (hash, new ManifestEntry(file.Path, hash, file.Content.Length, now, owner, file.DownloadName));
        }
        return results;
    }

    /// <summary>
    /// Writes the files <see cref="ChangesOf"/> found changed (a page and its compressed variants: one folder),
    /// journaled together before the first is renamed into place, the folder checked and made once. The caller
    /// makes them pending first.
    /// </summary>
    internal void WriteChanged(IReadOnlyList<OutputFile> files, (FileHash Hash, ManifestEntry? Written)[] changes)
    {
        var changed = Enumerable.Range(0, files.Count).Where(i => changes[i].Written is not null).ToList();
        if (changed.Count == 0) return;
        _journal.Record(changed.Select(i => (files[i].Path, changes[i].Hash.ToString())));
        string? preparedFolder = null;
        foreach (var i in changed)
        {
            var file = files[i];
            var folder = Path.GetDirectoryName(FullPathOf(file.Path));
            WriteAtomically(file.Path, file.Content, folderChecked: folder == preparedFolder);
            preparedFolder = folder;
            AfterFileCommitted?.Invoke(file.Path);
        }
    }

    /// <summary>
    /// Reads a published file for checking, defensively: null if it is missing; <see cref="Unreadable"/> if it is a
    /// link, cannot be read, or has a size that rules it out (so a FIFO or a link to an endless device never blocks
    /// or floods a reader); otherwise its bytes.
    /// </summary>
    public byte[]? ReadForCheck(ManifestEntry entry)
    {
        var full = FullPathOf(entry.Path);
        try
        {
            // Never read through a link, whether it stands for the file or for a folder on its way.
            if (LinkOnPath(entry.Path) is not null) return Unreadable;
            var info = new FileInfo(full);
            if (!info.Exists) return null;
            // A running publish may have put a new version of another size in place; anything else of the wrong
            // size is not the published file, whatever it holds.
            if (info.Length != entry.Size && !IsPendingPath(entry.Path)) return Unreadable;
            if (info.Length > MaxCheckedFileBytes) return Unreadable;
            return File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e is FileNotFoundException or DirectoryNotFoundException ? null : Unreadable;
        }
    }

    /// <summary>
    /// The published content of a file (a side file, typically): as read from disk when it matches the manifest,
    /// else its true version from the object store; null when the manifest has no such file or no true version
    /// exists. Never trusts bytes the manifest does not vouch for; putting the file back is the tamper guard's work.
    /// </summary>
    public byte[]? PublishedContentOf(string relativePath)
    {
        if (!manifest.TryGet(relativePath, out var entry)) return null;
        var onDisk = ReadForCheck(entry);
        return IsGenuine(onDisk, entry) ? onDisk : TrueContentOf(entry);
    }

    /// <summary>
    /// Whether <paramref name="read"/>, as <see cref="ReadForCheck"/> returned it, is exactly the version of
    /// <paramref name="entry"/>.
    /// </summary>
    public static bool IsGenuine(byte[]? read, ManifestEntry entry) =>
        read is not null && read != Unreadable && FileHash.Of(read) == entry.Hash;

    /// <summary>
    /// Published files are pages and office documents; nothing larger is read into memory to be checked.
    /// </summary>
    public const long MaxCheckedFileBytes = 512L * 1024 * 1024;

    /// <summary>
    /// The true content of a manifest entry: from the object store, or for a .gz/.br variant, compressed again from
    /// the original and accepted only if it hashes to what the manifest says. Null if it cannot be had.
    /// </summary>
    public byte[]? TrueContentOf(ManifestEntry entry)
    {
        if (objects.TryGet(entry.Sha256) is { } stored) return stored;
        var form = FileForms.Of(entry.Path, out var originalLength);
        if (form == FileForm.File) return null;
        if (!manifest.TryGet(entry.Path[..originalLength], out var original)
            || objects.TryGet(original.Sha256) is not { } content)
            return null;
        var remade = form == FileForm.Gzip ? Precompressor.Gzip(content) : Precompressor.Brotli(content);
        return FileHash.Of(remade) == entry.Hash ? remade : null;
    }

    /// <summary>
    /// Undoes the files a batch renamed into place but never committed: each goes back to its manifest version, or
    /// away if the manifest does not know it. The site is then the last good one again, without waiting for a sweep.
    /// </summary>
    internal void RollBack(IEnumerable<string> paths)
    {
        lock (CommitLock)
        {
            foreach (var path in paths)
            {
                try
                {
                    if (!manifest.TryGet(path, out var entry))
                    {
                        DeleteFile(path);
                        continue;
                    }
                    if (IsGenuine(ReadForCheck(entry), entry)) continue;
                    if (TrueContentOf(entry) is { } truth) Restore(path, truth);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Left for the tamper guard, which finds and repairs any file that differs from the manifest.
                }
            }
        }
    }

    /// <summary>Puts the true content of a published file back in place (tamper guard).</summary>
    public void Restore(string relativePath, ReadOnlySpan<byte> content) => WriteAtomically(relativePath, content);

    internal void DeleteFile(string relativePath)
    {
        var full = FullPathOf(relativePath);
        // A link on the way is not the published file: deleting through it would delete what it points at.
        if (LinkOnPath(relativePath) is { } link) RemoveLink(link);
        else if (File.Exists(full)) File.Delete(full);
    }

    public static bool IsTemporary(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    /// <summary>
    /// Removes temporary files a crashed publish may have left behind. They were never in the manifest.
    /// </summary>
    public int RemoveLeftoverTemporaryFiles()
    {
        if (!Directory.Exists(layout.PublicDirectory)) return 0;
        var removed = 0;
        var pattern = "." + "*" + TemporarySuffix;
        // Side files are written beside the public folder, pages inside it; no link is entered.
        foreach (var file in Directory.EnumerateFiles(layout.Directory, pattern, SearchOption.TopDirectoryOnly)
                     .Where(f => !OutputFiles.IsLink(f))
                     .Concat(OutputFiles.Walk(layout.PublicDirectory)
                         .Where(f => !f.IsLink && IsTemporary(Path.GetFileName(f.Path)))
                         .Select(f => Path.Combine(layout.PublicDirectory, f.Path))))
        {
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    /// <summary>
    /// Writes a file under a temporary name and renames it into place. Never through a link: a link in the way (a
    /// folder on the path, or the file itself) is removed first, leaving what it points at untouched, and reported.
    /// </summary>
    /// <param name="folderChecked">The folder was checked and made by the write just before, of a file beside this
    /// one: only the file itself is looked at.</param>
    private void WriteAtomically(string relativePath, ReadOnlySpan<byte> content, bool folderChecked = false)
    {
        var full = FullPathOf(relativePath);
        var directory = Path.GetDirectoryName(full)!;
        if (folderChecked)
        {
            if (OutputFiles.IsLink(full)) RemoveLink(relativePath);
        }
        else
        {
            for (var removed = 0; LinkOnPath(relativePath) is { } link; removed++)
            {
                if (removed > relativePath.Length) throw new IOException($"Links keep appearing on {relativePath}");
                RemoveLink(link);
            }
            Directory.CreateDirectory(directory);
        }
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{TemporarySuffix}");
        using (var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write))
            RandomAccess.Write(handle, content, 0);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Removes a link itself (unlink: what it points at stays as it is) and reports it.</summary>
    private void RemoveLink(string relativeLink)
    {
        var full = FullPathOf(relativeLink);
        var target = new FileInfo(full).LinkTarget ?? "";
        File.Delete(full);
        LinkRemoved?.Invoke(relativeLink, target);
    }
}
