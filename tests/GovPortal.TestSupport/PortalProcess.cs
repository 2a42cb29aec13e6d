using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GovPortal.Tests.Support;

/// <summary>
/// The portal's executable in a process of its own, on a data folder the test owns: what an operator runs, and what
/// <c>kill -9</c> can stop at any instruction (<see cref="Kill"/> sends SIGKILL).
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private PortalProcess(Process process, Uri? address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where <c>serve</c> listens; null for other commands.</summary>
    public Uri? Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process printed so far, both streams.</summary>
    public string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output);
        }
    }

    /// <summary>Starts <c>serve</c> on a free loopback port and waits until the home page answers.</summary>
    /// <param name="address">Where to listen: by default a free port; a node started again takes its old one.</param>
    public static async Task<PortalProcess> ServeAsync(string dataDirectory, IEnumerable<string>? options = null,
        IReadOnlyDictionary<string, string>? environment = null, Uri? address = null)
    {
        address ??= new Uri($"http://127.0.0.1:{FreePort()}");
        // --demo: a new data folder gets the demo site; one that has a site keeps it.
        var portal = new PortalProcess(Start(["serve", "--demo", "--data", dataDirectory, "--urls", address.ToString(),
            .. options ?? []], environment), address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(120);)
        {
            if (portal.HasExited)
                throw new InvalidOperationException($"the portal stopped while starting:\n{portal.Output}");
            try
            {
                if ((await http.GetAsync("/")).StatusCode == HttpStatusCode.OK) return portal;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        portal.Kill();
        throw new TimeoutException($"the portal did not answer within two minutes:\n{portal.Output}");
    }

    /// <summary>Starts another command (<c>publish</c> …) without waiting for it; a new folder gets the demo.</summary>
    public static PortalProcess Run(string dataDirectory, params string[] command) =>
        new(Start([.. command, "--demo", "--data", dataDirectory], null), null);

    /// <summary>Waits for a command to end on its own; returns its exit code.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown code of the portal runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(TimeSpan.FromMinutes(1)))
            throw new TimeoutException($"the process {_process.Id} did not end within a minute of SIGKILL");
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet",
            ["exec", Path.Combine(AppContext.BaseDirectory, "GovPortal.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment.Remove("GOVPORTAL_DATABASE");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
