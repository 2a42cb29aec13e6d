namespace GovPortal.Tests.Support;

/// <summary>
/// Programs the tests need from the machine. A missing one fails the fixture with one message that names what is
/// missing and the command that installs it, instead of a stack trace from deep inside Playwright or a script.
/// (bash scripts/test.sh installs all of them before it runs the tests.)
/// </summary>
public static class TestEnvironment
{
    public const string Chromium = "/usr/bin/chromium";
    private const string PostgresBinaries = "/usr/lib/postgresql";

    public const string RedisServer = "/usr/bin/redis-server";
    public const string Nginx = "/usr/sbin/nginx";

    public static void RequireRedis()
    {
        if (!File.Exists(RedisServer))
            throw new TestEnvironmentException($"找不到 {RedisServer}：请运行 bash scripts/ensure-tools.sh redis"
                + "（或 apt-get install -y redis-server）");
    }

    public static void RequireNginx()
    {
        if (!File.Exists(Nginx))
            throw new TestEnvironmentException($"找不到 {Nginx}：请运行 bash scripts/ensure-tools.sh nginx"
                + "（或 apt-get install -y nginx-light）");
    }

    public static void RequireChromium()
    {
        if (!File.Exists(Chromium))
            throw new TestEnvironmentException($"找不到浏览器 {Chromium}：请运行 bash scripts/ensure-tools.sh chromium"
                + "（或 apt-get install -y chromium fonts-wqy-microhei）");
    }

    /// <summary>
    /// The server programs the throwaway cluster script starts (PG_BINDIR, as in the script, or Debian's).
    /// </summary>
    public static void RequirePostgresServer()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BINDIR");
        var found = string.IsNullOrEmpty(configured)
            ? Directory.Exists(PostgresBinaries)
              && Directory.EnumerateDirectories(PostgresBinaries)
                  .Any(d => File.Exists(Path.Combine(d, "bin", "initdb")))
            : File.Exists(Path.Combine(configured, "initdb"));
        if (!found)
            throw new TestEnvironmentException(
                $"找不到 PostgreSQL 服务器程序（{(string.IsNullOrEmpty(configured) ? PostgresBinaries + "/*/bin" : configured)}"
                + "/initdb）：请运行 bash scripts/ensure-tools.sh postgresql（或 apt-get install -y postgresql），"
                + $"或在环境变量 {PostgresServer.EnvironmentVariable} 中给出一台 PostgreSQL 服务器的连接字符串");
    }
}

/// <summary>The machine lacks something the tests need; the message says how to install it.</summary>
public sealed class TestEnvironmentException(string message) : Exception(message);
