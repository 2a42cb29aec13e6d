using System.Net;
using System.Net.Sockets;
using System.Text;
using GovPortal.Publishing;
using GovPortal.Safety.Health;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Safety;

/// <summary>
/// `check --check-external` follows links editors wrote, so it must not reach the server's own network (SSRF):
/// loopback, private and other non-public addresses are refused after DNS resolution, on the address actually
/// connected to, and a redirect is followed by hand only to an address that passes the same check.
/// </summary>
public sealed class ExternalLinkProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:7f00:1::1")]
    public void Non_public_addresses_are_refused(string address) =>
        Assert.False(PublicAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("202.96.134.133")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2400:3200::1")]
    [InlineData("::ffff:202.96.134.133")]
    [InlineData("2002:ca60:8685::1")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(PublicAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_link_to_the_server_itself_is_not_contacted_and_the_report_says_why()
    {
        await using var server = LocalServer.Start(IPAddress.Loopback, _ => "HTTP/1.1 200 OK\r\n");
        var probe = ExternalLinkProbe.Default();
        foreach (var url in new[]
        {
            $"http://127.0.0.1:{server.Port}/", $"http://localhost:{server.Port}/internal",
            $"http://[::ffff:127.0.0.1]:{server.Port}/", $"http://0x7f000001:{server.Port}/",
            $"http://2130706433:{server.Port}/",
        })
        {
            var failure = await probe.ProbeAsync(url, Timeout, CancellationToken.None);
            Assert.NotNull(failure);
            Assert.StartsWith("未检查", failure);
            Assert.Contains("内网、本机或保留地址", failure);
        }
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task A_redirect_to_the_server_itself_is_not_followed()
    {
        await using var inside = LocalServer.Start(IPAddress.Loopback, _ => "HTTP/1.1 200 OK\r\n");
        // 127.0.0.2 stands for a public site here: the probe is told it may connect there, and nowhere else private.
        var outsideAddress = IPAddress.Parse("127.0.0.2");
        await using var outside = LocalServer.Start(outsideAddress, path => path switch
        {
            "/to-inside" => $"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{inside.Port}/admin/\r\n",
            "/to-localhost" => $"HTTP/1.1 301 Moved\r\nLocation: http://localhost:{inside.Port}/\r\n",
            "/loop" => "HTTP/1.1 302 Found\r\nLocation: /loop\r\n",
            "/to-file" => "HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\n",
            "/gone" => "HTTP/1.1 404 Not Found\r\n",
            _ => "HTTP/1.1 200 OK\r\n",
        });
        var probe = ExternalLinkProbe.Guarded(a => a.Equals(outsideAddress) || PublicAddresses.IsPublic(a));
        var outsideUrl = $"http://127.0.0.2:{outside.Port}";

        Assert.Null(await probe.ProbeAsync(outsideUrl + "/", Timeout, CancellationToken.None));
        Assert.Contains("404", await probe.ProbeAsync(outsideUrl + "/gone", Timeout, CancellationToken.None));
        foreach (var path in new[] { "/to-inside", "/to-localhost" })
        {
            var failure = await probe.ProbeAsync(outsideUrl + path, Timeout, CancellationToken.None);
            Assert.NotNull(failure);
            Assert.StartsWith("未检查（跳转到 http://", failure);
            Assert.Contains("内网、本机或保留地址", failure);
        }
        Assert.Contains($"跳转超过 {ExternalLinkProbe.MaxRedirects} 次",
            await probe.ProbeAsync(outsideUrl + "/loop", Timeout, CancellationToken.None));
        Assert.Contains("file:", await probe.ProbeAsync(outsideUrl + "/to-file", Timeout, CancellationToken.None));
        Assert.Equal(0, inside.Connections);
        Assert.True(outside.Connections > 0);
    }

    [Fact]
    public async Task The_health_report_names_a_link_into_the_server_s_network_as_not_checked()
    {
        await using var inside = LocalServer.Start(IPAddress.Loopback, _ => "HTTP/1.1 200 OK\r\n");
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        var link = $"http://127.0.0.1:{inside.Port}/admin/";
        await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.BodyHtml +=
            $"<p><a href=\"{link}\">内部系统</a></p>");

        var report = await portal.Service<HealthChecker>().CheckAsync(checkExternalLinks: true);
        var problem = Assert.Single(report.Problems, p => p.Detail.Contains(link));
        Assert.Equal("不可用链接", problem.Indicator);
        Assert.Contains("站外链接未检查", problem.Detail);
        Assert.Contains("127.0.0.1", problem.Detail);
        Assert.Equal(0, inside.Connections);
    }

    /// <summary>A minimal HTTP server on one address that counts the connections it accepts.</summary>
    private sealed class LocalServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Func<string, string> _answer;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _connections;

        private LocalServer(IPAddress address, Func<string, string> answer)
        {
            _listener = new TcpListener(address, 0);
            _listener.Start();
            _answer = answer;
            _loop = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int Connections => Volatile.Read(ref _connections);

        public static LocalServer Start(IPAddress address, Func<string, string> answer) => new(address, answer);

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
                Interlocked.Increment(ref _connections);
                using (client)
                {
                    var stream = client.GetStream();
                    var buffer = new byte[8192];
                    var read = await stream.ReadAsync(buffer);
                    var requestLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0].Split(' ');
                    var path = requestLine.Length > 1 ? requestLine[1] : "/";
                    var response = _answer(path) + "Content-Length: 0\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _stop.Dispose();
        }
    }
}
