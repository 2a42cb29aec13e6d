using GovPortal.Publishing.Output;
using Npgsql;
using NpgsqlTypes;

namespace GovPortal.Publishing.Replication;

/// <summary>
/// Copies every committed batch of every site into PostgreSQL (<see cref="OutputSchema"/>): the contents first,
/// then, in one transaction, the site's next generation with the files it wrote and removed. Public nodes follow
/// these generations from a streaming replica (<see cref="GenerationFollower"/>).
/// </summary>
public sealed class PostgresOutputMirror : IOutputMirror, IDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly Lazy<bool> _schema;

    public PostgresOutputMirror(string connectionString)
    {
        _source = NpgsqlDataSource.Create(connectionString);
        // On first use, not when made: the start checks the database first and says what is wrong with it.
        _schema = new Lazy<bool>(() =>
        {
            OutputSchema.Ensure(_source);
            return true;
        });
    }

    private NpgsqlConnection Open()
    {
        _ = _schema.Value;
        return _source.OpenConnection();
    }

    public void PutObjects(IReadOnlyCollection<(string Sha256, bool Brotli, byte[] Content)> objects)
    {
        if (objects.Count == 0) return;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO output_objects (sha256, brotli, content)
            SELECT * FROM unnest(@shas, @brotli, @contents) ON CONFLICT (sha256) DO NOTHING
            """;
        command.Parameters.Add(new NpgsqlParameter<string[]>("shas", objects.Select(o => o.Sha256).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<bool[]>("brotli", objects.Select(o => o.Brotli).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("contents", objects.Select(o => o.Content).ToArray())
            { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.ExecuteNonQuery();
    }

    public long Commit(string siteCode, IReadOnlyCollection<ManifestEntry> written,
        IReadOnlyCollection<string> removed, System.Data.Common.DbTransaction? within = null)
    {
        if (written.Count == 0 && removed.Count == 0) return 0;
        _ = _schema.Value;
        // Within the content change's transaction, which its caller commits right after.
        if (within is not null) return WriteGeneration((NpgsqlTransaction)within, siteCode, written, removed);
        using var connection = Open();
        using var own = connection.BeginTransaction();
        var generation = WriteGeneration(own, siteCode, written, removed);
        own.Commit();
        return generation;
    }

    private static long WriteGeneration(NpgsqlTransaction transaction, string siteCode,
        IReadOnlyCollection<ManifestEntry> written, IReadOnlyCollection<string> removed)
    {
        var connection = transaction.Connection!;
        long generation;
        using (var next = connection.CreateCommand())
        {
            next.Transaction = transaction;
            // The site's row is locked until the commit: generations of one site are numbered one after another.
            next.CommandText = """
                INSERT INTO output_sites (site, generation, committed_utc) VALUES (@site, 1, now())
                ON CONFLICT (site) DO UPDATE SET generation = output_sites.generation + 1, committed_utc = now()
                RETURNING generation
                """;
            next.Parameters.AddWithValue("site", siteCode);
            generation = (long)next.ExecuteScalar()!;
        }
        if (written.Count > 0)
        {
            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO output_files (site, path, sha256, size, modified_utc, owner, download_name, generation)
                SELECT @site, f.* , @generation FROM unnest(@paths, @shas, @sizes, @modified, @owners, @names)
                    AS f(path, sha256, size, modified_utc, owner, download_name)
                ON CONFLICT (site, path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size,
                    modified_utc = excluded.modified_utc, owner = excluded.owner,
                    download_name = excluded.download_name, generation = excluded.generation
                """;
            upsert.Parameters.AddWithValue("site", siteCode);
            upsert.Parameters.AddWithValue("generation", generation);
            // One walk fills every column: a batch's entries are made as they are read, so the columns line up only
            // if they come from the same walk.
            var (paths, shas, sizes, modified, owners, names) =
                (new List<string>(), new List<string>(), new List<long>(), new List<DateTime>(), new List<string>(),
                    new List<string?>());
            foreach (var entry in written)
            {
                paths.Add(entry.Path);
                shas.Add(entry.Sha256);
                sizes.Add(entry.Size);
                modified.Add(DateTime.SpecifyKind(entry.ModifiedUtc, DateTimeKind.Utc));
                owners.Add(entry.Owner);
                names.Add(entry.DownloadName);
            }
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("paths", [.. paths]));
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("shas", [.. shas]));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("sizes", [.. sizes]));
            upsert.Parameters.Add(new NpgsqlParameter<DateTime[]>("modified", [.. modified]));
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("owners", [.. owners]));
            upsert.Parameters.Add(new NpgsqlParameter<string?[]>("names", [.. names])
            {
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
            });
            upsert.ExecuteNonQuery();
        }
        if (removed.Count > 0)
        {
            using var remove = connection.CreateCommand();
            remove.Transaction = transaction;
            remove.CommandText = """
                UPDATE output_files SET sha256 = NULL, generation = @generation
                WHERE site = @site AND path = ANY(@paths) AND sha256 IS NOT NULL
                """;
            remove.Parameters.AddWithValue("site", siteCode);
            remove.Parameters.AddWithValue("generation", generation);
            remove.Parameters.Add(new NpgsqlParameter<string[]>("paths", removed.ToArray()));
            remove.ExecuteNonQuery();
        }
        return generation;
    }

    /// <summary>The site's generation in the database; null when none was committed.</summary>
    public long? GenerationOf(string siteCode)
    {
        using var connection = Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT generation FROM output_sites WHERE site = @site";
        select.Parameters.AddWithValue("site", siteCode);
        return select.ExecuteScalar() is long generation ? generation : null;
    }

    public void RemoveSite(string siteCode)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var remove = connection.CreateCommand();
        remove.Transaction = transaction;
        remove.CommandText = """
            DELETE FROM output_files WHERE site = @site;
            DELETE FROM output_sites WHERE site = @site;
            """;
        remove.Parameters.AddWithValue("site", siteCode);
        remove.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>
    /// Brings PostgreSQL in step with a site's manifest as it is on this disk (a first start with the mirror, or a
    /// database restored to an older state): files it lacks or holds otherwise are written as one generation, with
    /// their contents from the object store, and files it has that the manifest does not are removed.
    /// </summary>
    /// <returns>How many files differed.</returns>
    public int Reconcile(string siteCode, Manifest manifest, ObjectStore objects)
    {
        var mirrored = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var connection = Open())
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT path, sha256 FROM output_files WHERE site = @site AND sha256 IS NOT NULL";
            select.Parameters.AddWithValue("site", siteCode);
            using var reader = select.ExecuteReader();
            while (reader.Read()) mirrored[reader.GetString(0)] = reader.GetString(1);
        }
        var differing = manifest.Entries
            .Where(e => !mirrored.TryGetValue(e.Path, out var sha) || sha != e.Sha256).ToList();
        var removed = mirrored.Keys.Where(path => !manifest.TryGet(path, out _)).ToList();
        if (differing.Count == 0 && removed.Count == 0) return 0;
        var batch = new List<(string, bool, byte[])>();
        long bytes = 0;
        foreach (var entry in differing)
        {
            if (objects.TryGetStored(entry.Sha256) is not { } stored) continue; // a variant, made again by nodes
            batch.Add((entry.Sha256, stored.Brotli, stored.Stored));
            bytes += stored.Stored.Length;
            if (bytes < 32L * 1024 * 1024) continue;
            PutObjects(batch);
            batch.Clear();
            bytes = 0;
        }
        PutObjects(batch);
        Commit(siteCode, differing, removed);
        return differing.Count + removed.Count;
    }

    public void Dispose() => _source.Dispose();
}
