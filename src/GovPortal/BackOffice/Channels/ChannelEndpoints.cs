using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Articles;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Channels;

/// <summary>
/// 栏目管理: create, rename, move, reorder, set review levels; delete only when empty. A channel's address segment is
/// fixed when it is created, and article addresses never depend on the tree, so published URLs stay stable.
/// Every change republishes the site, since navigation and lists show the tree.
/// </summary>
public static class ChannelEndpoints
{
    private static readonly HashSet<string> ReservedTopLevel = new(StringComparer.OrdinalIgnoreCase)
        { "elder", "zh-hant", "search", "api", "files", "assets", "service", "theme", "404.html", "410.html" };

    public static void MapChannels(this RouteGroupBuilder group)
    {
        group.MapGet("/channels", async (HttpContext context, BackOfficePages pages, DatabaseOptions database) =>
        {
            await using var db = database.CreateContext();
            var channels = await db.Channels.AsNoTracking().ToListAsync(context.RequestAborted);
            var tree = new ChannelTree(channels);
            var counts = await db.Articles.GroupBy(a => a.ChannelId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, context.RequestAborted);
            var rows = ChannelOptions.From(tree, _ => true).Select(o => new ChannelRow(tree[o.Id], o.Label, "/" + tree.PathOf(o.Id) + "/", counts.GetValueOrDefault(o.Id))).ToList();
            return await pages.RenderAsync<ChannelsPage>(new ChannelsPageModel(pages.ShellFor(context, "栏目管理"), rows, ChannelOptions.From(tree, _ => true)));
        }).RequireAuthorization(StaffRoles.Administrator);

        group.MapPost("/channels/new", async (HttpContext context, IFormCollection form, BackOfficePages pages, DatabaseOptions database, Publisher publisher, AuditLog audit, BackOfficeOptions options) =>
        {
            var name = ArticleFormReader.Text(form, "name").Trim();
            var slug = ArticleFormReader.Text(form, "slug").Trim().ToLowerInvariant();
            var parentId = ArticleFormReader.Int(form, "parentId") is var p and > 0 ? p : (int?)null;
            await using var db = database.CreateContext();
            var channels = await db.Channels.ToListAsync(context.RequestAborted);
            var problem = NameProblem(name)
                ?? (slug.Length is < 1 or > 64 || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? "地址名只能由小写字母、数字和 - 组成，例如 bmdt。" : null)
                ?? (parentId is { } pid && channels.All(c => c.Id != pid) ? "所选的上级栏目不存在。" : null)
                ?? (parentId is null && (ReservedTopLevel.Contains(slug) || "/" + slug == options.Path) ? $"地址名“{slug}”是网站保留的地址，请换一个。" : null)
                ?? (channels.Any(c => c.ParentId == parentId && c.Slug == slug) ? $"同一上级栏目下已有地址名为“{slug}”的栏目。" : null);
            if (problem is not null) return await Refused(context, pages, problem);
            // While one site is configured, a new top-level channel belongs to it; a sub-channel to its parent's site.
            var siteId = parentId is { } parent ? channels.First(c => c.Id == parent).SiteId
                : await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(context.RequestAborted);
            var channel = new Channel { SiteId = siteId, Name = name, Slug = slug, ParentId = parentId, SortOrder = channels.Where(c => c.ParentId == parentId).Select(c => c.SortOrder).DefaultIfEmpty(0).Max() + 1 };
            db.Channels.Add(channel);
            await db.SaveChangesAsync(context.RequestAborted);
            await audit.WriteAsync(context, AuditActions.ChannelChanged, $"栏目 {channel.Id}", $"新建栏目“{name}”（地址名 {slug}）");
            await publisher.PublishAllAsync(context.RequestAborted);
            return pages.RedirectWithNotice(context, "channels", $"已新建栏目“{name}”，网站已更新。");
        }).RequireAuthorization(StaffRoles.Administrator);

        group.MapPost("/channels/{id:int}", async (int id, HttpContext context, IFormCollection form, BackOfficePages pages, DatabaseOptions database, Publisher publisher, AuditLog audit) =>
        {
            await using var db = database.CreateContext();
            var channels = await db.Channels.ToListAsync(context.RequestAborted);
            var channel = channels.FirstOrDefault(c => c.Id == id);
            if (channel is null) return await pages.MessageAsync(context, "找不到栏目", "找不到这个栏目，它可能已被删除。", StatusCodes.Status404NotFound, pages.Url("channels"));
            var tree = new ChannelTree(channels);
            var name = ArticleFormReader.Text(form, "name").Trim();
            var parentId = ArticleFormReader.Int(form, "parentId") is var p and > 0 ? p : (int?)null;
            var levels = ArticleFormReader.Int(form, "reviewLevels");
            var frequencyText = ArticleFormReader.Text(form, "updateFrequencyDays").Trim();
            int? frequency = frequencyText.Length == 0 ? null : int.TryParse(frequencyText, out var f) ? f : -1;
            var sortText = ArticleFormReader.Text(form, "sortOrder").Trim();
            var sortOrder = int.TryParse(sortText, out var s) ? s : int.MinValue;
            var problem = NameProblem(name)
                ?? (parentId is { } pid && channels.All(c => c.Id != pid) ? "所选的上级栏目不存在。" : null)
                ?? (parentId is { } target && tree.SubtreeOf(id).Contains(target) ? "不能把栏目移到它自己或它的下级栏目之下。" : null)
                ?? (parentId is null && channel.ParentId is not null && ReservedTopLevel.Contains(channel.Slug) ? $"地址名“{channel.Slug}”是网站保留的地址，不能作为一级栏目。" : null)
                ?? (channels.Any(c => c.Id != id && c.ParentId == parentId && c.Slug == channel.Slug) ? $"目标上级栏目下已有地址名为“{channel.Slug}”的栏目。" : null)
                ?? (levels is < 1 or > 3 ? "审核级数应为 1、2 或 3。" : null)
                ?? (frequency is < 1 or > 3650 ? "更新频率应为 1 到 3650 天，或留空表示不要求。" : null)
                ?? (sortOrder is < -10000 or > 10000 ? "排序应为 -10000 到 10000 之间的整数。" : null);
            if (problem is not null) return await Refused(context, pages, problem);
            var changes = new List<string>();
            if (channel.Name != name) changes.Add($"名称“{channel.Name}”→“{name}”");
            if (channel.ParentId != parentId) changes.Add($"上级栏目 {Describe(tree, channel.ParentId)} → {Describe(tree, parentId)}");
            if (channel.SortOrder != sortOrder) changes.Add($"排序 {channel.SortOrder} → {sortOrder}");
            if (channel.ReviewLevels != levels) changes.Add($"审核级数 {channel.ReviewLevels} → {levels}");
            if (channel.UpdateFrequencyDays != frequency) changes.Add($"更新频率 {channel.UpdateFrequencyDays?.ToString() ?? "不要求"} → {frequency?.ToString() ?? "不要求"} 天");
            var showOnHome = form["showOnHome"].ToString() == "1";
            if (channel.ShowOnHome != showOnHome) changes.Add(showOnHome ? "在首页显示" : "不在首页显示");
            if (changes.Count == 0) return pages.RedirectWithNotice(context, "channels", "没有需要保存的修改。");
            (channel.Name, channel.ParentId, channel.SortOrder, channel.ReviewLevels, channel.UpdateFrequencyDays, channel.ShowOnHome) = (name, parentId, sortOrder, levels, frequency, showOnHome);
            await db.SaveChangesAsync(context.RequestAborted);
            await audit.WriteAsync(context, AuditActions.ChannelChanged, $"栏目 {id}", $"修改栏目“{name}”：{string.Join("；", changes)}");
            await publisher.PublishAllAsync(context.RequestAborted);
            return pages.RedirectWithNotice(context, "channels", $"已保存栏目“{name}”，网站已更新。");
        }).RequireAuthorization(StaffRoles.Administrator);

        group.MapPost("/channels/{id:int}/delete", async (int id, HttpContext context, IFormCollection _, BackOfficePages pages, DatabaseOptions database, Publisher publisher, AuditLog audit) =>
        {
            await using var db = database.CreateContext();
            var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, context.RequestAborted);
            if (channel is null) return await pages.MessageAsync(context, "找不到栏目", "找不到这个栏目，它可能已被删除。", StatusCodes.Status404NotFound, pages.Url("channels"));
            var children = await db.Channels.CountAsync(c => c.ParentId == id, context.RequestAborted);
            var articles = await db.Articles.CountAsync(a => a.ChannelId == id, context.RequestAborted);
            var revisions = await db.Revisions.CountAsync(r => r.ChannelId == id, context.RequestAborted);
            if (children > 0) return await Refused(context, pages, $"栏目“{channel.Name}”下还有 {children} 个子栏目，不能删除。请先移走或删除子栏目。");
            if (articles > 0 || revisions > 0)
                return await Refused(context, pages, $"栏目“{channel.Name}”中还有 {Math.Max(articles, 1)} 篇文章（含草稿、已撤稿和历史版本），不能删除，以免已发布文章的地址和记录丢失。请先把文章移到其他栏目。");
            db.Channels.Remove(channel);
            await db.SaveChangesAsync(context.RequestAborted);
            await audit.WriteAsync(context, AuditActions.ChannelChanged, $"栏目 {id}", $"删除空栏目“{channel.Name}”（地址名 {channel.Slug}）");
            await publisher.PublishAllAsync(context.RequestAborted);
            return pages.RedirectWithNotice(context, "channels", $"已删除栏目“{channel.Name}”，网站已更新。");
        }).RequireAuthorization(StaffRoles.Administrator);
    }

    private static string? NameProblem(string name) =>
        name.Length == 0 ? "请填写栏目名称。" : name.Length > 100 ? "栏目名称不能超过 100 个字。" : name.Any(char.IsControl) ? "栏目名称中有不可见的控制字符。" : null;

    private static string Describe(ChannelTree tree, int? id) => id is { } value && tree.Contains(value) ? $"“{tree[value].Name}”" : "（无，一级栏目）";

    private static Task<IResult> Refused(HttpContext context, BackOfficePages pages, string message) =>
        pages.MessageAsync(context, "栏目未保存", message, StatusCodes.Status400BadRequest, pages.Url("channels"));
}

public sealed record ChannelRow(Channel Channel, string Label, string Url, int ArticleCount);

public sealed record ChannelsPageModel(Pages.Shell Shell, IReadOnlyList<ChannelRow> Rows, IReadOnlyList<ChannelOption> Parents);
