using System.Security.Cryptography;
using GovPortal.Publishing.Output;
using Lucene.Net.Index;

namespace GovPortal.Search;

/// <summary>
/// SHA-256 of every file of the search index's current commit, recorded at each commit in
/// <see cref="OutputLayout.SearchChecksumsFile"/> beside the manifest, so that the tamper sweep can tell a changed or
/// deleted index file. Lucene never rewrites a file once written, so a file is hashed once when it first appears in
/// a commit.
/// </summary>
/// <remarks>
/// The recorded commit is the one searched (<see cref="RecordedCommit"/>), and every other file in the index folder
/// is reported: a newer commit or anything else put there by someone other than the publisher.
/// </remarks>
public sealed class SearchIndexChecksums(string indexDirectory, string checksumsFile)
{
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileStamp?> _verified = new(StringComparer.Ordinal);
    private (FileStamp? Stamp, string? Commit) _recorded;

    // Lucene's own: the lock of an open writer, and the hint it rewrites at each commit (never read when a commit
    // is opened by name, as here).
    private static readonly HashSet<string> LuceneHousekeeping = new(StringComparer.Ordinal)
        { "write.lock", "segments.gen" };

    public string FilePath => checksumsFile;

    /// <summary>
    /// The segments file of the recorded commit (segments_N), or null when no checksums were recorded yet (an index
    /// from before they were kept). Read again only when the checksums file changed.
    /// </summary>
    public string? RecordedCommit()
    {
        var stamp = FileStamp.Of(checksumsFile);
        var known = _recorded;
        if (known.Stamp == stamp && stamp is not null) return known.Commit;
        string? commit = null;
        try
        {
            if (stamp is not null)
                commit = File.ReadLines(checksumsFile).Where(l => l.Length > 65 && l[64] == ' ').Select(l => l[65..])
                    .LastOrDefault(n => n.StartsWith(IndexFileNames.SEGMENTS + "_", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return known.Commit; // being replaced right now: the last one read is still right
        }
        _recorded = (stamp, commit);
        return commit;
    }

    /// <summary>Records the files of the commit just made. Called holding the index's write lock.</summary>
    public void Record(IEnumerable<string> commitFiles)
    {
        var files = commitFiles.Order(StringComparer.Ordinal).ToList();
        foreach (var name in files.Where(n => !_hashes.ContainsKey(n)))
            _hashes[name] = Hash(Path.Combine(indexDirectory, name));
        foreach (var gone in _hashes.Keys.Except(files).ToList())
        {
            _hashes.Remove(gone);
            _verified.Remove(gone);
        }
        var temporary = checksumsFile + ".tmp";
        File.WriteAllLines(temporary, files.Select(n => $"{_hashes[n]} {n}"));
        File.Move(temporary, checksumsFile, overwrite: true);
        foreach (var name in files) _verified[name] = FileStamp.Of(Path.Combine(indexDirectory, name));
    }

    /// <summary>
    /// The files of the recorded commit that are missing or differ. Files whose stamp did not move since they were
    /// last proved are trusted unless <paramref name="full"/>. Called holding the index's write lock.
    /// </summary>
    public List<(string File, IndexFileProblem Problem)> Verify(bool full)
    {
        var problems = new List<(string, IndexFileProblem)>();
        if (!File.Exists(checksumsFile)) return problems;
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(checksumsFile))
        {
            var space = line.IndexOf(' ');
            if (space != 64) continue;
            var (expected, name) = (line[..space], line[(space + 1)..]);
            if (name.Contains('/') || name.Contains('\\') || name.StartsWith('.')) continue;
            recorded.Add(name);
            var path = Path.Combine(indexDirectory, name);
            var stamp = FileStamp.Of(path);
            if (stamp is null)
            {
                problems.Add((name, IndexFileProblem.Missing));
                continue;
            }
            if (!full && _verified.TryGetValue(name, out var known) && known == stamp) continue;
            // A link is never followed: whatever it points at is not the file that was committed.
            if (OutputFiles.IsLink(path) || Hash(path) != expected)
            {
                problems.Add((name, IndexFileProblem.Modified));
                continue;
            }
            _hashes[name] = expected;
            _verified[name] = stamp;
        }
        if (Directory.Exists(indexDirectory))
            foreach (var entry in new DirectoryInfo(indexDirectory).EnumerateFileSystemInfos())
                if (!recorded.Contains(entry.Name) && !LuceneHousekeeping.Contains(entry.Name))
                    problems.Add((entry.Name, IndexFileProblem.Unknown));
        return problems;
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>What is wrong with a file of the search index folder.</summary>
public enum IndexFileProblem
{
    /// <summary>A file of the recorded commit is gone.</summary>
    Missing,

    /// <summary>A file of the recorded commit differs from what was committed (or has become a link).</summary>
    Modified,

    /// <summary>A file no recorded commit holds: another commit, or anything else put into the folder.</summary>
    Unknown,
}
