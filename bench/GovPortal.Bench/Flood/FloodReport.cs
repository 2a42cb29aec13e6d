using System.Globalization;
using System.Text;

namespace GovPortal.Bench.Flood;

/// <summary>The figures of a flood as markdown: per phase and class, the portal's CPU and memory, the recovery.
/// </summary>
public static class FloodReport
{
    public sealed record Phase(FloodPhase Plan, double Rate, FloodRecorder Recorder, ProcessSampler.Sample Start,
        ProcessSampler.Sample End, TimeSpan BenchCpu, double StartSecond, IReadOnlyList<ProcessSampler.Sample> Samples);

    /// <summary>The report; numbers are written in the invariant culture (the caller sets it).</summary>
    public static string Write(IReadOnlyList<Phase> phases, FloodTimeline timeline, int addresses, long unanswered,
        GcCounterLog? gc, IReadOnlyList<LiveHeapProbe.Reading> liveHeap)
    {
        var text = new StringBuilder();
        text.AppendLine(Verdict(phases, gc, liveHeap)).AppendLine();
        text.AppendLine("| phase | rate | requests | answered as expected | shed 429 | shed 503 | with Retry-After |"
                        + " errors | p50 | p99 | max | portal CPU | portal RSS start → max → end |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var phase in phases)
        {
            var all = phase.Recorder.All();
            var shed = all.Where(o => o.Status is 429 or 503).ToList();
            var sorted = all.Select(o => o.Milliseconds).Order().ToList();
            var seconds = (phase.End.At - phase.Start.At).TotalSeconds;
            var cpu = (phase.End.CpuSeconds - phase.Start.CpuSeconds) / seconds;
            var peak = phase.Samples.Append(phase.Start).Append(phase.End).Max(s => s.RssKb);
            text.AppendLine(($"| {phase.Plan.Name} ({phase.Plan.Duration.TotalSeconds:0} s) | " +
                $"{phase.Rate:0}/s | {all.Count:N0} | {all.Count(o => o.Status == FloodMix.Expected(o.Class)):N0} | " +
                $"{shed.Count(o => o.Status == 429):N0} | {shed.Count(o => o.Status == 503):N0} | " +
                $"{shed.Count(o => o.RetryAfter):N0} | {Errors(all):N0} | {Ms(sorted, 0.5)} | " +
                $"{Ms(sorted, 0.99)} | {Ms(sorted, 1)} | {cpu * 100:0}% | " +
                $"{Mb(phase.Start.RssKb)} → {Mb(peak)} → {Mb(phase.End.RssKb)} |"));
        }
        text.AppendLine();
        text.AppendLine(($"Errors are answers other than the expected one (200; 404 for the missing page) that " +
                                  $"are not 429/503, and transport errors; requests unanswered at the end: " +
                                  $"{unanswered}. " +
                                  $"Portal CPU is the share of one core (200% = both cores of this machine)."));
        foreach (var phase in phases.Where(p => p.Plan.Name != "warm-up"))
        {
            text.AppendLine();
            text.AppendLine(($"**{phase.Plan.Name}**, {phase.Plan.Duration.TotalSeconds:0} s at " +
                                      $"{phase.Rate:0} requests/s (latency in ms from the planned start):"));
            text.AppendLine();
            text.AppendLine("| class | requests | as expected | 429 | 503 | errors | p50 | p95 | p99 | max |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (kind, _, label) in FloodMix.Shares)
            {
                var outcomes = phase.Recorder.Of(kind);
                if (outcomes.Count == 0) continue;
                var sorted = outcomes.Select(o => o.Milliseconds).Order().ToList();
                text.AppendLine(($"| {label} | {outcomes.Count:N0} | " +
                    $"{outcomes.Count(o => o.Status == FloodMix.Expected(kind)):N0} | " +
                    $"{outcomes.Count(o => o.Status == 429):N0} | {outcomes.Count(o => o.Status == 503):N0} | " +
                    $"{Errors(outcomes):N0} | {Ms(sorted, 0.5)} | {Ms(sorted, 0.95)} | {Ms(sorted, 0.99)} | " +
                    $"{Ms(sorted, 1)} |"));
            }
            var shed = phase.Recorder.All().Where(o => o.Status is 429 or 503).Select(o => o.Milliseconds)
                .Order().ToList();
            if (shed.Count > 0)
                text.AppendLine().AppendLine(($"Shed answers (429/503): p50 {Ms(shed, 0.5)} ms, " +
                                                       $"p99 {Ms(shed, 0.99)} ms, max {Ms(shed, 1)} ms."));
            var errors = phase.Recorder.All().Where(o => o.Status != FloodMix.Expected(o.Class)
                                                         && o.Status is not (429 or 503))
                .GroupBy(o => o.Error ?? $"status {o.Status} ({o.Class})").OrderByDescending(g => g.Count()).ToList();
            if (errors.Count > 0)
                text.AppendLine().AppendLine("Errors: "
                                             + string.Join(", ", errors.Select(g => $"{g.Key} × {g.Count()}"))
                                             + ".");
            if (phase.Plan.Name == "steady") text.AppendLine().AppendLine(MemoryLines(phase, gc));
        }
        if (phases.FirstOrDefault(p => p.Plan.Name == "recovery") is { } recovery)
            text.AppendLine().AppendLine(RecoveryLines(recovery, timeline));
        text.AppendLine().Append(($"Clients: {addresses} addresses (X-Forwarded-For from the trusted proxy " +
                                           "127.0.0.1), so that no one address passes its own limits."));
        return text.ToString();
    }

    /// <summary>The figures the proof rests on, one line per phase that has a part in it.</summary>
    private static string Verdict(IReadOnlyList<Phase> phases, GcCounterLog? gc,
        IReadOnlyList<LiveHeapProbe.Reading> liveHeap)
    {
        var lines = new List<string>();
        if (phases.FirstOrDefault(p => p.Plan.Name == "steady") is { } steady)
        {
            var all = steady.Recorder.All();
            var notExpected = all.Count(o => o.Status != FloodMix.Expected(o.Class));
            var sorted = all.Select(o => o.Milliseconds).Order().ToList();
            var afterMinute = steady.Samples.Where(x => x.At >= steady.Start.At.AddMinutes(1)).ToList();
            var from = afterMinute.Count > 0 ? afterMinute[0] : steady.Start;
            lines.Add($"- **Steady**: {all.Count:N0} requests at {steady.Rate:0}/s, {notExpected} not answered as " +
                      $"expected ({Errors(all)} errors, {all.Count(o => o.Status is 429 or 503)} shed); p99 " +
                      $"{Ms(sorted, 0.99)} ms, max {Ms(sorted, 1)} ms; portal RSS {Mb(from.RssKb)} MB after " +
                      "the first " +
                      $"minute, {Mb(steady.End.RssKb)} MB at the end " +
                      $"({(steady.End.RssKb - from.RssKb) / 1024.0:+0;-0;0} MB)" + HeapVerdict(steady, gc) + ".");
            if (LiveHeapLine(liveHeap, gc) is { } live) lines.Add(live);
        }
        if (phases.FirstOrDefault(p => p.Plan.Name == "burst") is { } burst)
        {
            var all = burst.Recorder.All();
            var shed = all.Where(o => o.Status is 429 or 503).ToList();
            var pages = all.Where(o => o.Class is FloodClass.Page or FloodClass.Variant or FloodClass.Asset
                or FloodClass.Missing).ToList();
            var pageTimes = pages.Select(o => o.Milliseconds).Order().ToList();
            var shedTimes = shed.Select(o => o.Milliseconds).Order().ToList();
            lines.Add($"- **Burst** ({burst.Plan.Multiple:0}× the rate): {shed.Count:N0} of {all.Count:N0} requests " +
                      $"shed ({100.0 * shed.Count / Math.Max(1, all.Count):0.0}%; " +
                      $"{shed.Count(o => o.Status == 429):N0} × 429, {shed.Count(o => o.Status == 503):N0} × 503, " +
                      $"{shed.Count(o => o.RetryAfter):N0} with Retry-After), p99 of the shed answers " +
                      $"{Ms(shedTimes, 0.99)} ms; published pages " +
                      $"{pages.Count(o => o.Status == FloodMix.Expected(o.Class)):N0}" +
                      $" of {pages.Count:N0} answered, p99 {Ms(pageTimes, 0.99)} ms; {Errors(all)} errors.");
        }
        return string.Join("\n", lines);
    }

    /// <summary>The managed heap across the steady phase: where it stood after the first minute, at the end, and its
    /// highest point in the second half (a leak grows there; a heap that only warmed up does not).</summary>
    private static string HeapVerdict(Phase steady, GcCounterLog? gc)
    {
        if (gc is null) return "; no GC heap figures (dotnet-counters did not attach)";
        var from = steady.Start.At.AddMinutes(1);
        var afterMinute = gc.Near(from);
        var end = gc.Near(steady.End.At);
        var half = from + (steady.End.At - from) / 2;
        var secondHalf = gc.Between(half, steady.End.At);
        var firstHalf = gc.Between(from, half);
        return $"; GC heap after collection {Mb(afterMinute.HeapBytes / 1024)} MB after the first minute, " +
               $"{Mb(end.HeapBytes / 1024)} MB at the end; after the first minute, highest " +
               $"{Mb(firstHalf.Select(s => s.HeapBytes).DefaultIfEmpty().Max() / 1024)} MB in the first half " +
               $"and {Mb(secondHalf.Select(s => s.HeapBytes).DefaultIfEmpty().Max() / 1024)} MB in the second";
    }

    /// <summary>The live heap at the start and end of the steady phase, with and without the served-file cache,
    /// which grows to its budget by design: what remains is what a leak would show in.</summary>
    private static string? LiveHeapLine(IReadOnlyList<LiveHeapProbe.Reading> liveHeap, GcCounterLog? gc)
    {
        var start = liveHeap.FirstOrDefault(r => r.Moment == "steady-start");
        var end = liveHeap.FirstOrDefault(r => r.Moment == "steady-end");
        if (start is null || end is null) return null;
        var startCache = gc?.Near(start.At).CacheBytes ?? 0;
        var endCache = gc?.Near(end.At).CacheBytes ?? 0;
        var rest = (end.HeapBytes - endCache - (start.HeapBytes - startCache)) / 1048576.0;
        var minutes = (end.At - start.At).TotalMinutes;
        return $"- **Live heap** (a full collection forced by `dotnet-gcdump` before and after the steady phase): " +
               $"{Mb(start.HeapBytes / 1024)} MB → {Mb(end.HeapBytes / 1024)} MB, of which the in-memory copy " +
               $"of published files {Mb(startCache / 1024)} MB → {Mb(endCache / 1024)} MB (budget 256 MB); " +
               $"the rest {Mb((start.HeapBytes - startCache) / 1024)} MB → {Mb((end.HeapBytes - endCache) / 1024)} " +
               $"MB ({rest:+0.0;-0.0;0.0} MB in {minutes:0} minutes, {rest / Math.Max(1, minutes):+0.00;-0.00;0.00} " +
               "MB a minute).";
    }

    private static string MemoryLines(Phase steady, GcCounterLog? gc)
    {
        var rss = new List<string>();
        var heap = new List<string>();
        var committed = new List<string>();
        var cache = new List<string>();
        for (var minute = 0; ; minute++)
        {
            var at = steady.Start.At.AddMinutes(minute);
            if (at > steady.End.At) break;
            var sample = steady.Samples.Append(steady.Start).MinBy(s => Math.Abs((s.At - at).TotalSeconds))!;
            rss.Add(Mb(sample.RssKb));
            if (gc is null) continue;
            var counters = gc.Near(at);
            heap.Add(Mb(counters.HeapBytes / 1024));
            committed.Add(Mb(counters.CommittedBytes / 1024));
            cache.Add(Mb(counters.CacheBytes / 1024));
        }
        rss.Add(Mb(steady.End.RssKb));
        var text = "Portal RSS (MB) at the start of each minute of the steady phase and at its end: "
                   + string.Join(", ", rss) + ".";
        if (gc is null) return text;
        var end = gc.Near(steady.End.At);
        heap.Add(Mb(end.HeapBytes / 1024));
        committed.Add(Mb(end.CommittedBytes / 1024));
        cache.Add(Mb(end.CacheBytes / 1024));
        return text + "\n\nGC heap after the last collection (MB), at the same moments: " + string.Join(", ", heap)
               + ".\n\nOf which the in-memory copy of published files (MB): " + string.Join(", ", cache)
               + ".\n\nMemory the GC had committed (MB), at the same moments: " + string.Join(", ", committed)
               + ".";
    }

    private static string RecoveryLines(Phase recovery, FloodTimeline timeline)
    {
        var first = (int)recovery.StartSecond;
        var seconds = new List<string>();
        var lastBad = -1;
        for (var s = first; s < Math.Min(timeline.Seconds, first + (int)recovery.Plan.Duration.TotalSeconds); s++)
        {
            var (planned, normal, shed, failed) = timeline.At(s);
            if (normal < planned) lastBad = s - first;
            if (s < first + 10) seconds.Add(($"{s - first + 1}: {normal}/{planned}") +
                                            (shed + failed > 0 ? ($" ({shed} shed, {failed} failed)") : ""));
        }
        return "Recovery, per second after the burst (answered as expected / planned): " + string.Join("; ", seconds)
               + ". " + (lastBad < 0
                   ? "Every request planned after the burst was answered as expected."
                   : ($"The last request not answered as expected was planned in second {lastBad + 1}."));
    }

    private static int Errors(IEnumerable<FloodOutcome> outcomes) =>
        outcomes.Count(o => o.Status != FloodMix.Expected(o.Class) && o.Status is not (429 or 503));

    private static string Ms(IReadOnlyList<double> sorted, double q) =>
        FloodRecorder.Quantile(sorted, q) is var v && double.IsNaN(v) ? "–"
        : v < 10 ? v.ToString("0.0", CultureInfo.InvariantCulture) : v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(long kb) => (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture);

}
