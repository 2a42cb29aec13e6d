using Npgsql;

namespace GovPortal.Storage;

/// <summary>The files every origin shares, in one table of the PostgreSQL database (<see cref="ISharedFiles"/>).
/// </summary>
public sealed class PostgresSharedFiles : ISharedFiles, IDisposable
{
    // Two origins starting side by side do not create the table twice.
    private const long SchemaLockKey = 0x476f765368617231;

    private readonly NpgsqlDataSource _source;
    private readonly Lazy<bool> _schema;

    public PostgresSharedFiles(string connectionString)
    {
        _source = NpgsqlDataSource.Create(connectionString);
        _schema = new Lazy<bool>(() =>
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            using var command = new NpgsqlCommand($"""
                SELECT pg_advisory_xact_lock({SchemaLockKey});
                CREATE TABLE IF NOT EXISTS shared_files (
                    area text NOT NULL, name text NOT NULL, content bytea NOT NULL,
                    saved_utc timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (area, name));
                """, connection, transaction);
            command.ExecuteNonQuery();
            transaction.Commit();
            return true;
        });
    }

    private NpgsqlConnection Open()
    {
        _ = _schema.Value;
        return _source.OpenConnection();
    }

    public void Put(string area, string name, ReadOnlySpan<byte> content)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("""
            INSERT INTO shared_files (area, name, content) VALUES (@area, @name, @content)
            ON CONFLICT (area, name) DO UPDATE SET content = excluded.content, saved_utc = now()
            """, connection);
        command.Parameters.AddWithValue("area", area);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("content", content.ToArray());
        command.ExecuteNonQuery();
    }

    public byte[]? Get(string area, string name)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "SELECT content FROM shared_files WHERE area = @area AND name = @name", connection);
        command.Parameters.AddWithValue("area", area);
        command.Parameters.AddWithValue("name", name);
        return command.ExecuteScalar() as byte[];
    }

    public void Delete(string area, string name)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("DELETE FROM shared_files WHERE area = @area AND name = @name",
            connection);
        command.Parameters.AddWithValue("area", area);
        command.Parameters.AddWithValue("name", name);
        command.ExecuteNonQuery();
    }

    public IReadOnlyDictionary<string, DateTime> Saved(string area)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT name, saved_utc FROM shared_files WHERE area = @area",
            connection);
        command.Parameters.AddWithValue("area", area);
        var saved = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read()) saved[reader.GetString(0)] = reader.GetDateTime(1);
        return saved;
    }

    public void Dispose() => _source.Dispose();
}
