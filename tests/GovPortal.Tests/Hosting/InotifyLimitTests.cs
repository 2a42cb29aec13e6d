using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GovPortal.Storage;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Hosting;

/// <summary>
/// The output watcher cannot start: the portal runs in a user namespace of its own whose inotify limit is 0 (the
/// limits under /proc/sys/user belong to the namespace, so the machine's stay as they are). It says so once, with
/// the sysctl that raises the limit, and serves.
/// </summary>
public sealed class InotifyLimitTests
{
    [Fact]
    public async Task Without_inotify_the_portal_warns_once_with_the_sysctl_and_serves()
    {
        using var data = new TempDirectory();
        var url = $"http://127.0.0.1:{FreePort()}";
        var dll = Path.Combine(AppContext.BaseDirectory, "GovPortal.dll");
        var script = "echo 0 > /proc/sys/user/max_inotify_instances && " +
                     $"exec dotnet exec '{dll}' serve --demo --data '{data.Path}' --urls {url}";
        var start = new ProcessStartInfo("unshare", ["--user", "--map-root-user", "sh", "-c", script])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment.Remove("GOVPORTAL_DATABASE");
        using var portal = new Process { StartInfo = start };
        var output = new System.Text.StringBuilder();
        portal.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        portal.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        portal.Start();
        portal.BeginOutputReadLine();
        portal.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var home = await FirstAnswerAsync(client, url + "/", portal);
            lock (output) Assert.True(home == HttpStatusCode.OK, $"{home}: {output}");
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync();
        }

        var log = await File.ReadAllTextAsync(
            Directory.GetFiles(new PortalPaths(data.Path).LogsDirectory, "govportal-*.log").Single());
        const string warning = "无法监视发布目录的变化（多半是 inotify 数量达到上限）";
        Assert.Single(log.Split('\n'), line => line.Contains("[WRN]") && line.Contains(warning));
        Assert.Contains("sysctl -w fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=1024", log);
    }

    /// <summary>The status of the starting portal's first answer, or null if it ended or never answered.</summary>
    private static async Task<HttpStatusCode?> FirstAnswerAsync(HttpClient client, string url, Process portal)
    {
        for (var attempt = 0; attempt < 240 && !portal.HasExited; attempt++)
        {
            try
            {
                return (await client.GetAsync(url)).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
        }
        return null;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
