using Npgsql;

namespace GovPortal.Publishing.Replication;

/// <summary>
/// Reads the origin's output from PostgreSQL within one snapshot (a read-only, repeatable-read transaction, which
/// a hot standby allows): the sites and their generations, the rows changed since a generation, and contents.
/// </summary>
internal sealed class GenerationReader(NpgsqlConnection connection, NpgsqlTransaction snapshot)
{
    public static async Task<GenerationReader> BeginAsync(NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead,
            cancellationToken);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, snapshot))
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
        return new GenerationReader(connection, snapshot);
    }

    /// <returns>Each site's current generation; empty when the origin has not yet published with this database.
    /// </returns>
    public async Task<IReadOnlyDictionary<string, long>> SitesAsync(CancellationToken cancellationToken)
    {
        var sites = new Dictionary<string, long>(StringComparer.Ordinal);
        // Asked first: a failed statement would end the snapshot.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('output_sites') IS NOT NULL", connection,
                         snapshot))
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true) return sites;
        await using var command = new NpgsqlCommand("SELECT site, generation FROM output_sites", connection, snapshot);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) sites[reader.GetString(0)] = reader.GetInt64(1);
        return sites;
    }

    /// <summary>The site's rows changed after <paramref name="since"/>; from 0, only the files that exist.</summary>
    public async Task<List<ReplicatedFile>> ChangedAsync(string site, long since,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT path, sha256, size, modified_utc, owner, download_name FROM output_files
            WHERE site = @site AND generation > @since AND (@since > 0 OR sha256 IS NOT NULL)
            ORDER BY path
            """, connection, snapshot);
        command.Parameters.AddWithValue("site", site);
        command.Parameters.AddWithValue("since", since);
        var rows = new List<ReplicatedFile>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new ReplicatedFile(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetInt64(2), DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return rows;
    }

    /// <summary>The stored contents of these hashes (brotli or plain, as the origin kept them), unchecked.</summary>
    public async Task<Dictionary<string, (bool Brotli, byte[] Stored)>> ObjectsAsync(IReadOnlyCollection<string> shas,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (bool, byte[])>(StringComparer.Ordinal);
        if (shas.Count == 0) return found;
        await using var command = new NpgsqlCommand(
            "SELECT sha256, brotli, content FROM output_objects WHERE sha256 = ANY(@shas)", connection, snapshot);
        command.Parameters.Add(new NpgsqlParameter<string[]>("shas", shas.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[reader.GetString(0)] = (reader.GetBoolean(1), (byte[])reader[2]);
        return found;
    }

    public Task EndAsync(CancellationToken cancellationToken) => snapshot.CommitAsync(cancellationToken);
}
