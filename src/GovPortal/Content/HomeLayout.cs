using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovPortal.Content;

/// <summary>What a block of the home page shows.</summary>
public enum HomeBlockKind
{
    /// <summary>焦点图: the slideshow of featured articles.</summary>
    Focus,

    /// <summary>A channel's newest articles (its whole subtree), with 更多.</summary>
    Channel,

    /// <summary>A 专题's banner, name and introduction, linking to the 专题.</summary>
    Topic,

    /// <summary>A titled list of links the site's staff write (便民服务, 互动交流 …).</summary>
    Links,
}

/// <summary>One block of the home page. <see cref="ChannelId"/> is for channel and 专题 blocks, <see cref="Title"/>
/// and <see cref="LinkLines"/> ("名称｜网址" per line) for a links block.</summary>
public sealed record HomeBlock(HomeBlockKind Kind, int ChannelId = 0, string Title = "", string LinkLines = "");

/// <summary>One link of a links block.</summary>
public sealed record HomeLink(string Text, string Url);

/// <summary>
/// The home page's blocks in order, as the site's staff chose them on 首页布局. A site that never saved one has the
/// <see cref="Default"/>: the 焦点图, then every channel marked for the home page in reading order. Kept on the site
/// as a small JSON document: the published one and, while staff are changing it, a draft that is previewed first.
/// </summary>
public static class HomeLayout
{
    public const int MaxBlocks = 30;
    public const int MaxLinks = 20;
    public const int MaxTitleLength = 20;
    private const int MaxLinkTextLength = 30;

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>The saved blocks, or null for a site that never saved a layout ("").</summary>
    public static IReadOnlyList<HomeBlock>? Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<List<HomeBlock>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            // Only the back office writes it; a damaged value shows the default rather than an empty home page.
            return null;
        }
    }

    public static string Serialize(IReadOnlyList<HomeBlock> blocks) => JsonSerializer.Serialize(blocks, Json);

    /// <summary>The home page of a site that never chose its blocks: the 焦点图, then the marked channels.</summary>
    public static IReadOnlyList<HomeBlock> Default(ChannelTree tree) =>
    [
        new HomeBlock(HomeBlockKind.Focus),
        .. tree.InReadingOrder().Where(c => c.Channel.ShowOnHome && c.Channel.HoldsArticles())
            .Select(c => new HomeBlock(HomeBlockKind.Channel, c.Channel.Id)),
    ];

    /// <summary>The blocks the home page shows: the saved layout, or the default.</summary>
    public static IReadOnlyList<HomeBlock> Effective(Site site, ChannelTree tree) =>
        Parse(site.HomeLayout) ?? Default(tree);

    /// <summary>The channels whose newest articles the layout shows (each channel block's channel).</summary>
    public static IReadOnlySet<int> ChannelsShown(IEnumerable<HomeBlock> blocks) =>
        blocks.Where(b => b.Kind == HomeBlockKind.Channel).Select(b => b.ChannelId).ToHashSet();

    public static string Label(HomeBlockKind kind) => kind switch
    {
        HomeBlockKind.Focus => "焦点图",
        HomeBlockKind.Channel => "栏目",
        HomeBlockKind.Topic => "专题横幅",
        HomeBlockKind.Links => "链接",
        _ => kind.ToString(),
    };

    /// <summary>The links of a block's saved lines; a line that does not parse is left out (never saved).</summary>
    public static IReadOnlyList<HomeLink> Links(string lines) =>
        lines.Split('\n').Select(line => ReadLinks(line).Links).Where(l => l.Count == 1).Select(l => l[0]).ToList();

    /// <returns>What is wrong with a links block's lines in Chinese, naming the line, or null.</returns>
    public static string? LinksProblem(string lines) => ReadLinks(lines).Problem;

    /// <summary>The lines as stored: "名称｜网址" per line, blank lines gone.</summary>
    public static string NormalLinks(string lines) =>
        string.Join('\n', ReadLinks(lines).Links.Select(l => l.Text + "｜" + l.Url));

    private static (List<HomeLink> Links, string? Problem) ReadLinks(string text)
    {
        var links = new List<HomeLink>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var parts = line.Split(['｜', '|'], 2).Select(p => p.Trim()).ToArray();
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                return (links, $"链接第 {number} 行应为“名称｜网址”，例如 江苏政务服务网｜https://www.jszwfw.gov.cn/ 。");
            if (parts[0].Length > MaxLinkTextLength)
                return (links, $"链接第 {number} 行的名称超过了 {MaxLinkTextLength} 个字。");
            if (parts[1].Length > ExternalLinks.MaxLength)
                return (links, $"链接第 {number} 行的网址超过了 {ExternalLinks.MaxLength} 个字符。");
            if (!IsSitePath(parts[1]) && ExternalLinks.Problem(parts[1]) is not null)
                return (links, $"链接第 {number} 行的网址须是以 http:// 或 https:// 开头的完整网址，或本站以 / 开头的地址。");
            links.Add(new HomeLink(parts[0], parts[1]));
        }
        return links.Count == 0 ? (links, "请至少填写一个链接，每行一个：名称｜网址。")
            : links.Count > MaxLinks ? (links, $"一个链接区块最多 {MaxLinks} 个链接。")
            : (links, null);
    }

    // An address on this site ("/hdjl/"): one slash, no scheme, nothing a browser would read as another host.
    private static bool IsSitePath(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\')
        && url.Length <= ExternalLinks.MaxLength && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
