using System.Diagnostics;
using Npgsql;

namespace GovPortal.Hosting.Backup;

/// <summary>
/// pg_dump and pg_restore, PostgreSQL's own consistent copy (one snapshot, taken while the portal runs). The tools
/// are found on the PATH or in Debian's /usr/lib/postgresql/N/bin; the connection's password goes to them in the
/// environment, never on a command line that other users of the machine can read.
/// </summary>
public static class PostgresDump
{
    public const string FileName = "database.pgdump";

    public static async Task DumpAsync(string connectionString, string targetFile, CancellationToken cancellationToken)
    {
        var (code, error) = await RunAsync("pg_dump", connectionString,
            ["--format=custom", "--no-owner", "--no-privileges", "--file", targetFile], cancellationToken);
        if (code != 0) throw new BackupException($"pg_dump 失败（退出码 {code}）：{error}");
    }

    /// <summary>Refuses a database that has any table: a restore never writes over data.</summary>
    public static async Task EnsureEmptyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", connection);
        if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > 0)
            throw new BackupException("目标 PostgreSQL 数据库不是空的：恢复只写入没有任何表的新数据库，不会覆盖已有数据。");
    }

    /// <summary>Restores into the database of <paramref name="connectionString"/>, which must have no tables.</summary>
    public static async Task RestoreAsync(string connectionString, string dumpFile, CancellationToken cancellationToken)
    {
        await EnsureEmptyAsync(connectionString, cancellationToken);
        var (code, error) = await RunAsync("pg_restore", connectionString,
            ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", dumpFile], cancellationToken);
        if (code != 0) throw new BackupException($"pg_restore 失败（退出码 {code}）：{error}");
    }

    private static async Task<(int Code, string Error)> RunAsync(string tool, string connectionString,
        IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--dbname");
        start.ArgumentList.Add(builder.Database ?? "");
        start.Environment["PGHOST"] = builder.Host ?? "localhost";
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (builder.Username is { } user) start.Environment["PGUSER"] = user;
        if (builder.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)
            ?? throw new BackupException($"无法启动 {tool}。");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        var text = (await error).Trim();
        return (process.ExitCode, text.Length > 2000 ? text[..2000] : text);
    }

    private static string Find(string tool)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (folder.Length > 0 && File.Exists(Path.Combine(folder, tool))) return Path.Combine(folder, tool);
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(d => d.Version).Select(d => Path.Combine(d.Dir, "bin", tool))
                .FirstOrDefault(File.Exists);
            if (newest is not null) return newest;
        }
        throw new BackupException($"找不到 {tool}：请安装与数据库版本一致的 PostgreSQL 客户端（Debian：apt install postgresql-client）。");
    }
}

/// <summary>A backup or restore that cannot go on, with the reason in Chinese for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
