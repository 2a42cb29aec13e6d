using GovPortal.Tests.Support;
using Npgsql;

namespace GovPortal.Tests.Cluster;

/// <summary>
/// The database a cluster of portal nodes runs on: a primary and a hot standby streaming from it. Nodes read the
/// standby as govportal_node; what they read must be what the primary committed, and nothing may be written through
/// that role or that server.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresReplicaTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private static readonly TimeSpan ReplayTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_table_and_a_row_made_on_the_primary_are_read_on_the_replica()
    {
        var table = await CreateTableOnPrimaryAsync();
        await ExecuteAsync(cluster.PrimaryConnectionString, $"INSERT INTO {table} (title) VALUES ('公开指南')");

        await cluster.WaitForReplayAsync(ReplayTimeout);

        Assert.Equal(["公开指南"], await TitlesAsync(cluster.ReplicaConnectionString, table));
    }

    [Fact]
    public async Task An_insert_through_the_replica_is_refused_as_a_read_only_transaction()
    {
        var table = await CreateTableOnPrimaryAsync();
        // Replayed first: on a replica without the table the error would be that it does not exist.
        await cluster.WaitForReplayAsync(ReplayTimeout);

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(cluster.ReplicaConnectionString, $"INSERT INTO {table} (title) VALUES ('不应写入')"));

        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }

    [Fact]
    public async Task The_node_role_reads_the_portals_tables_on_the_primary_but_may_not_write_them()
    {
        var table = await CreateTableOnPrimaryAsync();
        await ExecuteAsync(cluster.PrimaryConnectionString, $"INSERT INTO {table} (title) VALUES ('办事指南')");

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(cluster.NodeRoleOnPrimaryConnectionString, $"INSERT INTO {table} (title) VALUES ('越权')"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(["办事指南"], await TitlesAsync(cluster.NodeRoleOnPrimaryConnectionString, table));
    }

    [Fact]
    public async Task A_replica_paused_and_resumed_catches_up_with_what_the_primary_wrote_meanwhile()
    {
        var table = await CreateTableOnPrimaryAsync();
        await cluster.WaitForReplayAsync(ReplayTimeout);

        await cluster.PauseReplicaAsync();
        try
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => TitlesAsync(cluster.ReplicaConnectionString, table));
            await ExecuteAsync(cluster.PrimaryConnectionString, $"INSERT INTO {table} (title) VALUES ('停机期间')");
        }
        finally
        {
            // The other tests of the class share the replica.
            await cluster.ResumeReplicaAsync();
        }

        await cluster.WaitForReplayAsync(ReplayTimeout);
        Assert.Equal(["停机期间"], await TitlesAsync(cluster.ReplicaConnectionString, table));
    }

    /// <summary>A table of its own for each test, owned by the portal's role.</summary>
    private async Task<string> CreateTableOnPrimaryAsync()
    {
        var table = "pages_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(cluster.PrimaryConnectionString,
            $"CREATE TABLE {table} (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL)");
        return table;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TitlesAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT title FROM {table} ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var titles = new List<string>();
        while (await reader.ReadAsync()) titles.Add(reader.GetString(0));
        return titles;
    }
}
