using System.Diagnostics;
using System.Globalization;

namespace GovPortal.Tests.Support.Fuzzing;

/// <summary>
/// What a fuzz run met, per target: how many inputs, how each was answered, the slowest answer, and the heap before
/// and after. When GOVPORTAL_FUZZ_REPORT names a file (bench/fuzz.sh), the figures are appended to it as rows of the
/// "Hostile input" table of docs/benchmarks.md; the test command only asserts.
/// </summary>
public sealed class FuzzTally(string suite, int seed)
{
    private sealed class Target
    {
        public int Count;
        public readonly SortedDictionary<string, int> Outcomes = new(StringComparer.Ordinal);
        public TimeSpan Slowest;
    }

    private readonly SortedDictionary<string, Target> _targets = new(StringComparer.Ordinal);
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    // After a full collection: what the process holds, not what it has yet to collect.
    private readonly long _heapBefore = GC.GetTotalMemory(forceFullCollection: true);

    /// <summary>One input to <paramref name="target"/>, answered with <paramref name="outcome"/> (a status code,
    /// "answered", "refused", …) after <paramref name="took"/>.</summary>
    public void Add(string target, string outcome, TimeSpan took)
    {
        lock (_targets)
        {
            if (!_targets.TryGetValue(target, out var tally)) _targets[target] = tally = new Target();
            tally.Count++;
            tally.Outcomes[outcome] = tally.Outcomes.GetValueOrDefault(outcome) + 1;
            if (took > tally.Slowest) tally.Slowest = took;
        }
    }

    /// <summary>Appends the rows and a memory line to the report file, if one is asked for.</summary>
    public void WriteIfAsked()
    {
        var file = Environment.GetEnvironmentVariable("GOVPORTAL_FUZZ_REPORT");
        if (string.IsNullOrEmpty(file)) return;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var invariant = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        lock (_targets)
        {
            foreach (var (name, tally) in _targets)
                lines.Add(string.Create(invariant, $"| {suite} | {name} | {tally.Count:N0} | " +
                    $"{string.Join(", ", tally.Outcomes.Select(o => $"{o.Key} × {o.Value:N0}"))} | " +
                    $"{tally.Slowest.TotalMilliseconds:N0} ms |"));
        }
        using var process = Process.GetCurrentProcess();
        lines.Add(string.Create(invariant, $"- {suite} (seed {seed}): {_targets.Values.Sum(t => t.Count):N0} " +
            $"inputs in {_elapsed.Elapsed.TotalSeconds:0} s; managed heap after a full collection " +
            $"{_heapBefore / 1048576.0:0} MB before, {heapAfter / 1048576.0:0} MB after; the test process's peak " +
            $"working set {process.PeakWorkingSet64 / 1048576.0:0} MB."));
        File.AppendAllLines(file, lines);
    }
}
