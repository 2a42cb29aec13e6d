using Microsoft.Data.Sqlite;

namespace GovPortal.Publishing.Output;

/// <summary>
/// Every version of every published file, by SHA-256, kept outside the public folder: the last good copy the tamper
/// guard restores from, even when the output folder has been wiped. Content-addressed, so a file that did not change
/// is stored once.
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
            CREATE TABLE IF NOT EXISTS objects (sha256 TEXT PRIMARY KEY, content BLOB NOT NULL) WITHOUT ROWID;
            """;
        create.ExecuteNonQuery();
    }

    /// <summary>Stores the contents in one transaction; contents already stored are skipped.</summary>
    public void PutAll(IReadOnlyCollection<(string Sha256, byte[] Content)> objects)
    {
        if (objects.Count == 0) return;
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR IGNORE INTO objects (sha256, content) VALUES ($h, $c)";
        var sha = insert.Parameters.Add("$h", SqliteType.Text);
        var content = insert.Parameters.Add("$c", SqliteType.Blob);
        foreach (var item in objects)
        {
            sha.Value = item.Sha256;
            content.Value = item.Content;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public byte[]? TryGet(string sha256)
    {
        using var connection = Connect();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT content FROM objects WHERE sha256 = $h";
        select.Parameters.AddWithValue("$h", sha256);
        return select.ExecuteScalar() as byte[];
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={_file};Pooling=True");
        connection.Open();
        return connection;
    }
}
