using System.Diagnostics;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Hosting;
using GovPortal.Publishing;
using GovPortal.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovPortal.Bench;

/// <summary>Measures a full publish and single-article incremental publishes on a generated site.</summary>
public static class PublishBenchmarks
{
    public static IHost BuildHost(PortalPaths paths)
    {
        // The content root is the program's folder, as the portal's: by default it is the working folder, and its
        // settings watcher would follow every file a publish writes there.
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("GovPortal.Publishing", LogLevel.Debug);
        builder.Services.AddPortalCore(
            new PortalSettings(paths, DatabaseOptions.Sqlite(paths.DatabaseFile), "http://127.0.0.1:0"));
        return builder.Build();
    }

    public static async Task<string> FullPublishAsync(PortalPaths paths)
    {
        using var host = BuildHost(paths);
        var publisher = host.Services.GetRequiredService<Publisher>();
        var result = await publisher.PublishAllAsync();
        var peakMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        var files = host.Services.GetRequiredService<GovPortal.Publishing.Output.Manifest>().Count;
        return $"| full publish | {result.Pages:N0} pages ({result.Articles:N0} articles), {files:N0} files incl. " +
            $".gz/.br | " +
               $"{result.Elapsed.TotalSeconds:0.0} s | **{result.PagesPerSecond:N0} pages/s** | peak working set " +
                   $"{peakMegabytes:N0} MB |";
    }

    /// <summary>
    /// Edits the title of random existing articles, then publishes new ones, timing each change end to end.
    /// </summary>
    public static async Task<string> IncrementalAsync(PortalPaths paths, int runs)
    {
        using var host = BuildHost(paths);
        return await IncrementalOnAsync(host.Services.GetRequiredService<Publisher>(),
            host.Services.GetRequiredService<DatabaseOptions>(), "main", runs);
    }

    /// <summary>The edits and new articles of <see cref="IncrementalAsync"/> on one site's publisher.</summary>
    public static async Task<string> IncrementalOnAsync(Publisher publisher, DatabaseOptions database,
        string siteCode, int runs)
    {
        var random = new Random(11);
        List<int> ids;
        int channelId;
        await using (var db = database.CreateContext())
        {
            var siteId = await db.Sites.Where(s => s.Code == siteCode).Select(s => s.Id).SingleAsync();
            ids = await db.Articles.Where(a => a.SiteId == siteId && a.Status == ArticleStatus.Published)
                .Select(a => a.Id).ToListAsync();
            channelId = await db.Channels.Where(c => c.SiteId == siteId && c.ParentId != null).Select(c => c.Id)
                .FirstAsync();
        }

        // Warm up the renderer and the database connection.
        await publisher.ApplyArticleChangeAsync(ids[0], a => a.Title += "。");

        var edits = new List<double>();
        var planned = new List<int>();
        for (var i = 0; i < runs; i++)
        {
            var id = ids[random.Next(ids.Count)];
            var watch = Stopwatch.StartNew();
            var plan = await publisher.ApplyArticleChangeAsync(id, a => a.Title = a.Title.TrimEnd('。') + "（更新）");
            edits.Add(watch.Elapsed.TotalMilliseconds);
            planned.Add(plan.Render.Count + plan.Remove.Count);
        }

        var creates = new List<double>();
        var createdPages = new List<int>();
        var everyPage = new List<double>();
        var deferredPages = new List<int>();
        for (var i = 0; i < runs; i++)
        {
            int id;
            await using (var db = database.CreateContext())
            {
                var draft = new Article
                {
                    SiteId = await db.Channels.Where(c => c.Id == channelId).Select(c => c.SiteId).SingleAsync(),
                    ChannelId = channelId, Title = $"基准测试新发布文章{i}", Source = "区政府办公室", BodyHtml = "<p>正文。</p>",
                    PublishedAtUtc = DateTime.UtcNow, Status = ArticleStatus.Draft,
                };
                db.Articles.Add(draft);
                await db.SaveChangesAsync();
                id = draft.Id;
            }
            var watch = Stopwatch.StartNew();
            var plan = await publisher.ApplyArticleChangeAsync(id, a => a.Status = ArticleStatus.Published);
            creates.Add(watch.Elapsed.TotalMilliseconds);
            createdPages.Add(plan.Render.Count);
            // The deeper list pages that shift follow in the background: the time until the last is written.
            await plan.DeferredDone;
            everyPage.Add(watch.Elapsed.TotalMilliseconds);
            deferredPages.Add(plan.Deferred.Count);
        }

        return
            $"| incremental: edit one article's title ({runs} runs) " +
            $"| median {Percentile(edits, 50):0.0} ms, **p95 {Percentile(edits, 95):0.0} ms** " +
            $"| pages per change: median {Percentile(planned.Select(p => (double)p).ToList(), 50):0} |\n" +
            $"| incremental: publish a new article at the top of a {ids.Count / 40:N0}-article column ({runs} runs) " +
            $"| median {Percentile(creates, 50):0.0} ms, **p95 {Percentile(creates, 95):0.0} ms** " +
            $"| pages at once: median {Percentile(createdPages.Select(p => (double)p).ToList(), 50):0} |\n" +
            "| incremental: the same new articles, until every list page of the column that shifts is written " +
            $"| median {Percentile(everyPage, 50):0.0} ms, **p95 {Percentile(everyPage, 95):0.0} ms** " +
            $"| pages after: median {Percentile(deferredPages.Select(p => (double)p).ToList(), 50):0} |";
    }

    internal static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
