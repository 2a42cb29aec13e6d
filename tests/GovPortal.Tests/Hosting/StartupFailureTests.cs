using System.Net;
using System.Net.Sockets;
using GovPortal.Hosting;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;
using Npgsql;

namespace GovPortal.Tests.Hosting;

/// <summary>An operator's mistake at start: one or two lines with the fix, its own exit code, no stack trace.</summary>
public sealed class PortStartupFailureTests
{
    [Fact]
    public async Task Serve_on_a_port_in_use_names_the_address_and_how_to_choose_another()
    {
        using var data = new TempDirectory();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var url = $"http://127.0.0.1:{port}";
            var (exitCode, output, errors) = await ExecutableTests.RunAsync("serve", "--demo", "--data", data.Path,
                "--urls", url);

            Assert.True(exitCode == 10, output + errors);
            Assert.Contains($"无法在 {url} 上监听：该端口已被其他程序占用。", errors);
            Assert.Contains($"--urls http://127.0.0.1:{port + 1}", errors);
            Assert.DoesNotContain("   at ", output + errors);
            Assert.DoesNotContain("正在运行", output);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Serve_on_a_port_below_1024_without_the_right_says_to_use_a_higher_port()
    {
        var firstUnprivileged = int.Parse(await File.ReadAllTextAsync("/proc/sys/net/ipv4/ip_unprivileged_port_start"));
        Assert.True(firstUnprivileged > 1, "this machine lets everybody listen on any port");
        var url = $"http://127.0.0.1:{firstUnprivileged - 1}";
        using var data = new TempDirectory();
        string[] serve = ["exec", Path.Combine(AppContext.BaseDirectory, "GovPortal.dll"), "serve",
            "--demo", "--data", data.Path, "--urls", url];
        // As root, the portal runs without the capability that lets a process listen below 1024.
        var (exitCode, output, errors) = Environment.UserName == "root"
            ? await Processes.RunAsync("setpriv", ["--inh-caps=-all", "--bounding-set=-net_bind_service", "dotnet",
                .. serve], Path.GetTempPath(), ["GOVPORTAL_DATABASE"])
            : await Processes.RunAsync("dotnet", serve, Path.GetTempPath(), ["GOVPORTAL_DATABASE"]);

        Assert.True(exitCode == 11, output + errors);
        Assert.Contains($"无法在 {url} 上监听：没有使用 1024 以下端口的权限。", errors);
        Assert.Contains("1024 及以上的端口", errors);
        Assert.DoesNotContain("   at ", output + errors);
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_is_named_with_what_to_check()
    {
        // A port nobody listens on: the connection is refused at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var data = new TempDirectory();
        var (exitCode, output, errors) = await ExecutableTests.RunAsync("serve", "--demo", "--data", data.Path,
            "--database", $"Host=127.0.0.1;Port={port};Database=govportal;Username=gov;Password=x");

        Assert.True(exitCode == 23, output + errors);
        Assert.Contains($"无法连接 PostgreSQL 服务器 127.0.0.1:{port}", errors);
        Assert.DoesNotContain("   at ", output + errors);
    }
}

/// <summary>A PostgreSQL account or database an operator got wrong, on a real server.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresStartupFailureTests(PostgresServer postgres)
{
    [Fact]
    public async Task An_account_that_may_not_create_tables_gets_the_sql_that_fixes_it()
    {
        // As on PostgreSQL 15 and later for every account but the database's owner: no CREATE on the schema public.
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var revoke = new NpgsqlCommand("REVOKE CREATE ON SCHEMA public FROM pg_database_owner",
                connection);
            await revoke.ExecuteNonQueryAsync();
        }
        var account = new NpgsqlConnectionStringBuilder(connectionString);
        var (role, database) = (account.Username, account.Database);

        var (exitCode, output, errors) = await ServeAsync(connectionString);

        Assert.True(exitCode == 20, output + errors);
        Assert.Contains($"数据库账号 {role} 无权在数据库 {database} 中建表", errors);
        Assert.Contains($"CREATE DATABASE govportal OWNER {role};", errors);
        Assert.DoesNotContain("   at ", output + errors);
    }

    [Fact]
    public async Task A_wrong_password_says_to_check_the_account()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(postgres.ServerConnectionString)
        {
            Password = "not-the-password",
        };
        var (exitCode, output, errors) = await ServeAsync(connectionString.ConnectionString);

        Assert.True(exitCode == 21, output + errors);
        Assert.Contains($"账号 {connectionString.Username} 的密码不对", errors);
        Assert.DoesNotContain("   at ", output + errors);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> ServeAsync(string connectionString)
    {
        using var data = new TempDirectory();
        return await ExecutableTests.RunAsync("serve", "--demo", "--data", data.Path, "--database", connectionString);
    }
}

/// <summary>PostgreSQL mistakes that need an account of their own or a server this machine cannot run.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresDatabaseFailureTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_missing_database_the_account_may_not_create_gets_the_sql_that_creates_it()
    {
        // The throwaway server's second role, made without CREATEDB (scripts/postgres-throwaway.sh).
        var account = new NpgsqlConnectionStringBuilder(postgres.ServerConnectionString)
        {
            Username = "govportal_nocreatedb", Database = "Portal-" + Guid.NewGuid().ToString("N")[..8],
        };
        using var data = new TempDirectory();

        var (exitCode, output, errors) = await ExecutableTests.RunAsync("serve", "--demo", "--data", data.Path,
            "--database", account.ConnectionString);

        Assert.True(exitCode == StartupFailure.DatabaseMissing, output + errors);
        Assert.Contains($"没有数据库 {account.Database}，账号 govportal_nocreatedb 也无权创建它", errors);
        Assert.Contains($"CREATE DATABASE \"{account.Database}\" OWNER govportal_nocreatedb;", errors);
        Assert.DoesNotContain("   at ", output + errors);
    }

}

/// <summary>A server older than the provider supports cannot run here; its answer is checked on its own.</summary>
public sealed class PostgresVersionCheckTests
{
    [Fact]
    public void A_server_older_than_the_provider_supports_is_named_with_its_version()
    {
        var settings = PortalSettings.From(CommandLine.Parse(
            ["serve", "--database", "Host=db.example;Port=5433;Username=gov;Database=gov"]).Parsed!);

        Assert.Null(DatabaseCheck.TooOld(new Version(15, 4), settings));
        var failure = DatabaseCheck.TooOld(new Version(12, 9), settings);

        Assert.Equal(StartupFailure.DatabaseServerTooOld, failure?.ExitCode);
        Assert.Contains("PostgreSQL 服务器 db.example:5433 的版本是 12.9，GovPortal 需要 13 或更新的版本", failure!.Message);
    }
}
