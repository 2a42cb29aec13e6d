namespace GovPortal.Publishing;

/// <summary>What one change does to the output: the keys to render and the keys whose files must go.</summary>
public sealed class PublishPlan
{
    public HashSet<PageKey> Render { get; } = [];
    public HashSet<PageKey> Remove { get; } = [];

    public bool IsEmpty => Render.Count == 0 && Remove.Count == 0;

    public override string ToString() =>
        $"render [{string.Join(", ", Render.OrderBy(k => k.ToString()))}] remove " +
            $"[{string.Join(", ", Remove.OrderBy(k => k.ToString()))}]";
}
