using System.Text;

namespace GovPortal.Publishing.Output;

/// <summary>
/// The files a running publish puts on disk before its manifest knows them: one line, path and SHA-256, written
/// before each file is renamed into place or, for a file the batch removes, before the manifest lets it go. A batch
/// that commits or rolls back leaves the disk as the manifest says, and the journal is deleted when the last running
/// batch ends. A journal found at start-up means the process was killed mid-publish: <see cref="InterruptedPublish"/>
/// puts back exactly the files it names (not files anyone else changed, which stay for the tamper guard to report).
/// </summary>
public sealed class PublishJournal(string file)
{
    private readonly Lock _lock = new();
    private FileStream? _stream;
    private int _activeBatches;

    /// <summary>Whether a publish is writing files right now.</summary>
    public bool IsActive => Volatile.Read(ref _activeBatches) > 0;

    public void BatchStarted()
    {
        lock (_lock) _activeBatches++;
    }

    /// <summary>Ends a batch; the last one to end deletes the journal, since the disk then agrees with the manifest.
    /// </summary>
    public void BatchEnded()
    {
        lock (_lock)
        {
            if (--_activeBatches > 0) return;
            _stream?.Dispose();
            _stream = null;
            File.Delete(file);
        }
    }

    /// <summary>
    /// Records that <paramref name="path"/> is about to hold the content with <paramref name="sha256"/>. Handed to the
    /// operating system before returning (not forced to the disk: it must survive the process, and a power cut takes
    /// the renames it guards with it).
    /// </summary>
    public void Record(string path, string sha256) => Record([(path, sha256)]);

    /// <summary>Records several files at once (a page and its variants), in one write.</summary>
    public void Record(IEnumerable<(string Path, string Sha256)> files)
    {
        var text = new StringBuilder();
        foreach (var (path, sha256) in files) text.Append(path).Append('\t').Append(sha256).Append('\n');
        var lines = Encoding.UTF8.GetBytes(text.ToString());
        lock (_lock)
        {
            _stream ??= new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
            _stream.Write(lines);
            _stream.Flush();
        }
    }

    /// <summary>
    /// The paths a journal left by a killed process names, each with every content the publish put there. A line
    /// cut short by the kill names no whole hash and is left out.
    /// </summary>
    public static Dictionary<string, HashSet<string>> Read(string file)
    {
        var entries = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(file))
        {
            var tab = line.LastIndexOf('\t');
            if (tab <= 0 || line.Length - tab - 1 != 64) continue;
            var path = line[..tab];
            if (!entries.TryGetValue(path, out var hashes)) entries[path] = hashes = new(StringComparer.Ordinal);
            hashes.Add(line[(tab + 1)..]);
        }
        return entries;
    }
}
