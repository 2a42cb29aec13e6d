using System.Runtime.InteropServices;
using GovPortal.Content;
using GovPortal.Data;

namespace GovPortal.Publishing;

/// <summary>
/// Which articles' summaries a full rebuild shows: those among the first <see cref="SiteLayoutRules.FeedSize"/> of
/// some channel's list (a feed is made of the first of each list in its subtree, see
/// <see cref="InMemoryListingSource.SubtreeNewestAsync"/>), and every article in the list of a channel that shows
/// summaries. The lists are grouped as <see cref="InMemoryListingSource"/> groups them: an article is in its own
/// channel's list and in those it is listed in too.
/// </summary>
public static class FullRebuildSummaries
{
    /// <param name="listings">Every live article, in list order.</param>
    /// <returns>The index in <paramref name="listings"/> of each article whose summary is shown, by its id.</returns>
    public static Dictionary<int, int> Shown(IReadOnlyList<ArticleListing> listings, ChannelTree tree,
        IReadOnlyCollection<AlsoListedIn> alsoListed)
    {
        var extra = alsoListed.ToLookup(l => l.ArticleId, l => l.ChannelId);
        var listedSoFar = new Dictionary<int, int>();
        var shown = new Dictionary<int, int>();
        for (var i = 0; i < listings.Count; i++)
        {
            var article = listings[i];
            foreach (var channel in extra[article.Id].Prepend(article.ChannelId).Distinct())
            {
                ref var place = ref CollectionsMarshal.GetValueRefOrAddDefault(listedSoFar, channel, out _);
                if (place++ < SiteLayoutRules.FeedSize || ListingReader.KeepsSummaries(tree, channel))
                    shown[article.Id] = i;
            }
        }
        return shown;
    }
}
