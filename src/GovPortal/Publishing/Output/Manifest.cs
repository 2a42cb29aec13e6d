using Microsoft.Data.Sqlite;

namespace GovPortal.Publishing.Output;

/// <summary>
/// The record of every file in the published output: path, SHA-256, size, owner. Kept in memory for serving and
/// persisted in a small SQLite file beside the output, so a public node can load it without the back-office database.
/// In memory a page's file and its .gz and .br forms are one record (<see cref="FileTable"/>): a million pages
/// are a million records, not three million.
/// </summary>
public sealed class Manifest
{
    private readonly string _file;
    private readonly FileTable _entries = new();
    private readonly Dictionary<string, OwnedPaths> _pathsByOwner = new(StringComparer.Ordinal);
    private readonly Lock _ownerLock = new();

    private Manifest(string file) => _file = file;

    public int Count => _entries.Count;

    /// <summary>Raised after paths left the manifest (the served-file cache forgets them).</summary>
    public event Action<IReadOnlyCollection<string>>? Removed;
    /// <summary>Every entry; the compressed forms' are made as the walk reaches them.</summary>
    public IEnumerable<ManifestEntry> Entries => _entries;

    /// <summary>Every page's group of files with its path (<see cref="FileTable.Groups"/>).</summary>
    public IEnumerable<(string Path, FileGroup Group)> Groups => _entries.Groups;

    /// <summary>The manifest's own string for the group at <paramref name="groupPath"/>, or null.</summary>
    public string? GroupPathOf(ReadOnlySpan<char> groupPath) => _entries.GroupPathOf(groupPath);

    public static Manifest Open(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var manifest = new Manifest(file);
        using var connection = manifest.Connect();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE IF NOT EXISTS files (
                    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
                    modified_utc TEXT NOT NULL, owner TEXT NOT NULL, download_name TEXT);
                """;
            create.ExecuteNonQuery();
        }
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT path, sha256, size, modified_utc, owner, download_name FROM files";
        using var reader = select.ExecuteReader();
        // A page's files share one owner string, as a publish makes them: a million articles' manifest holds a
        // million owners, not three.
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var owner = reader.GetString(4);
            if (!owners.TryAdd(owner, owner)) owner = owners[owner];
            var entry = new ManifestEntry(reader.GetString(0), FileHash.Parse(reader.GetString(1)), reader.GetInt64(2),
                DateTime.SpecifyKind(
                    DateTime.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture),
                    DateTimeKind.Utc),
                owner, reader.IsDBNull(5) ? null : reader.GetString(5));
            manifest.Set(entry);
        }
        return manifest;
    }

    /// <summary>The entry at <paramref name="path"/>; a compressed form's is made on each call.</summary>
    public bool TryGet(string path, out ManifestEntry entry) => _entries.TryGet(path, out entry);

    public IReadOnlyCollection<string> PathsOwnedBy(string owner)
    {
        lock (_ownerLock)
            return _pathsByOwner.TryGetValue(owner, out var paths) ? paths.All : [];
    }

    public IReadOnlyCollection<string> Owners()
    {
        lock (_ownerLock) return _pathsByOwner.Keys.ToList();
    }

    /// <summary>Records written and removed files: first durably on disk (one transaction), then in memory.</summary>
    public void Apply(IReadOnlyCollection<ManifestEntry> upserts, IReadOnlyCollection<string> removals)
    {
        if (upserts.Count == 0 && removals.Count == 0) return;
        using (var connection = Connect())
        using (var transaction = connection.BeginTransaction())
        {
            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO files (path, sha256, size, modified_utc, owner, download_name)
                VALUES ($p, $h, $s, $m, $o, $d)
                ON CONFLICT(path) DO UPDATE SET sha256 = $h, size = $s, modified_utc = $m, owner = $o,
                    download_name = $d
                """;
            var p = upsert.Parameters.Add("$p", SqliteType.Text);
            var h = upsert.Parameters.Add("$h", SqliteType.Text);
            var s = upsert.Parameters.Add("$s", SqliteType.Integer);
            var m = upsert.Parameters.Add("$m", SqliteType.Text);
            var o = upsert.Parameters.Add("$o", SqliteType.Text);
            var d = upsert.Parameters.Add("$d", SqliteType.Text);
            foreach (var entry in upserts)
            {
                p.Value = entry.Path;
                h.Value = entry.Sha256;
                s.Value = entry.Size;
                m.Value = entry.ModifiedUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                o.Value = entry.Owner;
                d.Value = (object?)entry.DownloadName ?? DBNull.Value;
                upsert.ExecuteNonQuery();
            }
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM files WHERE path = $p";
            var dp = delete.Parameters.Add("$p", SqliteType.Text);
            foreach (var path in removals)
            {
                dp.Value = path;
                delete.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        if (upserts is FileTable table) SetGroups(table);
        else
            foreach (var entry in upserts) Set(entry);
        foreach (var path in removals) Unset(path);
        if (removals.Count > 0) Removed?.Invoke(removals);
    }

    private void Set(ManifestEntry entry)
    {
        lock (_ownerLock)
        {
            if (_entries.Set(entry) is { } previous && previous.Owner != entry.Owner) RemoveOwnerLink(previous);
            PathsOf(entry.Owner).Add(entry.Path);
        }
    }

    /// <summary>
    /// Records a batch's groups as they are: a page written anew is the batch's own group object, not a copy, so a
    /// full publish of a million pages does not hold two million groups while it commits.
    /// </summary>
    private void SetGroups(FileTable table)
    {
        foreach (var (path, incoming) in table.Groups)
        {
            lock (_ownerLock)
            {
                var (groupPath, previous) = _entries.SetGroup(path, incoming);
                // A page's forms share their owner: its paths are looked up once, not once a form.
                (string Owner, OwnedPaths Paths)? owned = null;
                foreach (var form in incoming.Forms)
                {
                    var owner = incoming.OwnerOf(form)!;
                    if (previous?.OwnerOf(form) is { } before && before != owner)
                        RemoveOwnerLink(before, FileForms.PathOf(groupPath, form));
                    if (owned?.Owner != owner) owned = (owner, PathsOf(owner));
                    owned.Value.Paths.Add(groupPath, form);
                }
            }
        }
    }

    /// <summary>The paths <paramref name="owner"/> has, made empty for a new owner. The caller holds the lock.
    /// </summary>
    private OwnedPaths PathsOf(string owner)
    {
        if (!_pathsByOwner.TryGetValue(owner, out var paths)) _pathsByOwner[owner] = paths = new();
        return paths;
    }

    private void Unset(string path)
    {
        lock (_ownerLock)
        {
            if (_entries.Remove(path) is { } previous) RemoveOwnerLink(previous);
        }
    }

    private void RemoveOwnerLink(ManifestEntry entry) => RemoveOwnerLink(entry.Owner, entry.Path);

    private void RemoveOwnerLink(string owner, string path)
    {
        if (_pathsByOwner.TryGetValue(owner, out var paths) && paths.Remove(path) && paths.Count == 0)
            _pathsByOwner.Remove(owner);
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        connection.Open();
        return connection;
    }
}
