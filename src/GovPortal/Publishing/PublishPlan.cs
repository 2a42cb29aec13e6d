namespace GovPortal.Publishing;

/// <summary>What one change does to the output: the keys to render and the keys whose files must go.</summary>
public sealed class PublishPlan
{
    public HashSet<PageKey> Render { get; } = [];
    public HashSet<PageKey> Remove { get; } = [];

    /// <summary>
    /// Deeper list pages of a long column the change shifted, published right after it in the background (see
    /// <see cref="PublishOptions"/>); <see cref="DeferredDone"/> completes when they are written.
    /// </summary>
    public HashSet<PageKey> Deferred { get; } = [];

    public Task DeferredDone { get; internal set; } = Task.CompletedTask;

    /// <summary>
    /// Keys of the plan that could not be rendered when it was carried out (each keeps its last version).
    /// </summary>
    public List<PageFailure> Failures { get; } = [];

    public bool IsEmpty => Render.Count == 0 && Remove.Count == 0;

    public override string ToString() =>
        $"render [{string.Join(", ", Render.OrderBy(k => k.ToString()))}] remove " +
            $"[{string.Join(", ", Remove.OrderBy(k => k.ToString()))}]" +
            (Deferred.Count > 0 ? $" then [{string.Join(", ", Deferred.OrderBy(k => k.ToString()))}]" : "");
}
