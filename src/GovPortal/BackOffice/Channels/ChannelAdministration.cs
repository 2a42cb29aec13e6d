using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Articles;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Files;
using GovPortal.Content;
using GovPortal.Content.Uploads;
using GovPortal.Data;
using GovPortal.Publishing;
using GovPortal.Publishing.Disclosure;
using GovPortal.Publishing.Output;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Channels;

/// <summary>
/// 栏目管理: create, rename, move, reorder, set review levels; delete only when empty. A channel's address segment is
/// fixed when it is created, and article addresses never depend on the tree, so published URLs stay stable. Every
/// action checks that the person is an administrator, whatever the page offered, is audited with what changed, and
/// republishes the site, since navigation and lists show the tree.
/// </summary>
public sealed class ChannelAdministration(DatabaseOptions database, ISitePublishers publishers, AuditLog audit,
    BackOfficeOptions options, UploadStore uploads)
{
    public const int MaxSlugLength = 64;
    public const int MaxNameLength = 100;

    private const string NotAllowedMessage = "只有系统管理员可以管理栏目。";
    private const string MissingMessage = "找不到这个栏目，它可能已被删除。";

    /// <summary>Every channel in reading order with its address and how many articles it holds, for the page.</summary>
    public async Task<ChannelOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var tree = new ChannelTree(await db.Channels.AsNoTracking().ToListAsync(cancellationToken));
        var counts = await db.Articles.GroupBy(a => a.ChannelId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var options = ChannelOptions.From(tree, _ => true);
        var rows = options.Select(o => new ChannelRow(
            Channel: tree[o.Id],
            Label: o.Label,
            Url: tree[o.Id].Type == ChannelType.Link ? tree[o.Id].LinkUrl : "/" + tree.PathOf(o.Id) + "/",
            ArticleCount: counts.GetValueOrDefault(o.Id)));
        return new ChannelOverview(Rows: rows.ToList(), Parents: options);
    }

    // The address segment of a top-level parent, which decides the names reserved beneath it.
    private static string? TopLevelSlug(List<Channel> channels, int? parentId) =>
        channels.FirstOrDefault(c => c.Id == parentId && c.ParentId is null)?.Slug;

    public async Task<BackOfficeResult> CreateAsync(Staff actor, NewChannelForm form,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var name = form.Name.Trim();
        var slug = form.Slug.Trim().ToLowerInvariant();
        var parentId = form.ParentId;
        var type = ChannelTypeRules.Parse(form.Type, ChannelType.List);
        var linkUrl = form.LinkUrl.Trim();
        await using var db = database.CreateContext();
        var channels = await db.Channels.ToListAsync(cancellationToken);
        var problem = NameProblem(name)
            ?? SlugProblem(slug)
            ?? (type is null ? "栏目类型无效，请从列表中选择。" : null)
            ?? (type == ChannelType.Link ? ChannelTypeRules.LinkProblem(linkUrl) : null)
            ?? (type == ChannelType.Link && parentId is null && slug == Catalogue.SectionPath
                ? "政府信息公开的栏目不能是外链栏目。" : null)
            ?? ChannelTypeRules.ParentProblem(channels, parentId)
            ?? (parentId is { } pid && channels.All(c => c.Id != pid) ? "所选的上级栏目不存在。" : null)
            ?? (parentId is null && !PublicAddressSpace.IsFreeForTopLevelChannel(slug, options.Path)
                ? $"地址名“{slug}”是网站保留的地址，请换一个。" : null)
            ?? (!PublicAddressSpace.IsFreeUnderTopLevel(TopLevelSlug(channels, parentId), slug)
                ? $"地址名“{slug}”是政府信息公开专栏保留的地址，请换一个。" : null)
            ?? (channels.Any(c => c.ParentId == parentId && c.Slug == slug) ? $"同一上级栏目下已有地址名为“{slug}”的栏目。" : null);
        if (problem is not null) return BackOfficeResult.Refused(problem);

        // While one site is configured, a new top-level channel belongs to it; a sub-channel to its parent's site.
        var siteId = parentId is { } parent ? channels.First(c => c.Id == parent).SiteId
            : await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);
        // A new channel comes last among its siblings.
        var lastOrder = channels.Where(c => c.ParentId == parentId).Select(c => c.SortOrder).DefaultIfEmpty(0).Max();
        var channel = new Channel
        {
            SiteId = siteId, Name = name, Slug = slug, ParentId = parentId, SortOrder = lastOrder + 1,
            Type = type!.Value, LinkUrl = type == ChannelType.Link ? linkUrl : "",
        };
        db.Channels.Add(channel);
        using var change = publishers.Current().BeginChange();
        await db.SaveChangesAsync(cancellationToken);
        change.Saved();
        var kind = channel.Type == ChannelType.List ? "" : ChannelTypes.Label(channel.Type);
        await AuditAsync(actor, channel.Id, $"新建{kind}栏目“{name}”（地址名 {slug}）"
            + (channel.LinkUrl.Length > 0 ? $"，链接到 {channel.LinkUrl}" : ""), cancellationToken);
        await publishers.Current().PublishAllAsync(cancellationToken);
        change.Published();
        return BackOfficeResult.Done($"已新建栏目“{name}”，网站已更新。");
    }

    public async Task<BackOfficeResult> UpdateAsync(Staff actor, int id, ChannelSettingsForm form,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        await using var db = database.CreateContext();
        var channels = await db.Channels.ToListAsync(cancellationToken);
        var channel = channels.FirstOrDefault(c => c.Id == id);
        if (channel is null) return BackOfficeResult.Missing(MissingMessage);
        var tree = new ChannelTree(channels);
        var name = form.Name.Trim();
        var parentId = form.ParentId;
        var levels = form.ReviewLevels;
        var frequencyText = form.UpdateFrequencyDays.Trim();
        int? frequency = frequencyText.Length == 0 ? null : int.TryParse(frequencyText, out var days) ? days : -1;
        var sortOrder = int.TryParse(form.SortOrder.Trim(), out var order) ? order : int.MinValue;
        var roleText = form.DisclosureRole.Trim();
        ChannelDisclosureRole? role = roleText.Length == 0 ? ChannelDisclosureRole.None
            : Enum.TryParse<ChannelDisclosureRole>(roleText, out var parsed) && Enum.IsDefined(parsed)
                && !int.TryParse(roleText, out _) ? parsed : null;
        var problem = NameProblem(name)
            ?? (parentId is { } pid && channels.All(c => c.Id != pid) ? "所选的上级栏目不存在。" : null)
            ?? (parentId is { } target && tree.SubtreeOf(id).Contains(target) ? "不能把栏目移到它自己或它的下级栏目之下。" : null)
            ?? (parentId is null && channel.ParentId is not null
                && !PublicAddressSpace.IsFreeForTopLevelChannel(channel.Slug, options.Path)
                ? $"地址名“{channel.Slug}”是网站保留的地址，不能作为一级栏目。" : null)
            ?? (!PublicAddressSpace.IsFreeUnderTopLevel(TopLevelSlug(channels, parentId), channel.Slug)
                ? $"地址名“{channel.Slug}”是政府信息公开专栏保留的地址，不能移到该栏目之下。" : null)
            ?? (channels.Any(c => c.Id != id && c.ParentId == parentId && c.Slug == channel.Slug)
                ? $"目标上级栏目下已有地址名为“{channel.Slug}”的栏目。" : null)
            ?? (levels is < 1 or > 3 ? "审核级数应为 1、2 或 3。" : null)
            ?? (frequency is < 1 or > 3650 ? "更新频率应为 1 到 3650 天，或留空表示不要求。" : null)
            ?? (sortOrder is < -10000 or > 10000 ? "排序应为 -10000 到 10000 之间的整数。" : null)
            ?? (role is null ? "信息公开栏目类型无效，请从列表中选择。" : null);
        if (problem is not null) return BackOfficeResult.Refused(problem);
        var type = ChannelTypeRules.Parse(form.Type, channel.Type);
        var style = ChannelTypeRules.Parse(form.ListStyle, channel.ListStyle);
        var linkUrl = type == ChannelType.Link ? form.LinkUrl.Trim() : "";
        var (introduction, introductionProblem) = ChannelTypeRules.Introduction(form.Introduction);
        var bannerAlt = form.BannerAlt.Trim();
        var articleCount = type == ChannelType.Link && channel.Type != ChannelType.Link
            ? await db.Articles.IgnoreQueryFilters(GovPortalDbContext.TrashOnly).CountAsync(a => a.ChannelId == id
                || db.Revisions.Any(r => r.ArticleId == a.Id && r.ChannelId == id)
                || db.AlsoListedIn.Any(l => l.ArticleId == a.Id && l.ChannelId == id), cancellationToken)
            : 0;
        problem = (type is null ? "栏目类型无效，请从列表中选择。" : null)
            ?? (style is null ? "列表样式无效，请从列表中选择。" : null)
            ?? ChannelTypeRules.TypeProblem(type!.Value, linkUrl, channel, tree, articleCount, channel.ShowOnHome,
                role!.Value)
            ?? ChannelTypeRules.ParentProblem(channels, parentId)
            ?? introductionProblem
            ?? (form.TakesSubmissions && type == ChannelType.Link ? "外链栏目不存放文章，不能接受报送。" : null);
        if (problem is not null) return BackOfficeResult.Refused(problem);
        var (banner, bannerProblem) = ChannelTypeRules.Banner(type!.Value, form, channel.BannerImage.Length > 0,
            bannerAlt);
        if (bannerProblem is not null) return BackOfficeResult.Refused(bannerProblem);

        var changes = new List<string>();
        if (channel.Name != name) changes.Add($"名称“{channel.Name}”→“{name}”");
        if (channel.ParentId != parentId)
            changes.Add($"上级栏目 {Describe(tree, channel.ParentId)} → {Describe(tree, parentId)}");
        if (channel.SortOrder != sortOrder) changes.Add($"排序 {channel.SortOrder} → {sortOrder}");
        if (channel.ReviewLevels != levels) changes.Add($"审核级数 {channel.ReviewLevels} → {levels}");
        if (channel.UpdateFrequencyDays != frequency)
            changes.Add($"更新频率 {DescribeFrequency(channel.UpdateFrequencyDays)} → {DescribeFrequency(frequency)} 天");
        if (channel.DisclosureRole != role)
            changes.Add($"信息公开栏目类型 {ChannelDisclosureRoles.Label(channel.DisclosureRole)} → "
                + ChannelDisclosureRoles.Label(role!.Value));
        if (channel.Type != type)
            changes.Add($"类型 {ChannelTypes.Label(channel.Type)} → {ChannelTypes.Label(type.Value)}");
        if (channel.ListStyle != style)
            changes.Add($"列表样式 {ChannelTypes.Label(channel.ListStyle)} → {ChannelTypes.Label(style!.Value)}");
        if (channel.LinkUrl != linkUrl) changes.Add($"链接地址“{channel.LinkUrl}”→“{linkUrl}”");
        if (channel.Introduction != introduction) changes.Add("专题简介已修改");
        if (channel.TakesSubmissions != form.TakesSubmissions)
            changes.Add(form.TakesSubmissions ? "开始接受报送" : "不再接受报送");
        if (channel.BannerAlt != bannerAlt) changes.Add($"横幅替代文字“{channel.BannerAlt}”→“{bannerAlt}”");
        if (banner is not null) changes.Add($"上传横幅图片“{banner.DisplayName}”（{banner.Width}×{banner.Height}）");
        else if (form.RemoveBanner && channel.BannerImage.Length > 0) changes.Add("删除横幅图片");
        if (changes.Count == 0) return BackOfficeResult.Done("没有需要保存的修改。");

        (channel.Name, channel.ParentId, channel.SortOrder) = (name, parentId, sortOrder);
        (channel.ReviewLevels, channel.UpdateFrequencyDays) = (levels, frequency);
        channel.DisclosureRole = role!.Value;
        (channel.Type, channel.ListStyle, channel.LinkUrl) = (type.Value, style!.Value, linkUrl);
        (channel.Introduction, channel.BannerAlt) = (introduction, bannerAlt);
        channel.TakesSubmissions = form.TakesSubmissions;
        var oldBanner = channel.BannerImage;
        if (banner is not null) SaveBanner(channel, banner);
        else if (form.RemoveBanner) (channel.BannerImage, channel.BannerWidth, channel.BannerHeight) = ("", 0, 0);
        using var change = publishers.Current().BeginChange();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch when (banner is not null)
        {
            uploads.Delete(Path.GetFileNameWithoutExtension(channel.BannerImage)); // no row names it
            throw;
        }
        change.Saved();
        // The published copy lives in the output; the kept original goes once no row names it.
        if (oldBanner.Length > 0 && oldBanner != channel.BannerImage)
            uploads.Delete(Path.GetFileNameWithoutExtension(oldBanner));
        await AuditAsync(actor, id, $"修改栏目“{name}”：{string.Join("；", changes)}", cancellationToken);
        await publishers.Current().PublishAllAsync(cancellationToken);
        change.Published();
        return BackOfficeResult.Done($"已保存栏目“{name}”，网站已更新。");
    }

    /// <summary>Deletes a channel that holds nothing: no sub-channels, no articles, no revisions of any.</summary>
    public async Task<BackOfficeResult> DeleteAsync(Staff actor, int id, CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        await using var db = database.CreateContext();
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null) return BackOfficeResult.Missing(MissingMessage);
        var children = await db.Channels.CountAsync(c => c.ParentId == id, cancellationToken);
        var articles = await db.Articles.CountAsync(a => a.ChannelId == id, cancellationToken);
        var trashed = await db.Articles.IgnoreQueryFilters(GovPortalDbContext.TrashOnly)
            .CountAsync(a => a.ChannelId == id && a.DeletedAtUtc != null, cancellationToken);
        var revisions = await db.Revisions.CountAsync(r => r.ChannelId == id, cancellationToken);
        var submissions = await db.Submissions.CountAsync(s => s.ToChannelId == id, cancellationToken);
        if (children > 0)
            return BackOfficeResult.Refused($"栏目“{channel.Name}”下还有 {children} 个子栏目，不能删除。请先移走或删除子栏目。");
        // Deleting would lose published addresses and the history of every revision written there.
        if (articles == 0 && trashed > 0)
            return BackOfficeResult.Refused($"栏目“{channel.Name}”的回收站里还有 {trashed} 篇文章，在回收站保留期" +
                $"（{TrashRules.KeptDays} 天）内不能删除栏目，以免无法恢复。");
        if (articles > 0 || revisions > 0)
            return BackOfficeResult.Refused($"栏目“{channel.Name}”中还有 {Math.Max(articles, 1)} 篇文章（含草稿、已撤稿和历史版本），" +
                "不能删除，以免已发布文章的地址和记录丢失。请先把文章移到其他栏目。");

        // The 采用数 of other sites count what they sent here.
        if (submissions > 0)
            return BackOfficeResult.Refused($"栏目“{channel.Name}”收到过 {submissions} 篇其他网站的报送，" +
                "删除会丢失报送记录和采用统计，不能删除。不再接收报送时，取消这个栏目的“接受报送”即可。");

        db.Channels.Remove(channel);
        using var change = publishers.Current().BeginChange();
        await db.SaveChangesAsync(cancellationToken);
        change.Saved();
        if (channel.BannerImage.Length > 0) uploads.Delete(Path.GetFileNameWithoutExtension(channel.BannerImage));
        await AuditAsync(actor, id, $"删除空栏目“{channel.Name}”（地址名 {channel.Slug}）", cancellationToken);
        await publishers.Current().PublishAllAsync(cancellationToken);
        change.Published();
        return BackOfficeResult.Done($"已删除栏目“{channel.Name}”，网站已更新。");
    }

    /// <summary>Stores the picture and its smaller copies (for <c>srcset</c>), and names it on the channel.</summary>
    private void SaveBanner(Channel channel, AcceptedUpload banner)
    {
        var stored = uploads.Save(banner.Content);
        foreach (var (width, bytes) in ImageReencoder.SmallerCopies(banner.Content, banner.Extension))
            uploads.SaveSmaller(stored, width, bytes);
        channel.BannerImage = ArticlePictures.NameOf(stored, banner.Extension);
        (channel.BannerWidth, channel.BannerHeight) = (banner.Width, banner.Height);
    }

    private Task AuditAsync(Staff actor, int channelId, string details, CancellationToken cancellationToken) =>
        audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.ChannelChanged, $"栏目 {channelId}", details,
            cancellationToken);

    private static string? NameProblem(string name) =>
        name.Length == 0 ? "请填写栏目名称。"
        : name.Length > MaxNameLength ? $"栏目名称不能超过 {MaxNameLength} 个字。"
        : name.Any(char.IsControl) ? "栏目名称中有不可见的控制字符。"
        : null;

    private static string? SlugProblem(string slug) =>
        slug.Length is < 1 or > MaxSlugLength
        || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? "地址名只能由小写字母、数字和 - 组成，例如 bmdt。"
            : null;

    private static string Describe(ChannelTree tree, int? id) =>
        id is { } value && tree.Contains(value) ? $"“{tree[value].Name}”" : "（无，一级栏目）";

    private static string DescribeFrequency(int? days) => days?.ToString() ?? "不要求";
}

/// <summary>The channel tree as the channel page shows it.</summary>
public sealed record ChannelOverview(IReadOnlyList<ChannelRow> Rows, IReadOnlyList<ChannelOption> Parents);
