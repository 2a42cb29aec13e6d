namespace GovPortal.Publishing;

/// <summary>
/// A change the pages must show is saved to the database first and published after: a process killed between the two
/// would leave the database ahead of the site with nothing to say so. While any such change is on its way, the
/// output holds a marker (<see cref="Output.OutputLayout.ChangePendingMarker"/>), written to the disk before the
/// save; a start that finds it rebuilds everything (<see cref="Output.InterruptedPublish"/>).
/// </summary>
public sealed partial class Publisher
{
    private readonly Lock _changesLock = new();
    private int _changesOnTheirWay;

    /// <summary>
    /// Call before saving a change that a publish must bring out; call <see cref="PendingChange.Saved"/> once the
    /// save succeeded and <see cref="PendingChange.Published"/> once its pages are out, and dispose it in any case.
    /// A change saved but never published leaves the rebuild marker, so the next publish catches up.
    /// </summary>
    public PendingChange BeginChange()
    {
        lock (_changesLock)
        {
            if (_changesOnTheirWay == 0) WriteToDisk(store.Layout.ChangePendingMarker, "change being saved");
            _changesOnTheirWay++;
        }
        return new PendingChange(this);
    }

    private void EndChange(bool savedButNotPublished)
    {
        if (savedButNotPublished) WriteToDisk(RebuildMarker, "saved change not published");
        lock (_changesLock)
        {
            if (--_changesOnTheirWay == 0) File.Delete(store.Layout.ChangePendingMarker);
        }
    }

    /// <summary>Puts back what a killed process left half published (<see cref="Output.InterruptedPublish"/>).
    /// </summary>
    public Output.InterruptedPublish RecoverInterruptedPublish() => Output.InterruptedPublish.Recover(store);

    /// <summary>Writes a marker and forces it to the disk, so it is there even if the power fails next.</summary>
    private static void WriteToDisk(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>One change on its way from the database to the pages; see <see cref="BeginChange"/>.</summary>
    public sealed class PendingChange(Publisher publisher) : IDisposable
    {
        private bool _saved, _published, _ended;

        /// <summary>Whether the change is in the database (committed).</summary>
        public bool IsSaved => _saved;

        public void Saved() => _saved = true;

        public void Published() => _published = true;

        public void Dispose()
        {
            if (_ended) return;
            _ended = true;
            publisher.EndChange(_saved && !_published);
        }
    }
}
