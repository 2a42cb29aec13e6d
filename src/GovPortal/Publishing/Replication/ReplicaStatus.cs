using System.Collections.Concurrent;

namespace GovPortal.Publishing.Replication;

/// <summary>
/// What a public node knows of its copy: the generation of each site it serves (0 until it has verified one), and
/// whether the database replica answered the last time it was asked. Read by <c>/healthz</c> and the log.
/// </summary>
public sealed class ReplicaStatus
{
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private volatile string? _unreachable;
    private DateTime _lastContactUtc;

    public IReadOnlyDictionary<string, long> Generations => _generations;

    /// <summary>Why the replica could not be read (in Chinese), null while it answers.</summary>
    public string? Unreachable => _unreachable;

    public DateTime LastContactUtc => _lastContactUtc;

    /// <summary>Whether every site served has a verified generation: only then should readers be sent here.</summary>
    public bool Ready => !_generations.IsEmpty && _generations.Values.All(g => g > 0);

    internal void SetGeneration(string site, long generation) => _generations[site] = generation;

    internal void Forget(string site) => _generations.TryRemove(site, out _);

    internal void Reached(DateTime nowUtc)
    {
        _unreachable = null;
        _lastContactUtc = nowUtc;
    }

    internal void Lost(string why) => _unreachable = why;
}
