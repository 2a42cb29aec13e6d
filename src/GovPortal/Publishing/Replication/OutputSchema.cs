using Npgsql;

namespace GovPortal.Publishing.Replication;

/// <summary>
/// The tables in PostgreSQL that hold what the public may see, per site: its generation (a counter moved by every
/// committed batch), every file of its output with the generation that last changed it (a removed file keeps a row
/// without a hash, so a node that was away learns it is gone), and the contents by SHA-256. Replicated with the
/// rest of the database, so a node in the DMZ reads them from a read-only standby.
/// </summary>
public static class OutputSchema
{
    // One key for every origin: two starting side by side do not create the tables twice.
    private const long SchemaLockKey = 0x476f76506f727431;

    public static void Ensure(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT pg_advisory_xact_lock({SchemaLockKey});
            CREATE TABLE IF NOT EXISTS output_sites (
                site text PRIMARY KEY, generation bigint NOT NULL, committed_utc timestamptz NOT NULL);
            CREATE TABLE IF NOT EXISTS output_files (
                site text NOT NULL, path text NOT NULL, sha256 text, size bigint NOT NULL,
                modified_utc timestamptz NOT NULL, owner text NOT NULL, download_name text,
                generation bigint NOT NULL, PRIMARY KEY (site, path));
            CREATE INDEX IF NOT EXISTS output_files_by_generation ON output_files (site, generation);
            CREATE TABLE IF NOT EXISTS output_objects (
                sha256 text PRIMARY KEY, brotli boolean NOT NULL, content bytea NOT NULL);
            """;
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
