using System.Globalization;

namespace GovPortal.Bench.Flood;

/// <summary>
/// Samples a process's resident memory (VmRSS of /proc/PID/status) and CPU time (/proc/PID/stat) every few seconds.
/// </summary>
public sealed class ProcessSampler(int pid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public int ProcessId => pid;

    public sealed record Sample(DateTime At, long RssKb, double CpuSeconds);

    private readonly List<Sample> _samples = [];
    private readonly Lock _lock = new();

    public Sample Take()
    {
        var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) in parentheses; utime and stime are the 14th and 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var cpu = (double.Parse(fields[11], CultureInfo.InvariantCulture)
                   + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        var sample = new Sample(DateTime.UtcNow, kb, cpu);
        lock (_lock) _samples.Add(sample);
        return sample;
    }

    public async Task RunAsync(TimeSpan every, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop)) Take();
        }
        catch (OperationCanceledException)
        {
        }
    }

    public IReadOnlyList<Sample> Between(DateTime from, DateTime to)
    {
        lock (_lock) return _samples.Where(s => s.At >= from && s.At <= to).ToList();
    }
}
