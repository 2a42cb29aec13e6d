using GovPortal.Content;
using GovPortal.Theme;

namespace GovPortal.Search;

/// <summary>
/// What the search page needs besides the index: the site's frame (name, navigation, theme files) and its channels.
/// Stored in the index's own commit, so a public node answers searches from the output alone, without a database,
/// and always with the channels of the articles it finds.
/// </summary>
public sealed record SearchSiteInfo(SiteChrome Chrome, IReadOnlyList<SearchChannel> Channels)
{
    public static SearchSiteInfo From(SiteChrome chrome, ChannelTree tree)
    {
        var channels = new List<SearchChannel>();
        void Add(IEnumerable<Channel> level, int depth)
        {
            // An 外链 holds nothing to find, so the search page does not offer it.
            foreach (var channel in level.Where(c => c.HoldsArticles()))
            {
                channels.Add(new SearchChannel(channel.Id, channel.Name, depth));
                Add(tree.ChildrenOf(channel.Id), depth + 1);
            }
        }
        Add(tree.Roots, 0);
        return new SearchSiteInfo(chrome, channels);
    }

    public string ChannelName(int id) => Channels.FirstOrDefault(c => c.Id == id)?.Name ?? "";
}

/// <param name="Depth">0 for a top-level channel; the channel filter indents by it.</param>
public sealed record SearchChannel(int Id, string Name, int Depth);
