using GovPortal.Hosting;
using GovPortal.Storage;
using GovPortal.Tests.Support;
using Microsoft.Data.Sqlite;

namespace GovPortal.Tests.Hosting;

/// <summary>
/// The data folder and the SQLite file at start, provoked for real: a read-only folder and a small disk (tmpfs
/// mounted in a mount namespace of the portal's own, so nothing outlives the test), a file another program locks, a
/// file from a newer version. Each ends with the fix in Chinese, its exit code, and the stack only in the log file.
/// </summary>
public sealed class DataFolderFailureTests
{
    [Fact]
    public async Task A_read_only_data_folder_says_which_folder_and_how_to_give_the_right()
    {
        using var folder = new TempDirectory();
        var data = Path.Combine(folder.Path, "data");
        Directory.CreateDirectory(data);

        var (exitCode, output, errors) = await ServeOnTmpfsAsync(data, "ro,size=1m");

        Assert.True(exitCode == StartupFailure.DataFolderNotWritable, output + errors);
        Assert.Contains($"数据目录 {data} 不可写", errors);
        Assert.Contains("chown", errors);
        Assert.DoesNotContain("   at ", output + errors);
    }

    [Fact]
    public async Task Too_little_free_space_for_a_full_publish_says_how_much_is_needed()
    {
        using var folder = new TempDirectory();
        var data = Path.Combine(folder.Path, "data");
        Directory.CreateDirectory(data);

        var (exitCode, output, errors) = await ServeOnTmpfsAsync(data, "size=4m");

        Assert.True(exitCode == StartupFailure.NotEnoughSpace, output + errors);
        Assert.Matches(@"所在磁盘只剩 [\d.]+ MB，全量发布估计需要 64 MB。", errors);
        Assert.DoesNotContain("   at ", output + errors);
    }

    [Fact]
    public async Task A_database_file_another_program_holds_is_named_with_what_to_close()
    {
        using var data = new TempDirectory();
        var paths = new PortalPaths(data.Path);
        await using var other = new SqliteConnection($"Data Source={paths.DatabaseFile};Pooling=False");
        await other.OpenAsync();
        await using (var hold = other.CreateCommand())
        {
            hold.CommandText = "CREATE TABLE held (id INTEGER); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);";
            await hold.ExecuteNonQueryAsync();
        }

        var (exitCode, output, errors) = await ExecutableTests.RunAsync("serve", "--demo", "--data", data.Path,
            "--urls", "http://127.0.0.1:0");

        Assert.True(exitCode == StartupFailure.DatabaseLocked, output + errors);
        Assert.Contains($"数据库文件 {paths.DatabaseFile} 正被其他程序锁定", errors);
        Assert.DoesNotContain("   at ", output + errors);
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_untouched_and_the_stack_is_in_the_log_file()
    {
        using var data = new TempDirectory();
        var paths = new PortalPaths(data.Path);
        await using (var newer = new SqliteConnection($"Data Source={paths.DatabaseFile};Pooling=False"))
        {
            await newer.OpenAsync();
            await using var create = newer.CreateCommand();
            create.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('29991231000000_FromALaterVersion', '99.0.0');
                """;
            await create.ExecuteNonQueryAsync();
        }
        var before = await File.ReadAllBytesAsync(paths.DatabaseFile);

        var (exitCode, output, errors) = await ExecutableTests.RunAsync("serve", "--demo", "--data", data.Path,
            "--urls", "http://127.0.0.1:0");

        Assert.True(exitCode == StartupFailure.DatabaseFromNewerVersion, output + errors);
        Assert.Contains("数据库由更新版本的 GovPortal 建立或升级过（含本程序不认识的结构版本 29991231000000_FromALaterVersion）",
            errors);
        Assert.DoesNotContain("   at ", output + errors);
        Assert.Equal(before, await File.ReadAllBytesAsync(paths.DatabaseFile));
        var log = Directory.GetFiles(paths.LogsDirectory, "govportal-*.log").Single();
        var logged = await File.ReadAllTextAsync(log);
        Assert.Contains("[DBG] GovPortal.Hosting.StartupFailure: 启动失败", logged);
        Assert.Contains("   at ", logged);
    }

    [Fact]
    public void A_full_disk_while_starting_is_told_as_such()
    {
        var settings = PortalSettings.From(CommandLine.Parse(["serve", "--data", "/srv/gov"]).Parsed!);
        var failure = StartupFailure.Explain(
            new InvalidOperationException("publish", new IOException("No space left on device", 28)), settings);

        Assert.Equal(StartupFailure.DiskFull, failure?.ExitCode);
        Assert.Contains("数据目录 /srv/gov 所在磁盘已满", failure!.Message);
    }

    /// <summary>
    /// The portal in a mount namespace of its own where <paramref name="data"/> is a fresh tmpfs with
    /// <paramref name="options"/>; unprivileged users get the namespace through a user namespace.
    /// </summary>
    private static Task<(int ExitCode, string Output, string Errors)> ServeOnTmpfsAsync(string data,
        string options)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "GovPortal.dll");
        var script = $"mount -t tmpfs -o {options} tmpfs '{data}' && exec dotnet exec '{dll}' serve --demo " +
                     $"--data '{data}' --urls http://127.0.0.1:0";
        string[] namespaces = Environment.UserName == "root" ? ["--mount"] : ["--user", "--map-root-user", "--mount"];
        return Processes.RunAsync("unshare", [.. namespaces, "sh", "-c", script], Path.GetTempPath(),
            ["GOVPORTAL_DATABASE"]);
    }
}
