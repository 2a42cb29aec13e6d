using System.Collections;
using System.Collections.Concurrent;

namespace GovPortal.Publishing.Output;

/// <summary>
/// Manifest entries by path, held as <see cref="FileGroup"/>s: a file and its .gz and .br forms under one key, the
/// file's path. Reads take no lock and see each group whole; changes are made one at a time. Enumerating makes the
/// compressed forms' entries as it goes, so a caller that walks every entry holds no second copy of the table.
/// </summary>
public sealed class FileTable : IReadOnlyCollection<ManifestEntry>
{
    private readonly ConcurrentDictionary<string, FileGroup> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileGroup>.AlternateLookup<ReadOnlySpan<char>> _byGroupPath;
    private readonly Lock _changeLock = new();
    private int _count;

    public FileTable() => _byGroupPath = _groups.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many files (each form counts).</summary>
    public int Count => Volatile.Read(ref _count);

    public bool TryGet(string path, out ManifestEntry entry)
    {
        var form = FileForms.Of(path, out var groupLength);
        entry = _byGroupPath.TryGetValue(path.AsSpan(0, groupLength), out var group) ? group.Get(form, path)! : null!;
        return entry is not null;
    }

    public bool Contains(string path)
    {
        var form = FileForms.Of(path, out var groupLength);
        return _byGroupPath.TryGetValue(path.AsSpan(0, groupLength), out var group) && group.Has(form);
    }

    /// <summary>Records <paramref name="entry"/> at its path.</summary>
    /// <returns>The entry it replaced, or null.</returns>
    public ManifestEntry? Set(ManifestEntry entry)
    {
        var form = FileForms.Of(entry.Path, out var groupLength);
        lock (_changeLock)
        {
            // The key already in the table, if any, so that a group keeps one path string.
            var groupPath = _byGroupPath.TryGetValue(entry.Path.AsSpan(0, groupLength), out var key, out var group)
                ? key
                : form == FileForm.File ? entry.Path : entry.Path[..groupLength];
            var previous = group?.Get(form, entry.Path);
            _groups[groupPath] = FileGroup.With(group, groupPath, form, entry);
            if (previous is null) _count++;
            return previous;
        }
    }

    /// <summary>
    /// Sets <paramref name="incoming"/>'s forms at <paramref name="path"/>, as <see cref="Set"/> would each of its
    /// entries: the group itself is kept when it covers every form held there (<see cref="FileGroup.Merge"/>).
    /// </summary>
    /// <returns>The key the group is held under, and the group it replaced, if any.</returns>
    public (string GroupPath, FileGroup? Previous) SetGroup(string path, FileGroup incoming)
    {
        lock (_changeLock)
        {
            var groupPath = _byGroupPath.TryGetValue(path.AsSpan(), out var key, out var group) ? key : path;
            var merged = FileGroup.Merge(group, groupPath, incoming);
            _groups[groupPath] = merged;
            _count += merged.FormCount - (group?.FormCount ?? 0);
            return (groupPath, group);
        }
    }

    /// <summary>The group at <paramref name="groupPath"/> (a file's path), or null.</summary>
    public FileGroup? GroupAt(ReadOnlySpan<char> groupPath) =>
        _byGroupPath.TryGetValue(groupPath, out var group) ? group : null;

    /// <summary>The table's own string for the group at <paramref name="groupPath"/>, or null when it has none.
    /// </summary>
    public string? GroupPathOf(ReadOnlySpan<char> groupPath) =>
        _byGroupPath.TryGetValue(groupPath, out var key, out _) ? key : null;

    /// <summary>Every group with its path: a file's path, whether or not the group holds the file itself.</summary>
    public IEnumerable<(string Path, FileGroup Group)> Groups => _groups.Select(pair => (pair.Key, pair.Value));

    /// <summary>Forgets the file at <paramref name="path"/>.</summary>
    /// <returns>Its entry, or null when the table had none.</returns>
    public ManifestEntry? Remove(string path)
    {
        var form = FileForms.Of(path, out var groupLength);
        lock (_changeLock)
        {
            if (!_byGroupPath.TryGetValue(path.AsSpan(0, groupLength), out var groupPath, out var group)
                || group.Get(form, path) is not { } previous)
                return null;
            if (group.Without(form) is { } rest) _groups[groupPath] = rest;
            else _groups.TryRemove(groupPath, out _);
            _count--;
            return previous;
        }
    }

    /// <summary>Every file's path, made as it goes for the compressed forms.</summary>
    public IEnumerable<string> Paths => _groups.SelectMany(pair => pair.Value.Paths(pair.Key));

    public IEnumerator<ManifestEntry> GetEnumerator() =>
        _groups.SelectMany(pair => pair.Value.Entries(pair.Key)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
