using GovPortal.Hosting;

namespace GovPortal.PublicSite;

/// <summary>
/// The addresses of withdrawn articles (撤稿), answered with 410 Gone and a short notice instead of 404. Kept in
/// output/withdrawn.txt beside the pages, so public nodes know them without a database; read again when the file
/// changes.
/// </summary>
public sealed class WithdrawnPages(PortalPaths paths)
{
    private readonly System.Threading.Lock _lock = new();
    private (DateTime Stamp, long Length, HashSet<string> Paths) _loaded = (DateTime.MinValue, -1, new HashSet<string>(StringComparer.Ordinal));

    private string FilePath => Path.Combine(paths.OutputDirectory, "withdrawn.txt");

    /// <param name="path">Output-relative, e.g. xwzx/xcyw/202310/t20231012_17.html.</param>
    public bool Contains(string path) => Current().Contains(path);

    public void Add(string url) => Change(set => set.Add(url.TrimStart('/')));

    public void Remove(string url) => Change(set => set.Remove(url.TrimStart('/')));

    /// <summary>Replaces the whole list (a full publish).</summary>
    public void ReplaceAll(IEnumerable<string> urls) => Change(set =>
    {
        set.Clear();
        foreach (var url in urls) set.Add(url.TrimStart('/'));
        return true;
    });

    private void Change(Func<HashSet<string>, bool> change)
    {
        lock (_lock)
        {
            var set = new HashSet<string>(Current(), StringComparer.Ordinal);
            if (!change(set) && File.Exists(FilePath)) return;
            Directory.CreateDirectory(paths.OutputDirectory);
            var temporary = FilePath + ".tmp";
            File.WriteAllLines(temporary, set.Order(StringComparer.Ordinal));
            File.Move(temporary, FilePath, overwrite: true);
            _loaded = (DateTime.MinValue, -1, set); // read back (with its stamp) on the next look
        }
    }

    private HashSet<string> Current()
    {
        var file = new FileInfo(FilePath);
        var stamp = file.Exists ? file.LastWriteTimeUtc : DateTime.MinValue;
        var length = file.Exists ? file.Length : -1;
        lock (_lock)
        {
            if (_loaded.Stamp == stamp && _loaded.Length == length) return _loaded.Paths;
            var set = file.Exists ? File.ReadAllLines(file.FullName).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
            _loaded = (stamp, length, set);
            return set;
        }
    }
}
