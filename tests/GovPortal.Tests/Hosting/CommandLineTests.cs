using GovPortal.Hosting;

namespace GovPortal.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void No_arguments_serve_on_port_5080_with_state_in_data()
    {
        var (parsed, error) = CommandLine.Parse([]);
        Assert.Null(error);
        Assert.Equal(new CommandLine(PortalCommand.Serve, "data", "http://localhost:5080", null), parsed);
    }

    [Fact]
    public void Back_office_options_set_its_path_networks_first_account_and_whether_the_node_has_one()
    {
        var (parsed, error) = CommandLine.Parse(["--admin-path", "Houtai-7F", "--admin-allow", "10.0.0.0/8",
            "--admin-allow", "192.168.1.20", "--admin-name", "xc.admin"]);
        Assert.Null(error);
        var backOffice = PortalSettings.From(parsed!).BackOffice;
        Assert.True(backOffice.Enabled);
        Assert.Equal("/houtai-7f", backOffice.Path);
        Assert.Equal("xc.admin", backOffice.FirstAdministratorName);
        Assert.True(backOffice.Allows(System.Net.IPAddress.Parse("10.20.30.40")));
        Assert.True(backOffice.Allows(System.Net.IPAddress.Parse("::ffff:192.168.1.20")));
        Assert.False(backOffice.Allows(System.Net.IPAddress.Parse("192.168.1.21")));
        Assert.False(PortalSettings.From(CommandLine.Parse(["--public-node"]).Parsed!).BackOffice.Enabled);
        // no list: no limit
        Assert.True(new GovPortal.BackOffice.BackOfficeOptions().Allows(System.Net.IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void Options_set_the_data_folder_urls_and_database()
    {
        var (parsed, _) = CommandLine.Parse(
            ["publish", "--data", "/srv/gov", "--urls=http://0.0.0.0:80", "--database", "Host=db;Database=gov"]);
        Assert.Equal(
            new CommandLine(PortalCommand.Publish, "/srv/gov", "http://0.0.0.0:80", "Host=db;Database=gov"), parsed);
        Assert.Equal(GovPortal.Data.DatabaseProvider.Postgres, PortalSettings.From(parsed!).Database.Provider);
    }

    [Theory]
    [InlineData(new[] { "deploy" }, "未知命令：deploy")]
    [InlineData(new[] { "--port", "80" }, "未知选项：--port")]
    [InlineData(new[] { "--data" }, "选项 --data 需要一个值。")]
    [InlineData(new[] { "serve", "publish" }, "多余的参数：publish")]
    [InlineData(new[] { "check", "--check-external=false" }, "选项 --check-external 不带值。")]
    [InlineData(new[] { "check", "--csv", "--check-external" }, "选项 --csv 需要一个值。")]
    [InlineData(new[] { "--trusted-proxy", "proxy.local" },
        "--trusted-proxy 需要一个 IP 地址，例如 127.0.0.1，而不是“proxy.local”。")]
    [InlineData(new[] { "--admin-path", "/后台" }, "--admin-path 只能由字母、数字、- 和 _ 组成，例如 /houtai，而不是“/后台”。")]
    [InlineData(new[] { "--admin-path", "/a/../b" }, "--admin-path 只能由字母、数字、- 和 _ 组成，例如 /houtai，而不是“/a/../b”。")]
    [InlineData(new[] { "--admin-allow", "10.0.0.0/99" },
        "--admin-allow 需要一个网段，例如 10.0.0.0/8 或 192.168.1.20，而不是“10.0.0.0/99”。")]
    [InlineData(new[] { "--admin-name", "管理员" }, "--admin-name 只能由字母、数字、点、- 和 _ 组成，而不是“管理员”。")]
    [InlineData(new[] { "--public-node=yes" }, "选项 --public-node 不带值。")]
    public void Anything_unknown_is_an_error(string[] args, string message)
    {
        var (parsed, error) = CommandLine.Parse(args);
        Assert.Null(parsed);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Rotate_key_is_a_command_of_its_own()
    {
        Assert.Equal(PortalCommand.RotateKey, CommandLine.Parse(["rotate-key"]).Parsed!.Command);
        Assert.Contains("rotate-key", CommandLine.Usage);
        Assert.NotNull(CommandLine.Parse(["rotate-key", "extra"]).Error);
    }

    [Fact]
    public void Backup_and_restore_take_one_folder()
    {
        var backup = CommandLine.Parse(["backup", "/srv/backup/1", "--data", "/srv/data"]).Parsed!;
        Assert.Equal((PortalCommand.Backup, "/srv/backup/1", "/srv/data"),
            (backup.Command, backup.Files.Single(), backup.DataDirectory));
        Assert.Equal(PortalCommand.Restore, CommandLine.Parse(["restore", "/srv/backup/1"]).Parsed!.Command);
        Assert.Equal("backup 需要一个备份目录。", CommandLine.Parse(["backup"]).Error);
        Assert.Equal("restore 需要一个备份目录。", CommandLine.Parse(["restore"]).Error);
        Assert.Equal("多余的参数：/b", CommandLine.Parse(["backup", "/a", "/b"]).Error);
        Assert.Contains("backup 目录", CommandLine.Usage);
    }

    [Fact]
    public void Mourning_lists_sets_or_clears_the_dates()
    {
        Assert.Null(CommandLine.Parse(["mourning"]).Parsed!.MourningDates);
        Assert.Equal([new DateOnly(2026, 4, 4), new DateOnly(2026, 12, 13)],
            CommandLine.Parse(["mourning", "2026-12-13", "2026-04-04", "2026-12-13"]).Parsed!.MourningDates);
        Assert.Empty(CommandLine.Parse(["mourning", "clear"]).Parsed!.MourningDates!);
        Assert.Equal("日期“2026-13-01”的格式不对，应为 年-月-日，例如 2026-12-13。",
            CommandLine.Parse(["mourning", "2026-13-01"]).Error);
    }

    [Fact]
    public void Trusted_proxies_reach_the_settings()
    {
        var (parsed, _) = CommandLine.Parse(["--trusted-proxy", "10.0.0.5", "--trusted-proxy=::1", "reindex"]);
        Assert.Equal(PortalCommand.Reindex, parsed!.Command);
        Assert.Equal([System.Net.IPAddress.Parse("10.0.0.5"), System.Net.IPAddress.IPv6Loopback],
            PortalSettings.From(parsed).TrustedProxies);
    }

    [Theory]
    [InlineData("Host=db;Database=gov", true)]
    [InlineData("Server=db;Database=gov;Username=u", true)]
    [InlineData("Data Source=/srv/gov.db", false)]
    public void A_postgres_connection_string_is_recognised_by_its_server_key(string connectionString, bool postgres)
    {
        var (parsed, _) = CommandLine.Parse(["--database", connectionString]);
        Assert.Equal(postgres ? GovPortal.Data.DatabaseProvider.Postgres : GovPortal.Data.DatabaseProvider.Sqlite,
            PortalSettings.From(parsed!).Database.Provider);
    }
}
