namespace GovPortal.Bench.Flood;

/// <summary>What became of one request: its status (0 for a transport error) and the time from its planned start.
/// </summary>
public readonly record struct FloodOutcome(FloodClass Class, int Status, double Milliseconds, bool RetryAfter,
    string? Error);

/// <summary>The outcomes of one phase, per class.</summary>
public sealed class FloodRecorder
{
    private readonly Lock _lock = new();
    private readonly Dictionary<FloodClass, List<FloodOutcome>> _outcomes = [];

    public void Add(FloodOutcome outcome)
    {
        lock (_lock)
        {
            if (!_outcomes.TryGetValue(outcome.Class, out var list)) _outcomes[outcome.Class] = list = [];
            list.Add(outcome);
        }
    }

    public IReadOnlyList<FloodOutcome> Of(FloodClass kind)
    {
        lock (_lock) return _outcomes.TryGetValue(kind, out var list) ? [.. list] : [];
    }

    public IReadOnlyList<FloodOutcome> All()
    {
        lock (_lock) return _outcomes.Values.SelectMany(list => list).ToList();
    }

    /// <summary>The value at quantile <paramref name="q"/> (0..1) of sorted values: nearest rank.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0
            ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Per second of the run: requests planned, answered as expected, shed, failed (for the recovery).</summary>
public sealed class FloodTimeline(int seconds)
{
    private readonly int[] _planned = new int[seconds + 1];
    private readonly int[] _normal = new int[seconds + 1];
    private readonly int[] _shed = new int[seconds + 1];
    private readonly int[] _failed = new int[seconds + 1];

    public void Add(double plannedSecond, FloodOutcome outcome)
    {
        var i = Math.Clamp((int)plannedSecond, 0, _planned.Length - 1);
        Interlocked.Increment(ref _planned[i]);
        if (outcome.Status == FloodMix.Expected(outcome.Class)) Interlocked.Increment(ref _normal[i]);
        else if (outcome.Status is 429 or 503) Interlocked.Increment(ref _shed[i]);
        else Interlocked.Increment(ref _failed[i]);
    }

    public (int Planned, int Normal, int Shed, int Failed) At(int second) =>
        (_planned[second], _normal[second], _shed[second], _failed[second]);

    public int Seconds => _planned.Length;
}
