using GovPortal.Storage;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GovPortal.Tests.Hosting;

/// <summary>`doctor` on real folders and databases: one line per check, nothing changed, exit 1 on a failure.</summary>
public sealed class DoctorCommandTests
{
    [Fact]
    public async Task A_fresh_machine_passes_and_nothing_is_created()
    {
        using var folder = new TempDirectory();
        var data = Path.Combine(folder.Path, "data");

        var (exitCode, output, errors) = await ExecutableTests.RunAsync("doctor", "--data", data);

        Assert.True(exitCode == 0, output + errors);
        Assert.Contains($"通过  数据库：内置 SQLite {data}/govportal.db 尚未建立，首次启动时创建", output);
        Assert.Contains($"通过  数据目录：{data} 尚不存在，首次启动时将在 {folder.Path} 中创建", output);
        Assert.Contains("通过  文件替换", output);
        Assert.Matches(@"通过  磁盘空间：剩余 [\d.]+ MB，全量发布估计需要 64 MB", output);
        Assert.Matches("(通过|警告)  时钟：", output);
        Assert.Matches(@"(通过|警告)  文件监视（inotify）：", output);
        Assert.Contains("通过  反向代理：不信任任何 X-Forwarded-For 头", output);
        Assert.Matches(@"检查完毕：\d+ 项，\d+ 项警告，可以上线。", output);
        Assert.False(Directory.Exists(data));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_fails_and_the_file_is_left_as_it_was()
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

        var (exitCode, output, errors) = await ExecutableTests.RunAsync("doctor", "--data", data.Path,
            "--trusted-proxy", "10.0.0.5");

        Assert.True(exitCode == 1, output + errors);
        Assert.Contains("失败  数据库：内置 SQLite", output);
        Assert.Contains("由更新版本的 GovPortal 升级过（结构版本 29991231000000_FromALaterVersion）", output);
        Assert.Contains("通过  反向代理：只信任来自 10.0.0.5 的 X-Forwarded-For", output);
        Assert.Matches(@"检查完毕：\d+ 项，1 项失败", output);
        Assert.Equal(before, await File.ReadAllBytesAsync(paths.DatabaseFile));
    }

    [Fact]
    public async Task A_published_site_reports_its_schema_as_current()
    {
        using var data = new TempDirectory();
        var (published, _, publishErrors) = await ExecutableTests.RunAsync("publish", "--demo", "--data", data.Path);
        Assert.True(published == 0, publishErrors);

        var (exitCode, output, errors) = await ExecutableTests.RunAsync("doctor", "--data", data.Path);

        Assert.True(exitCode == 0, output + errors);
        Assert.Matches(@"通过  数据库：内置 SQLite .+，结构版本 \d{14}_\w+（最新）", output);
        Assert.Matches(@"通过  文件监视（inotify）：上限 \d+ 个监视、\d+ 个实例，发布目录有 [1-9]\d* 个文件夹", output);
        Assert.Contains("通过  站点地址：苏州市相城区人民政府（main）：https://www.szxc.gov.cn，域名 www.szxc.gov.cn、", output);

        var file = new PortalPaths(data.Path).DatabaseFile;
        await using (var db = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await db.OpenAsync();
            await using var spoil = db.CreateCommand();
            spoil.CommandText =
                "UPDATE Sites SET HostNames = 'www.szxc.gov.cn, szxc gov cn', BaseUrl = 'www.szxc.gov.cn'";
            await spoil.ExecuteNonQueryAsync();
        }
        var (spoiled, after, _) = await ExecutableTests.RunAsync("doctor", "--data", data.Path);

        Assert.Equal(1, spoiled);
        Assert.Contains("失败  站点地址：苏州市相城区人民政府（main）：网站地址“www.szxc.gov.cn”不是 http:// 或 https:// 开头的完整地址；" +
                        "“szxc gov cn”不是合法的域名或 IP 地址", after);
    }
}

/// <summary>`doctor` against a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresDoctorTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_missing_database_the_account_may_not_create_fails_with_the_sql()
    {
        var account = new NpgsqlConnectionStringBuilder(postgres.ServerConnectionString)
        {
            Username = "govportal_nocreatedb", Database = "missing_" + Guid.NewGuid().ToString("N")[..8],
        };
        using var data = new TempDirectory();

        var (exitCode, output, errors) = await ExecutableTests.RunAsync("doctor", "--data", data.Path,
            "--database", account.ConnectionString);

        Assert.True(exitCode == 1, output + errors);
        Assert.Matches(@"通过  数据库服务器：PostgreSQL .+，版本 \d+\.\d+", output);
        Assert.Contains($"失败  数据库：PostgreSQL {account.Host}:{account.Port} 上没有数据库 {account.Database}", output);
        Assert.Contains($"CREATE DATABASE {account.Database} OWNER govportal_nocreatedb;", output);
    }

    [Fact]
    public async Task A_new_database_the_account_owns_passes_with_the_migrations_to_come()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        using var data = new TempDirectory();

        var (exitCode, output, errors) = await ExecutableTests.RunAsync("doctor", "--data", data.Path,
            "--database", connectionString);

        Assert.True(exitCode == 0, output + errors);
        Assert.Matches(@"通过  数据库：PostgreSQL .+ 数据库 govportal_test_\w+，空库；启动时将执行 \d+ 个结构更新", output);
    }
}
