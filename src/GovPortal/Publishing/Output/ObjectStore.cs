using Microsoft.Data.Sqlite;

namespace GovPortal.Publishing.Output;

/// <summary>
/// Every version of every published file, by SHA-256, kept outside the public folder: the last good copy the tamper
/// guard restores from, even when the output folder has been wiped. Content-addressed, so a file that did not change
/// is stored once. Text is kept as the brotli bytes the publisher made anyway (a third of the size); the gzip and
/// brotli variants are not kept, since they are made again from the original and checked against the manifest.
/// </summary>
public sealed class ObjectStore
{
    private readonly string _file;

    public ObjectStore(string file)
    {
        _file = file;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var connection = Connect();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS objects
                (sha256 TEXT PRIMARY KEY, brotli INTEGER NOT NULL, content BLOB NOT NULL) WITHOUT ROWID;
            """;
        create.ExecuteNonQuery();
    }

    /// <summary>
    /// Stores the contents in one transaction; contents already stored are skipped. <c>Brotli</c> says the bytes
    /// are the brotli compression of the content whose hash is given.
    /// </summary>
    public void PutAll(IReadOnlyCollection<(string Sha256, bool Brotli, byte[] Content)> objects)
    {
        if (objects.Count == 0) return;
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR IGNORE INTO objects (sha256, brotli, content) VALUES ($h, $b, $c)";
        var sha = insert.Parameters.Add("$h", SqliteType.Text);
        var brotli = insert.Parameters.Add("$b", SqliteType.Integer);
        var content = insert.Parameters.Add("$c", SqliteType.Blob);
        foreach (var item in objects)
        {
            sha.Value = item.Sha256;
            brotli.Value = item.Brotli ? 1 : 0;
            content.Value = item.Content;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The content with this hash, or null if it was never published (or does not check out).</summary>
    public byte[]? TryGet(string sha256)
    {
        using var connection = Connect();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT brotli, content FROM objects WHERE sha256 = $h";
        select.Parameters.AddWithValue("$h", sha256);
        using var reader = select.ExecuteReader();
        if (!reader.Read()) return null;
        var stored = (byte[])reader[1];
        var content = reader.GetInt64(0) == 1 ? Precompressor.Unbrotli(stored) : stored;
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)) == sha256
            ? content
            : null;
    }

    /// <summary>The stored bytes of a content as kept (brotli or plain), unchecked; null if not kept.</summary>
    public (bool Brotli, byte[] Stored)? TryGetStored(string sha256)
    {
        using var connection = Connect();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT brotli, content FROM objects WHERE sha256 = $h";
        select.Parameters.AddWithValue("$h", sha256);
        using var reader = select.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0) == 1, (byte[])reader[1]) : null;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={_file};Pooling=True");
        connection.Open();
        return connection;
    }
}
