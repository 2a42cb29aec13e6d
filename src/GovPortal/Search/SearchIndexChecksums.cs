using System.Security.Cryptography;
using GovPortal.Publishing.Output;

namespace GovPortal.Search;

/// <summary>
/// SHA-256 of every file of the search index's current commit, recorded at each commit in
/// <see cref="OutputLayout.SearchChecksumsFile"/> beside the manifest, so that the tamper sweep can tell a changed or
/// deleted index file. Lucene never rewrites a file once written, so a file is hashed once when it first appears in
/// a commit.
/// </summary>
public sealed class SearchIndexChecksums(string indexDirectory, string checksumsFile)
{
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileStamp?> _verified = new(StringComparer.Ordinal);

    public string FilePath => checksumsFile;

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
    public List<(string File, bool Missing)> Verify(bool full)
    {
        var problems = new List<(string, bool)>();
        if (!File.Exists(checksumsFile)) return problems;
        foreach (var line in File.ReadAllLines(checksumsFile))
        {
            var space = line.IndexOf(' ');
            if (space != 64) continue;
            var (expected, name) = (line[..space], line[(space + 1)..]);
            if (name.Contains('/') || name.Contains('\\') || name.StartsWith('.')) continue;
            var path = Path.Combine(indexDirectory, name);
            var stamp = FileStamp.Of(path);
            if (stamp is null)
            {
                problems.Add((name, true));
                continue;
            }
            if (!full && _verified.TryGetValue(name, out var known) && known == stamp) continue;
            if (Hash(path) != expected)
            {
                problems.Add((name, false));
                continue;
            }
            _hashes[name] = expected;
            _verified[name] = stamp;
        }
        return problems;
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
