using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Theme;

namespace GovPortal.Publishing;

/// <summary>Where the renderer gets lists from: memory during a full rebuild, the database for one change.</summary>
public interface IListingSource
{
    Task<IReadOnlyList<ArticleListing>> OwnListAsync(int channelId);
    Task<IReadOnlyList<ArticleListing>> SubtreeNewestAsync(int channelId, int count);

    /// <summary>The home page's 焦点图 (<see cref="FocusReader"/>).</summary>
    Task<IReadOnlyList<FocusSlide>> FocusAsync();
}

/// <summary>
/// All live articles held in memory, grouped by channel (full rebuild): each in its own channel and in those it is
/// listed in too (<see cref="AlsoListedIn"/>).
/// </summary>
public sealed class InMemoryListingSource : IListingSource
{
    private readonly ChannelTree _tree;
    private Dictionary<int, IReadOnlyList<ArticleListing>>? _own;
    private readonly Dictionary<int, IReadOnlyList<ArticleListing>> _subtreeCache = [];

    private readonly IReadOnlyList<FocusSlide> _focus;

    /// <param name="allNewestFirst">Every live article, in list order.</param>
    /// <param name="alsoListed">The live articles' 同时列于, if any.</param>
    public InMemoryListingSource(ChannelTree tree, IEnumerable<ArticleListing> allNewestFirst,
        IReadOnlyList<FocusSlide>? focus = null, IReadOnlyCollection<AlsoListedIn>? alsoListed = null)
    {
        _tree = tree;
        _focus = focus ?? [];
        var all = allNewestFirst as IReadOnlyList<ArticleListing> ?? allNewestFirst.ToList();
        var extra = (alsoListed ?? []).ToLookup(l => l.ArticleId, l => l.ChannelId);
        // The input is in list order, so each channel's group is too.
        _own = all.SelectMany(a => extra[a.Id].Prepend(a.ChannelId).Distinct().Select(channel => (channel, a)))
            .GroupBy(x => x.channel, x => x.a)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ArticleListing>)g.ToList());
    }

    public Task<IReadOnlyList<ArticleListing>> OwnListAsync(int channelId) =>
        Task.FromResult(Own.TryGetValue(channelId, out var list) ? list : []);

    /// <summary>
    /// Lets the lists go once every page showing them is made. A full rebuild renders its list pages, feeds and
    /// sitemaps first and the articles after, whose pages show no list: without this, every article's listing would
    /// stay in memory to the end of the publish.
    /// </summary>
    public void Release()
    {
        _own = null;
        lock (_subtreeCache) _subtreeCache.Clear();
    }

    // A page asking for lists after their release would be made without them: it fails instead.
    private Dictionary<int, IReadOnlyList<ArticleListing>> Own =>
        _own ?? throw new InvalidOperationException("The lists were released before every page showing them was made.");

    public Task<IReadOnlyList<FocusSlide>> FocusAsync() => Task.FromResult(_focus);

    public Task<IReadOnlyList<ArticleListing>> SubtreeNewestAsync(int channelId, int count)
    {
        IReadOnlyList<ArticleListing> merged;
        lock (_subtreeCache)
        {
            if (!_subtreeCache.TryGetValue(channelId, out merged!))
            {
                var all = _tree.SubtreeOf(channelId)
                    .SelectMany(id => Own.TryGetValue(id, out var l) ? l.Take(SiteLayoutRules.FeedSize) : [])
                    .DistinctBy(a => a.Id).ToList();
                all.Sort(ArticleListing.ListOrder);
                _subtreeCache[channelId] = merged = all.Take(SiteLayoutRules.FeedSize).ToList();
            }
        }
        return Task.FromResult<IReadOnlyList<ArticleListing>>(merged.Take(count).ToList());
    }
}

/// <summary>
/// Reads lists from the database, remembering each within one publish. Starts from the lists the planner already
/// read after the change, so pages of the article's own channels need no further query.
/// </summary>
public sealed class DatabaseListingSource(GovPortalDbContext db, ChannelTree tree, int siteId,
    ListingSnapshot? known = null) : IListingSource
{
    private IReadOnlyList<FocusSlide>? _focus = known?.Focus;

    private readonly Dictionary<int, IReadOnlyList<ArticleListing>> _own = known?.OwnLists.ToDictionary() ?? [];
    private readonly Dictionary<int, IReadOnlyList<ArticleListing>> _newest = known?.SubtreeNewest.ToDictionary() ?? [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyList<ArticleListing>> OwnListAsync(int channelId)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_own.TryGetValue(channelId, out var list))
                _own[channelId] = list = await ListingReader.OwnListAsync(db, tree, channelId);
            return list;
        }
        finally { _gate.Release(); }
    }

    public async Task<IReadOnlyList<FocusSlide>> FocusAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _focus ??= await FocusReader.ReadAsync(db, siteId);
        }
        finally { _gate.Release(); }
    }

    public async Task<IReadOnlyList<ArticleListing>> SubtreeNewestAsync(int channelId, int count)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_newest.TryGetValue(channelId, out var list))
                _newest[channelId] = list = await ListingReader.SubtreeNewestAsync(db, tree, channelId,
                    SiteLayoutRules.FeedSize);
            return list.Take(count).ToList();
        }
        finally { _gate.Release(); }
    }
}
