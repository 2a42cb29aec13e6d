using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// What one run knows of its site before it starts: the site, its channels, and every page imported before (by old
/// path and by content), kept up to date as the run imports.
/// </summary>
public sealed class ImportRun
{
    public required Site Site { get; init; }
    public required ChannelTree Tree { get; init; }
    public required ChannelMatcher Channels { get; init; }
    public Channel? FallbackChannel { get; init; }
    public required IReadOnlySet<string> AllowedHosts { get; init; }
    public required Dictionary<string, int> ArticleOfPath { get; init; }
    public required Dictionary<string, (string OldPath, int ArticleId)> PageOfContent { get; init; }

    public static async Task<ImportRun> StartAsync(DatabaseOptions database, ImportOptions options,
        CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == options.SiteCode,
                cancellationToken)
            ?? throw new ImportException($"平台上没有代码为“{options.SiteCode}”的网站。");
        var tree = new ChannelTree(await db.Channels.AsNoTracking().Where(c => c.SiteId == site.Id)
            .ToListAsync(cancellationToken));
        Channel? fallback = null;
        if (options.FallbackChannel is { } wanted)
        {
            var matches = tree.All.Where(c => c.HoldsArticles()
                && (c.Slug == wanted.Trim('/') || tree.PathOf(c.Id) == wanted.Trim('/'))).ToList();
            if (matches.Count != 1)
                throw new ImportException(matches.Count == 0
                    ? $"网站“{site.Name}”没有代码或路径为“{wanted}”的栏目（可以放文章的）。"
                    : $"网站“{site.Name}”有多个代码为“{wanted}”的栏目，请给出完整路径，例如 " +
                      $"{string.Join(" 或 ", matches.Select(c => tree.PathOf(c.Id)))}。");
            fallback = matches[0];
        }
        var imported = await db.ImportedPages.AsNoTracking().Where(i => i.SiteId == site.Id)
            .OrderBy(i => i.Id).Select(i => new { i.OldPath, i.ContentSha256, i.ArticleId })
            .ToListAsync(cancellationToken);
        return new ImportRun
        {
            Site = site, Tree = tree, Channels = new ChannelMatcher(tree), FallbackChannel = fallback,
            AllowedHosts = ArticleChecks.AllowedHosts(site),
            ArticleOfPath = imported.ToDictionary(i => i.OldPath, i => i.ArticleId, StringComparer.Ordinal),
            PageOfContent = imported.GroupBy(i => i.ContentSha256)
                .ToDictionary(g => g.Key, g => (g.First().OldPath, g.First().ArticleId), StringComparer.Ordinal),
        };
    }
}
