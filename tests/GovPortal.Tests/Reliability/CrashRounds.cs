using System.Diagnostics;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Reliability;

/// <summary>
/// Rounds of work against the portal's executable, each ended by SIGKILL at a random moment, then a start on the
/// same folder and every check of <see cref="SiteConsistency"/> plus the work's own. The number of rounds is
/// GOVPORTAL_CRASH_ROUNDS (2 in the test command, 50 in bench/crash.sh); the moments come from a fixed seed
/// (GOVPORTAL_CRASH_SEED), so a failing round can be run again. With GOVPORTAL_CRASH_REPORT set, each scenario
/// appends its figures to that file as a table row.
/// </summary>
public sealed class CrashRounds(string scenario, string dataDirectory)
{
    public static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("GOVPORTAL_CRASH_ROUNDS"), out var n)
        ? n : 2;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("GOVPORTAL_CRASH_SEED"), out var s)
        ? s : 20261201;

    private readonly Random _random = new(Seed ^ scenario.GetHashCode(StringComparison.Ordinal));

    public int Interrupted { get; private set; }
    public long Acknowledged { get; set; }
    public long Lost { get; set; }
    public string Note { get; set; } = "";

    /// <summary>A moment between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public TimeSpan Moment(TimeSpan from, TimeSpan to) => from + (to - from) * _random.NextDouble();

    /// <summary>
    /// Starts <paramref name="process"/>'s work, kills the process at <paramref name="moment"/>, and waits for the
    /// work to notice. An error of the work before the kill fails the round; after it, requests fail by design.
    /// </summary>
    public async Task KillDuringAsync(PortalProcess process, Func<CancellationToken, Task> work, TimeSpan moment)
    {
        using var killed = new CancellationTokenSource();
        var running = Task.Run(async () =>
        {
            try
            {
                await work(killed.Token);
            }
            catch (Exception) when (killed.IsCancellationRequested)
            {
            }
        });
        var finished = await Task.WhenAny(running, Task.Delay(moment));
        if (finished == running) await running; // the work failed before the kill: its error is the result
        // Told first, so that the requests the kill cuts off are known for what they are.
        killed.Cancel();
        process.Kill();
        CountIfInterrupted();
        await running;
    }

    /// <summary>Whether the kill caught a publish writing files or a change between its save and its pages.</summary>
    public void CountIfInterrupted()
    {
        var output = Path.Combine(dataDirectory, "output", GovPortal.Publishing.Output.OutputLayout.FirstSiteCode);
        if (File.Exists(Path.Combine(output, "publish-journal")) || File.Exists(Path.Combine(output, "change-pending")))
            Interrupted++;
    }

    /// <summary>Starts the portal again in this process on the same folder and checks everything.</summary>
    public async Task<RunningPortal> RestartAndCheckAsync()
    {
        // A start after a kill that never ends is a failure to report, not a test run that waits for ever.
        var portal = await RunningPortal.StartAsync(dataDirectory: dataDirectory).WaitAsync(TimeSpan.FromMinutes(3));
        await SiteConsistency.AssertAsync(portal);
        return portal;
    }

    public void Report(int rounds, Stopwatch elapsed)
    {
        var file = Environment.GetEnvironmentVariable("GOVPORTAL_CRASH_REPORT");
        if (string.IsNullOrEmpty(file)) return;
        File.AppendAllText(file, $"| {scenario} | {rounds} | {Interrupted} | {Acknowledged} | {Lost} | 0 | "
            + $"{elapsed.Elapsed.TotalSeconds:0} s | {Note} |\n");
    }
}
