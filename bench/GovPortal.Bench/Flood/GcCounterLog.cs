using System.Globalization;

namespace GovPortal.Bench.Flood;

/// <summary>
/// The portal's managed heap over a run, read from the CSV that <c>dotnet-counters collect --format csv</c> writes
/// beside the flood. Resident memory alone cannot tell a leak from a heap the GC has simply not shrunk; the heap size
/// after each collection can.
/// </summary>
public sealed class GcCounterLog
{
    /// <summary>One refresh of the counters: the heap left after the last collection (all generations), the
    /// memory the GC had committed, and the bytes of the portal's in-memory copy of published files (part of the
    /// heap, growing to its budget as more pages are read).</summary>
    public sealed record Sample(DateTime At, long HeapBytes, long CommittedBytes, long CacheBytes);

    private const string HeapCounter = "dotnet.gc.last_collection.heap.size";
    private const string CommittedCounter = "dotnet.gc.last_collection.memory.committed_size";
    private const string CacheCounter = "govportal.served_file_cache.size";

    public IReadOnlyList<Sample> Samples { get; }

    private GcCounterLog(IReadOnlyList<Sample> samples) => Samples = samples;

    /// <summary>The log of a file, or null when there is none (dotnet-counters could not attach).</summary>
    public static GcCounterLog? Read(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return null;
        var heap = new SortedDictionary<DateTime, long>();
        var committed = new Dictionary<DateTime, long>();
        var cache = new Dictionary<DateTime, long>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment; counter names hold no commas.
            var fields = line.Split(',');
            if (fields.Length < 5) continue;
            if (!DateTime.TryParseExact(fields[0], "MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeLocal, out var at)) continue;
            if (!double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            at = at.ToUniversalTime();
            // The heap size comes once per generation (gen0, gen1, gen2, loh, poh): their sum is the heap.
            if (fields[2].StartsWith(HeapCounter, StringComparison.Ordinal))
                heap[at] = heap.GetValueOrDefault(at) + (long)value;
            else if (fields[2].StartsWith(CommittedCounter, StringComparison.Ordinal))
                committed[at] = (long)value;
            else if (fields[2].StartsWith(CacheCounter, StringComparison.Ordinal))
                cache[at] = (long)value;
        }
        var samples = heap.Select(h => new Sample(h.Key, h.Value, committed.GetValueOrDefault(h.Key),
            cache.GetValueOrDefault(h.Key))).ToList();
        return samples.Count == 0 ? null : new GcCounterLog(samples);
    }

    /// <summary>The sample nearest to a moment.</summary>
    public Sample Near(DateTime at) => Samples.MinBy(s => Math.Abs((s.At - at).TotalSeconds))!;

    public IReadOnlyList<Sample> Between(DateTime from, DateTime to) =>
        Samples.Where(s => s.At >= from && s.At <= to).ToList();
}
