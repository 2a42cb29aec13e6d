using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GovPortal.Tests.Support;

/// <summary>
/// A real Redis server (Debian's redis-server) on a free loopback port, keeping nothing on disk, for the tests of
/// several processes sharing counts and limits. Stopped and started again on the same port by the tests of an
/// outage.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis configuration the portal takes with --redis.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        TestEnvironment.RequireRedis();
        Port = FreePort();
        await StartAsync();
    }

    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo(TestEnvironment.RedisServer,
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", _folder.Path, "--daemonize", "no", "--loglevel", "warning"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(50))
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"redis-server stopped while starting: {await _process.StandardError.ReadToEndAsync()}");
            if (await AnswersAsync()) return;
        }
        throw new TimeoutException($"redis-server did not answer on port {Port} within 20 seconds");
    }

    public void Stop()
    {
        if (_process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            running.WaitForExit(TimeSpan.FromSeconds(20));
        }
        _process?.Dispose();
        _process = null;
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public Task DisposeAsync()
    {
        Stop();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
