using System.Globalization;

namespace GovPortal.PublicSite.Shedding;

/// <summary>
/// How many requests of each lane of dynamic work (see <see cref="SheddingLane"/>) the portal handles at once, how
/// many more wait their turn, and for how long, before further ones are answered 503 at once. Published pages are
/// never counted: they are files held in memory, far cheaper than any dynamic answer.
/// </summary>
/// <param name="Concurrent">Requests of one lane handled at once.</param>
/// <param name="Queue">Requests of one lane that wait for a free place; more are answered 503 at once.</param>
/// <param name="QueueWait">The longest a request waits for its place before it is answered 503.</param>
public sealed record DynamicRequestLimits(int Concurrent, int Queue, TimeSpan QueueWait)
{
    /// <summary>
    /// While work waits this long for a thread (<see cref="SchedulingDelay"/>), the machine is overloaded: dynamic
    /// requests are shed at once, so that its cores go to what they can still answer. An idle or busy but keeping-up
    /// portal has a wait under a millisecond; a tenth of a second is a queue, not a blip.
    /// </summary>
    public TimeSpan MaxSchedulingDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the wait is measured; zero or less: never (the delay stays at what was observed).</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>What a shed answer asks the browser or program to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static readonly TimeSpan DefaultQueueWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The defaults for a machine with <paramref name="processors"/> cores. A search or a form page is a few
    /// milliseconds of CPU with short waits for the database between, so four at a time per core keep every core busy;
    /// more would only make each answer slower. Eight waiting per core are cleared within tens of milliseconds.
    /// </summary>
    public static DynamicRequestLimits ForMachine(int processors)
    {
        var cores = Math.Clamp(processors, 1, 64);
        return new DynamicRequestLimits(Concurrent: 4 * cores, Queue: 8 * cores, DefaultQueueWait);
    }

    /// <summary>The limits of this machine, with the operator's settings (null where not given).</summary>
    public static DynamicRequestLimits From(int? concurrent, int? queue) =>
        ForMachine(Environment.ProcessorCount) is var machine
            ? machine with { Concurrent = concurrent ?? machine.Concurrent, Queue = queue ?? machine.Queue }
            : machine;

    public string RetryAfter => RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}
