using GovPortal.Content;

namespace GovPortal.BackOffice.Articles;

public static class ChannelOptions
{
    /// <summary>The channel tree in reading order, indented by depth, limited to <paramref name="allowed"/>.</summary>
    public static List<ChannelOption> From(ChannelTree tree, Func<int, bool> allowed) =>
        tree.InReadingOrder().Where(c => allowed(c.Channel.Id))
            .Select(c => new ChannelOption(c.Channel.Id, new string('　', c.Depth) + c.Channel.Name)).ToList();
}
