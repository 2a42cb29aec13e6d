using System.Diagnostics;
using System.Globalization;

namespace GovPortal.Bench.Flood;

/// <summary>
/// Mixed traffic at a fixed rate against a running portal, in phases (steady, a burst at a multiple of the rate,
/// recovery). Open model: every request starts at its planned time whether or not earlier ones have been answered, and
/// its latency counts from that planned time, so a slow server cannot hide its slowness by slowing the load down.
/// Prints the figures as markdown.
/// </summary>
public static class FloodCommand
{
    private sealed record PhaseResult(FloodPhase Phase, double Rate, FloodRecorder Recorder,
        ProcessSampler.Sample Start, ProcessSampler.Sample End, TimeSpan BenchCpu, double StartSecond);

    /// <summary>flood BASE_URL DATA_DIR PORTAL_PID RATE PHASES [ADDRESSES=4096] [SEED=17]</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count < 5)
        {
            Console.Error.WriteLine(
                "usage: GovPortal.Bench flood BASE_URL DATA_DIR PORTAL_PID RATE PHASES [ADDRESSES] [SEED]");
            return 2;
        }
        var invariant = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = invariant;
        var rate = double.Parse(args[3], invariant);
        var phases = FloodPhase.ParseAll(args[4]);
        var addresses = args.Count > 5 ? int.Parse(args[5], invariant) : 4096;
        var seed = args.Count > 6 ? int.Parse(args[6], invariant) : 17;
        var targets = FloodTargets.Read(args[1],
            Environment.GetEnvironmentVariable("FLOOD_QUERIES") ?? "bench/search-queries.txt");
        Console.Error.WriteLine($"flood: {targets.Pages.Count} list pages, {targets.Articles.Count} articles, " +
                                $"{targets.Assets.Count} assets, {targets.Queries.Count} queries, " +
                                $"{addresses} addresses");
        using var client = new FloodClient(new Uri(args[0]), targets, addresses);
        var sampler = new ProcessSampler(int.Parse(args[2], invariant));
        using var stopSampling = new CancellationTokenSource();
        var sampling = sampler.RunAsync(TimeSpan.FromSeconds(2), stopSampling.Token);
        var timeline = new FloodTimeline((int)Math.Ceiling(phases.Sum(p => p.Duration.TotalSeconds)) + 1);
        var random = new Random(seed);
        var inFlight = 0L;
        var results = new List<PhaseResult>();
        var benchProcess = Process.GetCurrentProcess();
        var runStart = Stopwatch.GetTimestamp();
        var offset = 0.0;
        var dumps = Environment.GetEnvironmentVariable("FLOOD_GCDUMPS");
        var liveHeap = new List<LiveHeapProbe.Reading>();
        foreach (var phase in phases)
        {
            if (phase.Name == "steady") runStart += await ProbeAsync("steady-start");
            var recorder = new FloodRecorder();
            var start = sampler.Take();
            benchProcess.Refresh();
            var benchCpu = benchProcess.TotalProcessorTime;
            var phaseRate = rate * phase.Multiple;
            var count = (long)Math.Round(phaseRate * phase.Duration.TotalSeconds);
            Console.Error.WriteLine($"flood: {phase.Name}, {phase.Duration.TotalSeconds} s at {phaseRate} requests/s");
            for (long i = 0; i < count; i++)
            {
                var plannedSecond = offset + i / phaseRate;
                var planned = runStart + (long)(plannedSecond * Stopwatch.Frequency);
                // Wait for the planned time without spinning (the machine's cores are the portal's); a late start is
                // counted in the latency, since it is measured from the planned time.
                while (Stopwatch.GetTimestamp() < planned) await Task.Delay(1);
                var kind = FloodMix.Pick(random);
                var requestRandom = new Random(random.Next());
                Interlocked.Increment(ref inFlight);
                _ = Task.Run(async () =>
                {
                    var outcome = await client.SendAsync(kind, planned, requestRandom);
                    recorder.Add(outcome);
                    timeline.Add(plannedSecond, outcome);
                    Interlocked.Decrement(ref inFlight);
                });
            }
            var phaseEnd = runStart + (long)((offset + phase.Duration.TotalSeconds) * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < phaseEnd) await Task.Delay(1);
            benchProcess.Refresh();
            results.Add(new PhaseResult(phase, phaseRate, recorder, start, sampler.Take(),
                benchProcess.TotalProcessorTime - benchCpu, offset));
            offset += phase.Duration.TotalSeconds;
            if (phase.Name == "steady") runStart += await ProbeAsync("steady-end");
        }
        var drain = Stopwatch.StartNew();
        while (Interlocked.Read(ref inFlight) > 0 && drain.Elapsed < TimeSpan.FromSeconds(40)) await Task.Delay(50);
        var unanswered = Interlocked.Read(ref inFlight);
        await stopSampling.CancelAsync();
        await sampling;

        Console.WriteLine(FloodReport.Write(results.Select(r => new FloodReport.Phase(r.Phase, r.Rate, r.Recorder,
            r.Start, r.End, r.BenchCpu, r.StartSecond, sampler.Between(r.Start.At, r.End.At))).ToList(),
            timeline, addresses, unanswered, GcCounterLog.Read(Environment.GetEnvironmentVariable("FLOOD_COUNTERS")),
            liveHeap));
        var steadyFailures = results.Where(r => r.Phase.Name == "steady")
            .Sum(r => r.Recorder.All().Count(o => o.Status != FloodMix.Expected(o.Class)));
        return steadyFailures == 0 && unanswered == 0 ? 0 : 1;

        // The live heap between phases; the plan moves on by the time the dump took, so no request is counted late
        // for it.
        async Task<long> ProbeAsync(string moment)
        {
            if (string.IsNullOrEmpty(dumps)) return 0;
            var began = Stopwatch.GetTimestamp();
            Console.Error.WriteLine($"flood: live heap at {moment}");
            if (await LiveHeapProbe.TakeAsync(sampler.ProcessId, moment, dumps) is { } reading) liveHeap.Add(reading);
            return Stopwatch.GetTimestamp() - began;
        }
    }
}
