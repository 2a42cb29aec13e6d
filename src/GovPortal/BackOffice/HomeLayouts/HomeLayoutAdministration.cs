using System.Security.Cryptography;
using System.Text;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.HomeLayouts;

/// <summary>A block as the 首页布局 page lists it: what it is, in words.</summary>
public sealed record HomeBlockRow(HomeBlock Block, string KindLabel, string Description, bool Missing);

/// <summary>A channel a block may show, by its place in the tree.</summary>
public sealed record HomeChannelOption(int Id, string Label);

/// <summary>
/// The 首页布局 page's state. <see cref="Stamp"/> names the version of the layout the page shows: a change sent from
/// an older page (another administrator changed it meanwhile) is refused instead of moving the wrong block.
/// </summary>
public sealed record HomeLayoutView(IReadOnlyList<HomeBlockRow> Blocks, bool HasDraft, bool IsDefault, string Stamp,
    IReadOnlyList<HomeChannelOption> Channels, IReadOnlyList<HomeChannelOption> Topics);

/// <summary>A block as typed on the page's 添加区块 form.</summary>
public sealed record HomeBlockForm(string Kind, int ChannelId, int TopicId, string Title, string Links);

/// <summary>
/// 首页布局: the 系统管理员 chooses the home page's blocks (焦点图, channel blocks, 专题 banners, lists of links) and
/// their order. Every change goes to a draft, which staff preview as the published page would look; 发布 makes it the
/// home page (audited, the home page republished at once) and marks the channels it shows, so that the publish plan
/// renders the home page again when one of their newest articles changes.
/// </summary>
public sealed class HomeLayoutAdministration(DatabaseOptions database, ISitePublishers publishers, AuditLog audit)
{
    private string SiteCode => publishers.Current().SiteCode;

    private const string NotAllowedMessage = "只有系统管理员可以修改首页布局。";
    private const string StaleMessage = "首页布局刚刚被其他管理员修改过，您的操作未执行。请核对下面最新的布局后再操作。";

    public async Task<HomeLayoutView> ViewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var (site, tree) = await Publisher.LoadSiteAsync(db, SiteCode, cancellationToken);
        return View(site, tree);
    }

    /// <summary>The blocks a preview shows: the draft, or the published layout when there is none.</summary>
    public async Task<IReadOnlyList<HomeBlock>> PreviewedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var (site, tree) = await Publisher.LoadSiteAsync(db, SiteCode, cancellationToken);
        return Working(site, tree);
    }

    public Task<BackOfficeResult> AddAsync(Staff actor, string stamp, HomeBlockForm form,
        CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(actor, stamp, cancellationToken, (blocks, tree) =>
        {
            var (block, problem) = Read(form, blocks, tree);
            if (problem is not null) return (null, problem);
            if (blocks.Count >= HomeLayout.MaxBlocks) return (null, $"首页最多 {HomeLayout.MaxBlocks} 个区块。");
            return ([.. blocks, block!], $"已在草稿末尾添加区块“{Describe(block!, tree)}”。预览无误后请发布。");
        });

    public Task<BackOfficeResult> MoveAsync(Staff actor, string stamp, int index, bool up,
        CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(actor, stamp, cancellationToken, (blocks, tree) =>
        {
            var other = up ? index - 1 : index + 1;
            if (index < 0 || index >= blocks.Count || other < 0 || other >= blocks.Count)
                return (null, up ? "第一个区块不能再上移。" : "最后一个区块不能再下移。");
            var moved = blocks.ToList();
            (moved[index], moved[other]) = (moved[other], moved[index]);
            return (moved, $"已{(up ? "上移" : "下移")}区块“{Describe(blocks[index], tree)}”。");
        });

    public Task<BackOfficeResult> RemoveAsync(Staff actor, string stamp, int index,
        CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(actor, stamp, cancellationToken, (blocks, tree) =>
            index < 0 || index >= blocks.Count
                ? (null, "没有这个区块。")
                : ([.. blocks.Where((_, i) => i != index)], $"已从草稿中删除区块“{Describe(blocks[index], tree)}”。"));

    /// <summary>Makes the draft the home page, marks the channels it shows and republishes the home page.</summary>
    public async Task<BackOfficeResult> PublishAsync(Staff actor, string stamp,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        await using var db = database.CreateContext();
        var site = await db.Sites.SingleAsync(s => s.Code == SiteCode, cancellationToken);
        var channels = await db.Channels.Where(c => c.SiteId == site.Id).ToListAsync(cancellationToken);
        var tree = new ChannelTree(channels);
        if (stamp != StampOf(site, tree)) return BackOfficeResult.Stale(StaleMessage);
        if (HomeLayout.Parse(site.HomeLayoutDraft) is not { } draft)
            return BackOfficeResult.Refused("首页布局没有未发布的修改。");
        var before = HomeLayout.Effective(site, tree);
        // Only blocks the page can show mark their channel: one that became an 外链 meanwhile is left out.
        var shown = HomeLayout.ChannelsShown(draft.Where(b => Fits(b, tree)));
        using var change = publishers.Current().BeginChange();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await SetLayoutAsync(db, site, HomeLayout.Serialize(draft), "", cancellationToken))
                return BackOfficeResult.Stale(StaleMessage);
            foreach (var channel in channels) channel.ShowOnHome = shown.Contains(channel.Id);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        change.Saved();
        await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SettingsChanged, "首页布局",
            $"发布首页布局：{string.Join("、", before.Select(b => Describe(b, tree)))} → "
                + string.Join("、", draft.Select(b => Describe(b, tree))), cancellationToken);
        await publishers.Current().PublishHomeAsync(cancellationToken);
        change.Published();
        return BackOfficeResult.Done("首页布局已发布，首页已更新。");
    }

    public async Task<BackOfficeResult> DiscardAsync(Staff actor, string stamp,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        await using var db = database.CreateContext();
        var site = await db.Sites.SingleAsync(s => s.Code == SiteCode, cancellationToken);
        var tree = new ChannelTree(await db.Channels.AsNoTracking().Where(c => c.SiteId == site.Id)
            .ToListAsync(cancellationToken));
        if (stamp != StampOf(site, tree)) return BackOfficeResult.Stale(StaleMessage);
        if (site.HomeLayoutDraft.Length == 0) return BackOfficeResult.Refused("首页布局没有未发布的修改。");
        if (!await SetLayoutAsync(db, site, site.HomeLayout, "", cancellationToken))
            return BackOfficeResult.Stale(StaleMessage);
        return BackOfficeResult.Done("已放弃未发布的修改，首页布局恢复为已发布的样子。");
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the draft (made from the published layout on the first change) and
    /// saves it, unless the page was made from an older version or the change is refused (its message then).
    /// </summary>
    private async Task<BackOfficeResult> ChangeDraftAsync(Staff actor, string stamp,
        CancellationToken cancellationToken,
        Func<IReadOnlyList<HomeBlock>, ChannelTree, (IReadOnlyList<HomeBlock>? Blocks, string Message)> change)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        await using var db = database.CreateContext();
        var site = await db.Sites.SingleAsync(s => s.Code == SiteCode, cancellationToken);
        var tree = new ChannelTree(await db.Channels.AsNoTracking().Where(c => c.SiteId == site.Id)
            .ToListAsync(cancellationToken));
        if (stamp != StampOf(site, tree)) return BackOfficeResult.Stale(StaleMessage);
        var (blocks, message) = change(Working(site, tree), tree);
        if (blocks is null) return BackOfficeResult.Refused(message);
        return await SetLayoutAsync(db, site, site.HomeLayout, HomeLayout.Serialize(blocks), cancellationToken)
            ? BackOfficeResult.Done(message)
            : BackOfficeResult.Stale(StaleMessage);
    }

    /// <summary>
    /// Writes the layout and the draft, only if both are still what <paramref name="site"/> read: when another
    /// administrator saved in between, nothing is written (false), and the page shows the newer layout. Only these
    /// two columns are compared, so other settings of the site saved meanwhile are neither lost nor refused.
    /// </summary>
    private static async Task<bool> SetLayoutAsync(GovPortalDbContext db, Site site, string layout, string draft,
        CancellationToken cancellationToken) =>
        await db.Sites.Where(s => s.Id == site.Id && s.HomeLayout == site.HomeLayout
                && s.HomeLayoutDraft == site.HomeLayoutDraft)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.HomeLayout, layout)
                .SetProperty(s => s.HomeLayoutDraft, draft), cancellationToken) == 1;

    private static IReadOnlyList<HomeBlock> Working(Site site, ChannelTree tree) =>
        HomeLayout.Parse(site.HomeLayoutDraft) ?? HomeLayout.Effective(site, tree);

    private static HomeLayoutView View(Site site, ChannelTree tree)
    {
        var rows = Working(site, tree).Select(b => new HomeBlockRow(b, HomeLayout.Label(b.Kind), Describe(b, tree),
            Missing: b.Kind is HomeBlockKind.Channel or HomeBlockKind.Topic && !Fits(b, tree))).ToList();
        var ordered = tree.InReadingOrder().ToList();
        string Label(Channel c, int depth) => new string('　', depth) + c.Name;
        return new HomeLayoutView(rows, HasDraft: site.HomeLayoutDraft.Length > 0,
            IsDefault: site.HomeLayout.Length == 0 && site.HomeLayoutDraft.Length == 0, Stamp: StampOf(site, tree),
            Channels: ordered.Where(c => c.Channel.HoldsArticles())
                .Select(c => new HomeChannelOption(c.Channel.Id, Label(c.Channel, c.Depth))).ToList(),
            Topics: ordered.Where(c => c.Channel.Type == ChannelType.Topic)
                .Select(c => new HomeChannelOption(c.Channel.Id, Label(c.Channel, c.Depth))).ToList());
    }

    /// <summary>The block typed on the form, or why it cannot be added.</summary>
    private static (HomeBlock? Block, string? Problem) Read(HomeBlockForm form, IReadOnlyList<HomeBlock> blocks,
        ChannelTree tree)
    {
        if (!Enum.TryParse<HomeBlockKind>(form.Kind, out var kind) || !Enum.IsDefined(kind)
            || int.TryParse(form.Kind, out _))
            return (null, "请选择区块类型。");
        switch (kind)
        {
            case HomeBlockKind.Focus:
                return blocks.Any(b => b.Kind == HomeBlockKind.Focus)
                    ? (null, "首页已有焦点图区块，一个首页只能有一个焦点图。") : (new HomeBlock(kind), null);
            case HomeBlockKind.Channel:
                if (!tree.Contains(form.ChannelId) || !tree[form.ChannelId].HoldsArticles())
                    return (null, "请选择要显示最新文章的栏目（外链栏目没有文章，不能选择）。");
                return blocks.Any(b => b.Kind == kind && b.ChannelId == form.ChannelId)
                    ? (null, $"首页已有栏目“{tree[form.ChannelId].Name}”的区块。")
                    : (new HomeBlock(kind, form.ChannelId), null);
            case HomeBlockKind.Topic:
                if (!tree.Contains(form.TopicId) || tree[form.TopicId].Type != ChannelType.Topic)
                    return (null, "请选择专题栏目（在栏目管理中把栏目类型设为“专题”后才能选择）。");
                return blocks.Any(b => b.Kind == kind && b.ChannelId == form.TopicId)
                    ? (null, $"首页已有专题“{tree[form.TopicId].Name}”的横幅。")
                    : (new HomeBlock(kind, form.TopicId), null);
            default:
                var title = form.Title.Trim();
                if (title.Length == 0) return (null, "请填写链接区块的标题，例如“便民服务”。");
                if (title.Length > HomeLayout.MaxTitleLength || title.Any(char.IsControl))
                    return (null, $"链接区块的标题不能超过 {HomeLayout.MaxTitleLength} 个字，也不能有控制字符。");
                return HomeLayout.LinksProblem(form.Links) is { } problem
                    ? (null, problem)
                    : (new HomeBlock(kind, Title: title, LinkLines: HomeLayout.NormalLinks(form.Links)), null);
        }
    }

    private static bool Fits(HomeBlock block, ChannelTree tree) => tree.Contains(block.ChannelId)
        && (block.Kind == HomeBlockKind.Topic
            ? tree[block.ChannelId].Type == ChannelType.Topic
            : tree[block.ChannelId].HoldsArticles());

    public static string Describe(HomeBlock block, ChannelTree tree) => block.Kind switch
    {
        HomeBlockKind.Focus => "焦点图",
        HomeBlockKind.Links => $"链接：{block.Title}",
        _ when !tree.Contains(block.ChannelId) => $"{HomeLayout.Label(block.Kind)}：（栏目已删除）",
        _ => $"{HomeLayout.Label(block.Kind)}：{tree[block.ChannelId].Name}",
    };

    // The version of the layout a page was made from: the blocks it lists (the default one's follow the channels) with
    // the published and draft layouts.
    private static string StampOf(Site site, ChannelTree tree) => Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes(HomeLayout.Serialize(Working(site, tree)) + "\n" + site.HomeLayout + "\n"
            + site.HomeLayoutDraft)))[..16];
}
