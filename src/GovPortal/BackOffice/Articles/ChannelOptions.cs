using GovPortal.Content;

namespace GovPortal.BackOffice.Articles;

public static class ChannelOptions
{
    /// <summary>The channel tree in reading order, indented by depth, limited to <paramref name="allowed"/>.</summary>
    public static List<ChannelOption> From(ChannelTree tree, Func<int, bool> allowed)
    {
        var options = new List<ChannelOption>();
        void Walk(IEnumerable<Channel> channels, int depth)
        {
            foreach (var channel in channels)
            {
                if (allowed(channel.Id)) options.Add(new ChannelOption(channel.Id, new string('　', depth) + channel.Name));
                Walk(tree.ChildrenOf(channel.Id), depth + 1);
            }
        }
        Walk(tree.Roots, 0);
        return options;
    }
}
