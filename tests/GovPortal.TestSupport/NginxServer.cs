using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GovPortal.Tests.Support;

/// <summary>
/// nginx serving through the project's sample configuration (deploy/nginx/govportal.conf) on a free loopback port:
/// the file is used as shipped, with only what a deployment fills in replaced — the listening address, the nodes'
/// list and the origin's address — and the server's own folders put in a temporary prefix.
/// </summary>
public sealed class NginxServer : IDisposable
{
    public const string SampleConfiguration = "deploy/nginx/govportal.conf";
    private readonly Process _process;

    private NginxServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<NginxServer> StartAsync(IEnumerable<Uri> nodes, Uri origin)
    {
        TestEnvironment.RequireNginx();
        var server = new TempDirectory();
        var port = FreePort();
        var sample = await File.ReadAllTextAsync(Path.Combine(Repository.Root, SampleConfiguration));
        var nodesFile = Path.Combine(server.Path, "govportal-nodes.conf");
        await File.WriteAllLinesAsync(nodesFile,
            nodes.Select(node => $"server 127.0.0.1:{node.Port} max_fails=2 fail_timeout=5s;"));
        var site = Replace(sample, "include /etc/nginx/govportal-nodes.conf;", $"include {nodesFile};");
        site = Replace(site, "server 10.0.1.10:5080;", $"server 127.0.0.1:{origin.Port};");
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{port};");
        await File.WriteAllTextAsync(Path.Combine(server.Path, "govportal.conf"), site);
        foreach (var folder in new[] { "logs", "body", "proxy" })
            Directory.CreateDirectory(Path.Combine(server.Path, folder));
        await File.WriteAllTextAsync(Path.Combine(server.Path, "nginx.conf"), $$"""
            daemon off;
            master_process on;
            worker_processes 1;
            pid {{server.Path}}/nginx.pid;
            error_log {{server.Path}}/logs/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{server.Path}}/body;
                proxy_temp_path {{server.Path}}/proxy;
                include {{server.Path}}/govportal.conf;
            }
            """);
        var process = Process.Start(new ProcessStartInfo(TestEnvironment.Nginx,
            ["-p", server.Path, "-e", Path.Combine(server.Path, "logs", "error.log"),
                "-c", Path.Combine(server.Path, "nginx.conf")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var nginx = new NginxServer(process, new Uri($"http://127.0.0.1:{port}"));
        nginx._owned = server;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(100))
        {
            if (process.HasExited)
                throw new InvalidOperationException("nginx stopped while starting: "
                    + await File.ReadAllTextAsync(Path.Combine(server.Path, "logs", "error.log")));
            try
            {
                await http.GetAsync(nginx.Address);
                return nginx;
            }
            catch (HttpRequestException)
            {
            }
        }
        nginx.Dispose();
        throw new TimeoutException("nginx did not answer within 20 seconds");
    }

    private TempDirectory? _owned;

    /// <summary>The sample must still hold what a deployment replaces: a changed sample fails here.</summary>
    private static string Replace(string text, string placeholder, string value) =>
        text.Contains(placeholder, StringComparison.Ordinal)
            ? text.Replace(placeholder, value, StringComparison.Ordinal)
            : throw new InvalidOperationException($"{SampleConfiguration} no longer contains \"{placeholder}\"");

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(TimeSpan.FromSeconds(20));
        _process.Dispose();
        _owned?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
