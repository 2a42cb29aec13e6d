using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace GovPortal.Hosting;

/// <summary>
/// A mistake an operator can make when starting the portal (a busy port, a database account without rights),
/// told in one or two Chinese lines with its fix and its own exit code, instead of a stack trace and an abort.
/// </summary>
public sealed record StartupFailure(int ExitCode, string Message)
{
    public const int PortInUse = 10;
    public const int PortNotPermitted = 11;
    public const int DatabaseMayNotCreateTables = 20;
    public const int DatabaseAuthenticationFailed = 21;
    public const int DatabaseMissing = 22;
    public const int DatabaseUnreachable = 23;
    public const int DatabaseServerTooOld = 24;
    public const int DatabaseFromNewerVersion = 25;
    public const int DatabaseLocked = 26;
    public const int DataFolderNotWritable = 30;
    public const int DataFolderNoAtomicRename = 31;
    public const int NotEnoughSpace = 32;
    public const int DiskFull = 33;
    public const int KeyFileMissing = 40;
    public const int KeyFileDamaged = 41;
    public const int NoSite = 50;
    public const int SiteExists = 51;
    public const int NewSiteInvalid = 52;

    /// <summary>The operator's mistake behind this exception, or null when it is none of the known ones.</summary>
    public static StartupFailure? Explain(Exception exception, PortalSettings settings) =>
        Chain(exception).OfType<StartupFailureException>().FirstOrDefault()?.Failure
        ?? Chain(exception).OfType<Citizens.Protection.PersonalDataKeyFileException>()
            .Select(e => new StartupFailure(e.Missing ? KeyFileMissing : KeyFileDamaged, e.Message)).FirstOrDefault()
        ?? (Chain(exception).Any(DataFolderCheck.IsDiskFull) ? DataFolderCheck.DiskFull(settings.Paths) : null)
        ?? ExplainBind(exception, settings.Urls) ?? ExplainPostgres(exception, settings.Database.ConnectionString);

    private static StartupFailure? ExplainBind(Exception exception, string urls)
    {
        // Kestrel reports a busy port as "Failed to bind to address http://127.0.0.1:5080: address already in use."
        // (an IOException around the socket's error), a port it may not use as the bare SocketException.
        if (Chain(exception).Any(e => e is NpgsqlException)) return null;
        var bind = Chain(exception).OfType<IOException>()
            .FirstOrDefault(e => e.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal));
        var socket = Chain(exception).OfType<SocketException>().FirstOrDefault();
        if (socket is null || (bind is null && socket.SocketErrorCode != SocketError.AccessDenied)) return null;
        var match = Regex.Match(bind?.Message ?? "", @"Failed to bind to address (\S+):\s");
        var address = match.Success ? match.Groups[1].Value : urls;
        return socket.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => new(PortInUse,
                $"无法在 {address} 上监听：该端口已被其他程序占用。" +
                $"请停止占用该端口的程序，或用 --urls 指定其他地址，例如 --urls {NextPort(address)}。"),
            SocketError.AccessDenied => new(PortNotPermitted,
                $"无法在 {address} 上监听：没有使用 1024 以下端口的权限。请用 --urls 指定 1024 及以上的端口" +
                "（例如 --urls http://127.0.0.1:5080，由 nginx 等反向代理对外提供 80/443 端口），" +
                "或授予程序绑定低端口的权限（setcap cap_net_bind_service=+ep）。"),
            _ => null,
        };
    }

    private static string NextPort(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Port is > 0 and < 65535
            ? new UriBuilder(uri) { Port = uri.Port + 1 }.Uri.GetLeftPart(UriPartial.Authority)
            : "http://127.0.0.1:5081";

    private static StartupFailure? ExplainPostgres(Exception exception, string connectionString)
    {
        var npgsql = Chain(exception).OfType<NpgsqlException>().FirstOrDefault();
        if (npgsql is null) return null;
        var account = new NpgsqlConnectionStringBuilder(connectionString);
        var server = $"{account.Host}:{account.Port}";
        var postgres = npgsql as PostgresException;
        // A missing database is created by the migration; an account that may not do that is told so in the
        // server's createdb routine (the name does not depend on the server's language).
        if (postgres is { SqlState: PostgresErrorCodes.InsufficientPrivilege, Routine: "createdb" })
            return new(DatabaseMissing,
                $"PostgreSQL 服务器 {server} 上没有数据库 {account.Database}，账号 {account.Username} 也无权创建它。" +
                "请由数据库管理员创建：" +
                $"CREATE DATABASE {Quoted(account.Database)} OWNER {Quoted(account.Username)};");
        return postgres?.SqlState switch
        {
            PostgresErrorCodes.InsufficientPrivilege => new(DatabaseMayNotCreateTables,
                $"数据库账号 {account.Username} 无权在数据库 {account.Database} 中建表（{npgsql.Message}）。" +
                "请由数据库管理员为它建一个自己的数据库（" +
                $"CREATE DATABASE govportal OWNER {Quoted(account.Username)};），" +
                "再在 --database 中用 Database=govportal 连接。"),
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                new(DatabaseAuthenticationFailed,
                    $"无法登录 PostgreSQL 服务器 {server}：账号 {account.Username} 的密码不对或该账号不允许登录。" +
                    "请检查 --database 中的 Username 和 Password。"),
            PostgresErrorCodes.InvalidCatalogName => new(DatabaseMissing,
                $"PostgreSQL 服务器 {server} 上没有数据库 {account.Database}。" +
                "请由数据库管理员创建：" +
                $"CREATE DATABASE {Quoted(account.Database)} OWNER {Quoted(account.Username)};"),
            null when Chain(exception).Any(e => e is SocketException or TimeoutException) => new(DatabaseUnreachable,
                $"无法连接 PostgreSQL 服务器 {server}（{npgsql.InnerException?.Message ?? npgsql.Message}）。" +
                "请检查 --database 中的 Host 和 Port、数据库服务是否已启动，以及防火墙是否放行。"),
            _ => null,
        };
    }

    /// <summary>A name as SQL needs it: bare when a plain lower-case identifier, else in double quotes.</summary>
    public static string Quoted(string? name)
    {
        name ??= "";
        var plain = name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
                    && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
        return plain ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                    yield return inner;
        }
    }
}
