using Npgsql;

namespace GovPortal.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the data-layer tests. The test command starts a throwaway cluster and passes its
/// connection string in GOVPORTAL_TEST_POSTGRES; without it, this fixture starts one itself with the same script
/// (and fails with the command that installs PostgreSQL when its server programs are missing). Each test gets a
/// database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "GOVPORTAL_TEST_POSTGRES";
    private string? _ownClusterDirectory;

    public string ServerConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            ServerConnectionString = fromEnvironment;
            return;
        }
        TestEnvironment.RequirePostgresServer();
        _ownClusterDirectory = Path.Combine(Path.GetTempPath(), "govportal-pg-" + Guid.NewGuid().ToString("N"));
        ServerConnectionString = (await RunScriptAsync("start", _ownClusterDirectory)).Trim();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_ownClusterDirectory is not null) await RunScriptAsync("stop", _ownClusterDirectory);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "govportal_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<string> RunScriptAsync(string verb, string directory)
    {
        var script = Path.Combine(Repository.Root, "scripts", "postgres-throwaway.sh");
        var (exitCode, output, errors) = await Processes.RunAsync("bash", [script, verb, directory]);
        if (exitCode != 0)
            throw new InvalidOperationException(
                $"PostgreSQL could not be started for the tests ({script} {verb}): {errors}");
        return output;
    }
}
