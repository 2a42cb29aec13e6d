namespace GovPortal.Publishing.Output;

/// <summary>
/// The paths one owner (a page key) has: a page has one to three (the file, its .gz and .br), so they are kept in a
/// short list searched in order, and in a hash set only for the rare owner with many. A full publish of a million
/// articles holds a million of these twice (the batch's and the manifest's), and a hash set per owner costs several
/// times the list. Not thread-safe: callers lock.
/// </summary>
public sealed class OwnedPaths
{
    private const int ListedAtMost = 16;

    private readonly List<string> _list = new(3);
    private HashSet<string>? _set;

    public int Count => _set?.Count ?? _list.Count;

    public IReadOnlyCollection<string> All => _set is null ? _list : _set;

    public bool Contains(string path) => _set?.Contains(path) ?? _list.Contains(path, StringComparer.Ordinal);

    public void Add(string path)
    {
        if (_set is not null)
        {
            _set.Add(path);
            return;
        }
        if (_list.Contains(path, StringComparer.Ordinal)) return;
        _list.Add(path);
        if (_list.Count <= ListedAtMost) return;
        _set = new HashSet<string>(_list, StringComparer.Ordinal);
        _list.Clear();
        _list.TrimExcess();
    }

    public bool Remove(string path)
    {
        if (_set is not null) return _set.Remove(path);
        var index = _list.FindIndex(p => string.Equals(p, path, StringComparison.Ordinal));
        if (index < 0) return false;
        _list.RemoveAt(index);
        return true;
    }
}
