namespace GovPortal.Publishing;

/// <summary>
/// The listings after a change, worked out from the listings before it. Live listings change only through the
/// publisher, one change at a time, so "after" is "before" with the one article taken out and put back where it now
/// belongs. Only a list that was cut at its length and lost the article cannot be completed this way: its next
/// article is unknown, so that list must be read again.
/// </summary>
public static class ListingSnapshotDerivation
{
    /// <param name="changed">The article's listing after the change, or null if it is no longer live.</param>
    /// <param name="subtreeOf">Whether a channel's subtree contains another channel.</param>
    /// <param name="keepsSummaries">Whether a channel's own list carries summaries
    /// (<see cref="ListingReader.KeepsSummaries"/>).</param>
    /// <param name="alsoListedIn">The other channels the article is listed in after the change (同时列于).</param>
    /// <returns>The derived snapshot, and the channels whose subtree list must be read from the database.</returns>
    public static (ListingSnapshot After, IReadOnlyList<int> Unknown) Derive(
        ListingSnapshot before, int articleId, ArticleListing? changed, Func<int, int, bool> subtreeOf,
        Func<int, bool> keepsSummaries, IReadOnlySet<int> alsoListedIn)
    {
        bool ListedIn(int channelId) => changed!.ChannelId == channelId || alsoListedIn.Contains(channelId);
        var own = new Dictionary<int, IReadOnlyList<ArticleListing>>();
        foreach (var (channelId, list) in before.OwnLists)
        {
            var next = list.Where(a => a.Id != articleId).ToList();
            // Own lists carry summaries only where the list shows them (see ListingReader.OwnListAsync).
            if (changed is not null && ListedIn(channelId))
                Insert(next, keepsSummaries(channelId) ? changed : changed with { Summary = "" });
            own[channelId] = next;
        }

        var newest = new Dictionary<int, IReadOnlyList<ArticleListing>>();
        var unknown = new List<int>();
        foreach (var (channelId, list) in before.SubtreeNewest)
        {
            var wasFull = list.Count >= SiteLayoutRules.FeedSize;
            var next = list.Where(a => a.Id != articleId).ToList();
            if (changed is not null && (subtreeOf(channelId, changed.ChannelId)
                    || alsoListedIn.Any(listed => subtreeOf(channelId, listed))))
                Insert(next, changed);
            if (next.Count > SiteLayoutRules.FeedSize)
                next.RemoveRange(SiteLayoutRules.FeedSize, next.Count - SiteLayoutRules.FeedSize);
            // A cut list that lost the article lacks its next entry; one whose last entry is the changed article
            // cannot tell whether an article below the old cut now ranks higher. Both are read again.
            if (wasFull && (next.Count < SiteLayoutRules.FeedSize || next[^1].Id == changed?.Id))
                unknown.Add(channelId);
            newest[channelId] = next;
        }
        return (new ListingSnapshot(changed is not null, own, newest), unknown);
    }

    private static void Insert(List<ArticleListing> list, ArticleListing item)
    {
        var index = list.BinarySearch(item, Comparer<ArticleListing>.Create(ArticleListing.ListOrder));
        list.Insert(index < 0 ? ~index : index, item);
    }
}
