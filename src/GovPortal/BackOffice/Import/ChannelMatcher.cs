using GovPortal.Content;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// Finds an old page's channel from its breadcrumb by the names of the site's channels: the channel named like the
/// breadcrumb's last step (the page's own channel); among several of that name, the one whose names from the root
/// all appear along the breadcrumb in order (首页 > 新闻中心 > 相城要闻 → 新闻中心/相城要闻), the deepest. A page is
/// never guessed into a parent channel, nor into one of two that fit equally well.
/// </summary>
public sealed class ChannelMatcher(ChannelTree tree)
{
    private readonly List<(Channel Channel, string[] Names)> _channels = tree.All
        .Where(c => c.HoldsArticles())
        .Select(c => (c, tree.AncestorsAndSelf(c.Id).Select(a => PageFields.Compact(a.Name)).ToArray()))
        .ToList();

    /// <returns>The channel, or why none (in Chinese, for the report).</returns>
    public (Channel? Channel, string? Problem) Match(IReadOnlyList<string> crumbs)
    {
        if (crumbs.Count == 0) return (null, "页面没有“当前位置”导航，无法确定栏目");
        var named = _channels.Where(c => c.Names[^1] == crumbs[^1]).ToList();
        if (named.Count == 0) return (null, $"网站没有与“{string.Join(" > ", crumbs)}”对应的栏目");
        if (named.Count == 1) return (named[0].Channel, null);
        var along = named.Where(c => IsSubsequence(c.Names, crumbs)).ToList();
        var deepest = along.Count == 0 ? [] : along.Where(c => c.Names.Length == along.Max(a => a.Names.Length))
            .ToList();
        return deepest.Count == 1
            ? (deepest[0].Channel, null)
            : (null, $"“{string.Join(" > ", crumbs)}”对应多个栏目（" +
                     $"{string.Join("、", named.Select(c => tree.PathOf(c.Channel.Id)))}）");
    }

    /// <summary>Whether the names appear along the breadcrumb in order (other steps may lie between).</summary>
    private static bool IsSubsequence(string[] names, IReadOnlyList<string> crumbs)
    {
        var at = 0;
        foreach (var name in names)
        {
            while (at < crumbs.Count && crumbs[at] != name) at++;
            if (at++ == crumbs.Count) return false;
        }
        return true;
    }
}
