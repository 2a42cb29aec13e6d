namespace GovPortal.Content;

/// <summary>A read-only view of the channel tree: paths, ancestors and ordered children, computed once.</summary>
public sealed class ChannelTree
{
    private readonly Dictionary<int, Channel> _byId;
    private readonly Dictionary<int, string> _paths = [];
    private readonly Dictionary<int, List<Channel>> _children = [];

    public ChannelTree(IEnumerable<Channel> channels)
    {
        _byId = channels.ToDictionary(c => c.Id);
        foreach (var channel in _byId.Values)
        {
            if (channel.ParentId is { } parent)
            {
                if (!_children.TryGetValue(parent, out var list)) _children[parent] = list = [];
                list.Add(channel);
            }
        }
        foreach (var list in _children.Values) list.Sort(CompareByOrder);
        Roots = _byId.Values.Where(c => c.ParentId is null).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToList();
        foreach (var channel in _byId.Values)
            _paths[channel.Id] = string.Join('/', AncestorsAndSelf(channel.Id).Select(c => c.Slug));
    }

    public IReadOnlyList<Channel> Roots { get; }
    public IEnumerable<Channel> All => _byId.Values;

    public Channel this[int id] => _byId[id];
    public bool Contains(int id) => _byId.ContainsKey(id);

    /// <summary>The channel's folder in the output, e.g. "xwzx/xcyw".</summary>
    public string PathOf(int id) => _paths[id];

    public IReadOnlyList<Channel> ChildrenOf(int id) => _children.TryGetValue(id, out var list) ? list : [];

    /// <summary>From the root down to the channel itself.</summary>
    public IReadOnlyList<Channel> AncestorsAndSelf(int id)
    {
        var chain = new List<Channel>();
        var seen = new HashSet<int>();
        for (Channel? current = _byId[id]; current is not null;
            current = current.ParentId is { } p && _byId.TryGetValue(p, out var parent) ? parent : null)
        {
            if (!seen.Add(current.Id)) throw new InvalidOperationException($"Channel {id} is part of a cycle.");
            chain.Add(current);
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>The channel and every channel below it.</summary>
    public IEnumerable<int> SubtreeOf(int id)
    {
        yield return id;
        foreach (var child in ChildrenOf(id))
            foreach (var descendant in SubtreeOf(child.Id))
                yield return descendant;
    }

    /// <summary>
    /// Every channel as navigation reads them: each followed by its sub-channels, with its depth (0 at the top).
    /// </summary>
    public IEnumerable<(Channel Channel, int Depth)> InReadingOrder() => InReadingOrder(Roots, 0);

    private IEnumerable<(Channel, int)> InReadingOrder(IEnumerable<Channel> channels, int depth)
    {
        foreach (var channel in channels)
        {
            yield return (channel, depth);
            foreach (var descendant in InReadingOrder(ChildrenOf(channel.Id), depth + 1)) yield return descendant;
        }
    }

    private static int CompareByOrder(Channel a, Channel b) =>
        a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : a.Id.CompareTo(b.Id);
}
