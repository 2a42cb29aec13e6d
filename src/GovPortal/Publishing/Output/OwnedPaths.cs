using System.Numerics;

namespace GovPortal.Publishing.Output;

/// <summary>
/// The paths one owner (a page key) has. A page has one to three (the file, its .gz and .br), kept as one group path
/// with a bit per form (<see cref="FileForms"/>), so the compressed forms' paths are never held; groups are kept in
/// a short list searched in order, and in a dictionary only for the rare owner with many. A full publish of a million
/// articles holds a million of these twice (the batch's and the manifest's). Not thread-safe: callers lock.
/// </summary>
public sealed class OwnedPaths
{
    private const int ListedAtMost = 16;
    private static readonly FileForm[] AllForms = [FileForm.File, FileForm.Gzip, FileForm.Brotli];

    // Usually one group; the list is made only for a second.
    private string? _firstGroup;
    private byte _firstForms;
    private List<(string Group, byte Forms)>? _list;
    private Dictionary<string, byte>? _many;

    public int Count => Groups().Sum(group => BitOperations.PopCount(group.Forms));

    /// <summary>Every path, in a new list (the compressed forms' paths are made for it): the caller may keep it.
    /// </summary>
    public IReadOnlyCollection<string> All => Groups().SelectMany(g => PathsOf(g.Group, g.Forms)).ToList();

    public bool Contains(string path)
    {
        var bit = Bit(path, out var groupLength);
        return (FormsOf(path.AsSpan(0, groupLength)) & bit) != 0;
    }

    public void Add(string path)
    {
        var bit = Bit(path, out var groupLength);
        Add(path, groupLength, bit);
    }

    /// <summary>Adds the path of <paramref name="form"/> in the group at <paramref name="groupPath"/>, without
    /// making it.</summary>
    public void Add(string groupPath, FileForm form) => Add(groupPath, groupPath.Length, FileForms.BitOf(form));

    /// <summary>Adds a form's bit for the group whose path is the first <paramref name="groupLength"/> characters of
    /// <paramref name="path"/>; the group's string is made only for a group not held yet.</summary>
    private void Add(string path, int groupLength, byte bit)
    {
        var group = path.AsSpan(0, groupLength);
        if (_many is not null)
        {
            var lookup = _many.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(group, out var key, out var forms)) _many[key] = (byte)(forms | bit);
            else _many[GroupPath(path, groupLength)] = bit;
            return;
        }
        if (_firstGroup is null)
        {
            (_firstGroup, _firstForms) = (GroupPath(path, groupLength), bit);
            return;
        }
        if (group.SequenceEqual(_firstGroup))
        {
            _firstForms |= bit;
            return;
        }
        _list ??= new(2);
        var index = IndexInList(group);
        if (index >= 0)
        {
            _list[index] = (_list[index].Group, (byte)(_list[index].Forms | bit));
            return;
        }
        _list.Add((GroupPath(path, groupLength), bit));
        if (_list.Count < ListedAtMost) return;
        _many = new Dictionary<string, byte>(StringComparer.Ordinal) { [_firstGroup] = _firstForms };
        foreach (var (g, forms) in _list) _many[g] = forms;
        (_firstGroup, _firstForms, _list) = (null, 0, null);
    }

    public bool Remove(string path)
    {
        var bit = Bit(path, out var groupLength);
        var group = path.AsSpan(0, groupLength);
        if (_many is not null)
        {
            var lookup = _many.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(group, out var key, out var forms) || (forms & bit) == 0) return false;
            if ((forms & ~bit) == 0) _many.Remove(key);
            else _many[key] = (byte)(forms & ~bit);
            return true;
        }
        if (_firstGroup is not null && group.SequenceEqual(_firstGroup))
        {
            if ((_firstForms & bit) == 0) return false;
            _firstForms &= (byte)~bit;
            if (_firstForms == 0) PromoteFromList();
            return true;
        }
        var index = IndexInList(group);
        if (index < 0 || (_list![index].Forms & bit) == 0) return false;
        var rest = (byte)(_list[index].Forms & ~bit);
        if (rest == 0) _list.RemoveAt(index);
        else _list[index] = (_list[index].Group, rest);
        return true;
    }

    private int IndexInList(ReadOnlySpan<char> group)
    {
        for (var i = 0; i < (_list?.Count ?? 0); i++)
            if (group.SequenceEqual(_list![i].Group))
                return i;
        return -1;
    }

    private void PromoteFromList()
    {
        if (_list is not { Count: > 0 })
        {
            (_firstGroup, _list) = (null, null);
            return;
        }
        (_firstGroup, _firstForms) = _list[^1];
        _list.RemoveAt(_list.Count - 1);
    }

    /// <summary>The bits (<see cref="FileForms.BitOf"/>) of the forms held in the group at <paramref name="group"/>.
    /// </summary>
    public byte FormsOf(ReadOnlySpan<char> group)
    {
        if (_many is not null)
            return _many.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(group, out var forms) ? forms : (byte)0;
        if (_firstGroup is not null && group.SequenceEqual(_firstGroup)) return _firstForms;
        var index = IndexInList(group);
        return index < 0 ? (byte)0 : _list![index].Forms;
    }

    private IEnumerable<(string Group, byte Forms)> Groups()
    {
        if (_many is not null)
        {
            foreach (var (group, forms) in _many) yield return (group, forms);
            yield break;
        }
        if (_firstGroup is not null) yield return (_firstGroup, _firstForms);
        foreach (var group in _list ?? []) yield return group;
    }

    private static IEnumerable<string> PathsOf(string group, byte forms)
    {
        foreach (var form in AllForms)
            if ((forms & (1 << (int)form)) != 0)
                yield return FileForms.PathOf(group, form);
    }

    private static byte Bit(string path, out int groupLength) =>
        FileForms.BitOf(FileForms.Of(path, out groupLength));

    private static string GroupPath(string path, int groupLength) =>
        groupLength == path.Length ? path : path[..groupLength];
}
