using Npgsql;
using NpgsqlTypes;

namespace GovPortal.Tests.Support;

/// <summary>
/// A PostgreSQL primary and a hot standby streaming from it on loopback, both started with
/// scripts/postgres-throwaway.sh (start, then replica): what a cluster of portal nodes reading a read-only replica
/// runs on. The database govportal_cluster is made on the primary, owned by the portal's role, before the standby is
/// copied from it. Nodes read the replica as govportal_node, which may read every table and write none.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string DatabaseName = "govportal_cluster";
    private const string NodeRole = "govportal_node";

    // Directly under /tmp whatever TMPDIR says: the server's unix socket path must stay within 107 bytes.
    private readonly string _directory = Path.Combine("/tmp", "govportal-pgc-" + Guid.NewGuid().ToString("N")[..12]);

    private string PrimaryDirectory => Path.Combine(_directory, "primary");
    private string ReplicaDirectory => Path.Combine(_directory, "replica");

    /// <summary>The portal's role (owner of govportal_cluster) on the primary.</summary>
    public string PrimaryConnectionString { get; private set; } = "";

    /// <summary>govportal_node on the replica, database govportal_cluster.</summary>
    public string ReplicaConnectionString { get; private set; } = "";

    /// <summary>govportal_node on the primary, database govportal_cluster: it may read there, not write.</summary>
    public string NodeRoleOnPrimaryConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        TestEnvironment.RequirePostgresServer();
        // The postgres OS user that runs both servers must traverse it, whatever the umask.
        Directory.CreateDirectory(_directory);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead
                | UnixFileMode.OtherExecute);
        try
        {
            var server = (await RunScriptAsync("start", PrimaryDirectory)).Trim();
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
                await create.ExecuteNonQueryAsync();
            }
            PrimaryConnectionString = WithDatabase(server);
            var replica = new NpgsqlConnectionStringBuilder(
                (await RunScriptAsync("replica", PrimaryDirectory, ReplicaDirectory)).Trim());
            replica.Database = DatabaseName;
            ReplicaConnectionString = replica.ConnectionString;
            NodeRoleOnPrimaryConnectionString = new NpgsqlConnectionStringBuilder(PrimaryConnectionString)
            {
                Username = NodeRole, Password = replica.Password
            }.ConnectionString;
        }
        catch
        {
            // Stop what did start even where the runner does not dispose a fixture that failed to start
            // (stopping twice is harmless).
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // The replica first, so the primary's shutdown does not wait on its WAL sender; both, even if one fails.
        Exception? failure = null;
        foreach (var directory in new[] { ReplicaDirectory, PrimaryDirectory })
        {
            try { await RunScriptAsync("stop", directory); }
            catch (InvalidOperationException e) { failure ??= e; }
        }
        // A server that would not stop keeps its folder, and the log in it, for a look.
        if (failure is not null) throw failure;
        try { Directory.Delete(_directory); } catch (DirectoryNotFoundException) { }
    }

    /// <summary>Stops the replica's server and keeps its data: connections to it fail until it is resumed.</summary>
    public async Task PauseReplicaAsync()
    {
        // Pooled connections to the stopped server would be handed out again and fail later, far from the cause.
        await using (var connection = new NpgsqlConnection(ReplicaConnectionString))
            NpgsqlConnection.ClearPool(connection);
        await RunScriptAsync("pause", ReplicaDirectory);
    }

    /// <summary>Starts the replica again on its port; it then catches up with the WAL it missed.</summary>
    public Task ResumeReplicaAsync() => RunScriptAsync("resume", ReplicaDirectory);

    /// <summary>
    /// Waits until the replica has replayed everything committed on the primary before this call, so that a read on
    /// the replica sees it.
    /// </summary>
    public async Task WaitForReplayAsync(TimeSpan timeout)
    {
        var target = await PrimaryWalPositionAsync();
        var deadline = DateTime.UtcNow + timeout;
        NpgsqlLogSequenceNumber? replayed = null;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ReplicaConnectionString);
                await connection.OpenAsync();
                await using var query = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn()", connection);
                replayed = await query.ExecuteScalarAsync() as NpgsqlLogSequenceNumber?;
                if (replayed >= target) return;
            }
            catch (NpgsqlException e)
            {
                // Just resumed, the replica may not accept connections yet.
                lastError = e;
            }
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"The replica had not replayed the primary's WAL up to {target} after "
                    + $"{timeout.TotalSeconds:0.#} s (replayed up to {replayed?.ToString() ?? "unknown"}; "
                    + $"log: {Path.Combine(ReplicaDirectory, "postgres.log")})", lastError);
            await Task.Delay(50);
        }
    }

    /// <summary>The primary's WAL write position once everything committed before is written out.</summary>
    private async Task<NpgsqlLogSequenceNumber> PrimaryWalPositionAsync()
    {
        await using var connection = new NpgsqlConnection(PrimaryConnectionString);
        await connection.OpenAsync();
        // The throwaway server commits with synchronous_commit off, so the last commits may still sit in the WAL
        // buffers, beyond pg_current_wal_lsn() and unsent to the replica. A transaction that writes WAL and commits
        // synchronously flushes it up to its own commit, and so every commit before it. (One that only takes an xid
        // is not enough: a commit that wrote nothing else is never waited for.) The message is ignored on replay.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var flush = new NpgsqlCommand("SET LOCAL synchronous_commit = on; "
                + "SELECT pg_logical_emit_message(true, 'govportal-cluster', 'replay mark')", connection, transaction);
            await flush.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        await using var position = new NpgsqlCommand("SELECT pg_current_wal_lsn()", connection);
        return (NpgsqlLogSequenceNumber)(await position.ExecuteScalarAsync())!;
    }

    private static string WithDatabase(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = DatabaseName }.ConnectionString;

    private static async Task<string> RunScriptAsync(string verb, params string[] directories)
    {
        var script = Path.Combine(Repository.Root, "scripts", "postgres-throwaway.sh");
        var (exitCode, output, errors) = await Processes.RunAsync("bash", [script, verb, .. directories]);
        if (exitCode != 0)
            throw new InvalidOperationException(
                $"{script} {verb} {string.Join(' ', directories)} failed (exit code {exitCode}): {errors}");
        return output;
    }
}
