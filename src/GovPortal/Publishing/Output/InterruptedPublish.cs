using System.Security.Cryptography;

namespace GovPortal.Publishing.Output;

/// <summary>What a start found of a publish that a killed process left behind.</summary>
/// <param name="Interrupted">A publish was writing files, or a change was being saved, when the process stopped.
/// </param>
/// <param name="FilesPutBack">Files of the cut-off publish returned to their manifest versions.</param>
/// <param name="FilesRemoved">Files of the cut-off publish that the manifest does not hold, removed.</param>
public sealed record InterruptedPublish(bool Interrupted, int FilesPutBack, int FilesRemoved)
{
    public static readonly InterruptedPublish None = new(false, 0, 0);

    /// <summary>
    /// Run at start-up before anything serves or sweeps: undoes the files a killed publish renamed into place or had
    /// not yet deleted, as its journal names them, so the disk is the manifest's last good site again; and when a
    /// publish or a saved change was cut off, leaves the rebuild marker, since the database may hold what never
    /// reached the pages. A file whose content is not one the publish wrote is not touched: somebody else changed
    /// it, and the tamper guard reports it.
    /// </summary>
    public static InterruptedPublish Recover(OutputStore store)
    {
        var layout = store.Layout;
        var journal = layout.PublishJournalFile;
        var changePending = File.Exists(layout.ChangePendingMarker);
        if (!File.Exists(journal) && !changePending) return None;
        int putBack = 0, removed = 0;
        if (File.Exists(journal))
        {
            lock (store.CommitLock)
            {
                foreach (var (path, written) in PublishJournal.Read(journal))
                {
                    switch (Undo(store, path, written))
                    {
                        case Outcome.PutBack: putBack++; break;
                        case Outcome.Removed: removed++; break;
                    }
                }
            }
        }
        File.WriteAllText(layout.RebuildMarker, "interrupted publish");
        File.Delete(journal);
        File.Delete(layout.ChangePendingMarker);
        return new InterruptedPublish(true, putBack, removed);
    }

    private enum Outcome { Unchanged, PutBack, Removed }

    private static Outcome Undo(OutputStore store, string path, HashSet<string> written)
    {
        string full;
        try
        {
            full = store.FullPathOf(path);
        }
        catch (ArgumentException)
        {
            return Outcome.Unchanged; // not a path this output could have written
        }
        // A link is never the publish's own work: the guard quarantines it and reports it.
        if (store.LinkOnPath(path) is not null || new FileInfo(full) is not { Exists: true } info)
            return Outcome.Unchanged;
        // Nothing the publish wrote has another size; and what reads as empty may be a pipe, never opened.
        if (info.Length == 0 || info.Length > OutputStore.MaxCheckedFileBytes) return Outcome.Unchanged;
        string onDisk;
        using (var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            onDisk = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (!written.Contains(onDisk)) return Outcome.Unchanged;
        if (!store.Manifest.TryGet(path, out var entry))
        {
            store.DeleteFile(path);
            return Outcome.Removed;
        }
        if (entry.Sha256 == onDisk) return Outcome.Unchanged; // its batch committed
        if (store.TrueContentOf(entry) is not { } truth) return Outcome.Unchanged;
        store.Restore(path, truth);
        return Outcome.PutBack;
    }
}
