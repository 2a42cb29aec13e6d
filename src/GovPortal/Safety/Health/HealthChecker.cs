using System.Text.Json;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Storage;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Scanning;
using GovPortal.Safety.Tamper;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Safety.Health;

/// <summary>
/// The daily health check against the national inspection indicators: home page and channels updated in time,
/// no empty channels, no broken links, nothing blocking on live pages, tampering handled.
/// </summary>
public sealed class HealthChecker(DatabaseOptions database, OutputStore output, PageScanner scanner,
    ExternalLinkProbe probe, PortalPaths paths, TimeProvider time, IEnumerable<IHealthProblemSource>? sources = null)
{
    /// <summary>The home page must show something new at least this often (首页栏目信息更新).</summary>
    public const int HomeUpdateDays = 14;

    /// <summary>More empty channels than this fail the site (空白栏目).</summary>
    public const int EmptyChannelLimit = 5;

    public async Task<HealthReport> CheckAsync(bool checkExternalLinks = false,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var problems = new List<HealthProblem>();
        Site site;
        ChannelTree tree;
        Dictionary<int, DateTime> newestByChannel;
        await using (var db = database.CreateContext())
        {
            // The site whose output is checked, and its channels and articles.
            var code = output.Layout.SiteCode;
            site = await db.Sites.AsNoTracking().FirstAsync(s => s.Code == code, cancellationToken);
            var siteId = site.Id;
            tree = new ChannelTree(
                await db.Channels.AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync(cancellationToken));
            newestByChannel = await db.Articles.AsNoTracking()
                .Where(a => a.SiteId == siteId && a.Status == ArticleStatus.Published && a.Url != null)
                .GroupBy(a => a.ChannelId)
                .Select(g => new { g.Key, Newest = g.Max(a => a.PublishedAtUtc) })
                .ToDictionaryAsync(g => g.Key, g => g.Newest, cancellationToken);
        }
        DateTime? NewestIn(int channelId) =>
            tree.SubtreeOf(channelId)
                .Select(id => newestByChannel.TryGetValue(id, out var t) ? t : (DateTime?)null)
                .Max();

        // 首页栏目信息更新
        var home = tree.All.Where(c => c.ShowOnHome).Select(c => NewestIn(c.Id)).Max();
        if (home is null || (now - home.Value).TotalDays > HomeUpdateDays)
            problems.Add(new HealthProblem("首页栏目信息更新", true, "/",
                home is null
                    ? "首页栏目没有任何已发布信息。"
                    : $"首页栏目最近一次更新是 {ChinaTime.Format(home.Value)}，已超过 {HomeUpdateDays} 天。"));

        // 栏目不更新, 空白栏目
        var empty = new List<Channel>();
        // An 外链 channel leads to another site and holds nothing of its own: it is neither empty nor stale.
        foreach (var channel in tree.All.Where(c => c.HoldsArticles())
            .OrderBy(c => tree.PathOf(c.Id), StringComparer.Ordinal))
        {
            var newest = NewestIn(channel.Id);
            var where = $"/{tree.PathOf(channel.Id)}/";
            if (newest is null)
            {
                empty.Add(channel);
                continue;
            }
            if (channel.UpdateFrequencyDays is { } days && (now - newest.Value).TotalDays > days)
                problems.Add(new HealthProblem("栏目不更新", true, where,
                    $"“{channel.Name}”应每 {days} 天更新，最近一次更新是 {ChinaTime.Format(newest.Value)}。"));
        }
        foreach (var channel in empty)
            problems.Add(new HealthProblem("空白栏目", empty.Count > EmptyChannelLimit, $"/{tree.PathOf(channel.Id)}/",
                $"“{channel.Name}”没有任何已发布信息（共 {empty.Count} 个空白栏目，超过 {EmptyChannelLimit} 个即单项否决）。"));

        // 不可用链接
        var hosts = site.HostNames.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        hosts.Add(new Uri(site.BaseUrl).Host);
        problems.AddRange(await new LinkChecker(output, hosts, probe)
            .CheckAsync(checkExternalLinks, TimeSpan.FromSeconds(5), cancellationToken));

        // Content on live pages: anything blocking is a single-veto item (严重表述错误, 色情/赌博信息, 暗链 …).
        foreach (var page in output.Manifest.Entries
                     .Where(e => e.Path.EndsWith(".html", StringComparison.Ordinal))
                     .OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            var file = output.FullPathOf(page.Path);
            if (!File.Exists(file)) continue;
            foreach (var finding in scanner
                         .Scan(await File.ReadAllTextAsync(file, cancellationToken), isHtml: true, hosts, site.Code)
                         .Where(f => f.Severity == Severity.Block))
                problems.Add(new HealthProblem(finding.Category, true, $"/{page.Path}:{finding.Line}",
                    $"{finding.Message}「{finding.Excerpt}」"));
        }

        // 内容被篡改: handled events are reported; one that could not be put right fails the site.
        // Only this site's: events from before they named a site were the first site's.
        foreach (var tamper in ReadTamperEvents().Where(e => (now - e.AtUtc).TotalDays <= 7
                     && (e.Site == site.Code || (e.Site.Length == 0 && site.Code == OutputLayout.FirstSiteCode))))
            problems.Add(new HealthProblem("网页防篡改", tamper.Kind == TamperKind.Unrecoverable, "/" + tamper.Path,
                $"{ChinaTime.Format(tamper.AtUtc)} {tamper.Detail}"));

        List<string> checkedIndicators =
        [
            "首页栏目信息更新", "栏目不更新", "空白栏目", "不可用链接" + (checkExternalLinks ? "（含站外）" : "（站内）"),
            "页面内容安全", "网页防篡改（近 7 天）",
        ];
        foreach (var source in sources ?? [])
        {
            checkedIndicators.AddRange(source.Indicators);
            problems.AddRange(await source.ProblemsAsync(site.Code, now, cancellationToken));
        }
        return new HealthReport(now, checkedIndicators, problems);
    }

    private IEnumerable<TamperEvent> ReadTamperEvents()
    {
        if (!File.Exists(paths.TamperEventsFile)) yield break;
        var options = new JsonSerializerOptions
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };
        foreach (var line in File.ReadLines(paths.TamperEventsFile))
        {
            TamperEvent? tamperEvent;
            try
            {
                tamperEvent = JsonSerializer.Deserialize<TamperEvent>(line, options);
            }
            catch (JsonException)
            {
                continue; // a damaged line must not hide the others
            }
            if (tamperEvent is not null) yield return tamperEvent;
        }
    }
}
