namespace GovPortal.Publishing;

/// <summary>What one change does to the output: the keys to render and the keys whose files must go.</summary>
public sealed class PublishPlan
{
    public HashSet<PageKey> Render { get; } = [];
    public HashSet<PageKey> Remove { get; } = [];

    /// <summary>
    /// Keys of the plan that could not be rendered when it was carried out (each keeps its last version).
    /// </summary>
    public List<PageFailure> Failures { get; } = [];

    public bool IsEmpty => Render.Count == 0 && Remove.Count == 0;

    public override string ToString() =>
        $"render [{string.Join(", ", Render.OrderBy(k => k.ToString()))}] remove " +
            $"[{string.Join(", ", Remove.OrderBy(k => k.ToString()))}]";
}
