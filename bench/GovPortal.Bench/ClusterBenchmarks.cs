using System.Diagnostics;
using System.Net;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Hosting;
using GovPortal.Hosting.Sites;
using GovPortal.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovPortal.Bench;

/// <summary>
/// The time from a change on a cluster's origin until every public node serves it (see bench/cluster.sh). The origin
/// runs in this process, on its data folder and the PostgreSQL primary, as <c>serve --database</c> runs it (back
/// office, tamper guard and Redis included); its publisher makes each change as the back office's publish does, and
/// the nodes are asked over HTTP every 10 ms, each on its own, until both serve it.
/// </summary>
public static class ClusterBenchmarks
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public static async Task<string> VisibilityAsync(string dataDirectory, string database, string redis, int runs,
        IReadOnlyList<Uri> nodes)
    {
        var sweeps = new FullSweepWatch();
        var settings = new PortalSettings(new PortalPaths(dataDirectory), DatabaseOptions.Postgres(database),
            "http://127.0.0.1:0") { Redis = redis, CreateDemo = false };
        await using var app = await PortalApp.CreateAsync(settings,
            services => services.AddSingleton<ILoggerProvider>(sweeps));
        await app.StartAsync();
        // The origin's start-up sweep hashes every published file on one core: the changes wait for it, as they
        // would on an origin that has been running for a while.
        await sweeps.First.WaitAsync(TimeSpan.FromMinutes(10));
        var publisher = app.Services.GetRequiredService<PortalSites>().Primary.Publisher;

        List<(int Id, string Url)> published;
        int channelId;
        string columnUrl;
        await using (var db = settings.Database.CreateContext())
        {
            var siteId = await db.Sites.Where(s => s.Code == publisher.SiteCode).Select(s => s.Id).SingleAsync();
            published = (await db.Articles.Where(a => a.SiteId == siteId && a.Status == ArticleStatus.Published)
                    .OrderBy(a => a.Id).Select(a => new { a.Id, a.Url }).ToListAsync())
                .Select(a => (a.Id, a.Url!)).ToList();
            var tree = new ChannelTree(await db.Channels.AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync());
            channelId = tree.All.Where(c => c.ParentId != null).Min(c => c.Id);
            columnUrl = $"/{tree.PathOf(channelId)}/";
        }

        using var http = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false,
        }) { Timeout = TimeSpan.FromSeconds(10) };
        var random = new Random(11);

        // Warm up the origin's renderer and database connections, and the nodes' paths for a change.
        var (warmId, warmUrl) = published[0];
        var warmTitle = "";
        await publisher.ApplyArticleChangeAsync(warmId, a => warmTitle = a.Title += "。");
        await BothServeAsync(http, nodes, warmUrl, warmTitle);

        var edits = new Timings();
        for (var run = 1; run <= runs; run++)
        {
            // A random moment within the nodes' quarter-second reading interval, so runs do not fall in step with it.
            await Task.Delay(random.Next(250));
            var (id, url) = published[random.Next(published.Count)];
            var title = "";
            var watch = Stopwatch.StartNew();
            await publisher.ApplyArticleChangeAsync(id, a => title = a.Title = $"{a.Title.TrimEnd('。')}（第{run}次修改）");
            var origin = watch.Elapsed;
            Console.Error.WriteLine($"edit {run}: the origin's publish {origin.TotalMilliseconds:0} ms");
            var nodesSeen = await BothServeAsync(http, nodes, url, title, watch, $"edit {run}");
            edits.Add(origin, nodesSeen);
        }

        var creates = new Timings();
        var listed = new Timings();
        for (var run = 1; run <= runs; run++)
        {
            await Task.Delay(random.Next(250));
            var title = $"集群基准测试新发布文章第{run}篇";
            int id;
            await using (var db = settings.Database.CreateContext())
            {
                var draft = new Article
                {
                    SiteId = await db.Channels.Where(c => c.Id == channelId).Select(c => c.SiteId).SingleAsync(),
                    ChannelId = channelId, Title = title, Source = "区政府办公室", BodyHtml = "<p>正文。</p>",
                    PublishedAtUtc = DateTime.UtcNow, Status = ArticleStatus.Draft,
                };
                db.Articles.Add(draft);
                await db.SaveChangesAsync();
                id = draft.Id;
            }
            var watch = Stopwatch.StartNew();
            await publisher.ApplyArticleChangeAsync(id, a => a.Status = ArticleStatus.Published);
            var origin = watch.Elapsed;
            Console.Error.WriteLine($"new article {run}: the origin's publish {origin.TotalMilliseconds:0} ms");
            string url;
            await using (var db = settings.Database.CreateContext())
                url = (await db.Articles.Where(a => a.Id == id).Select(a => a.Url).SingleAsync())!;
            var page = BothServeAsync(http, nodes, url, title, watch, $"new article {run}, its page");
            var list = BothServeAsync(http, nodes, columnUrl, url, watch, $"new article {run}, its column");
            var (pageSeen, listSeen) = (await page, await list);
            creates.Add(origin, pageSeen);
            listed.Add(origin, pageSeen is null || listSeen is null ? null : Max(pageSeen.Value, listSeen.Value));
        }

        return
            $"| edit one article's title ({runs} runs) | {edits.Origin} | {edits.Nodes} | {edits.Missed} |\n" +
            $"| publish a new article: its page ({runs} runs) | {creates.Origin} | {creates.Nodes} " +
            $"| {creates.Missed} |\n" +
            $"| publish a new article: its page and its column's first list page ({runs} runs) | {listed.Origin} " +
            $"| {listed.Nodes} | {listed.Missed} |";
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Asks every node for <paramref name="path"/> every 10 ms until each answers 200 with <paramref name="text"/>
    /// in it; the time on <paramref name="watch"/> when the last one did, or null when one never did. Each node's
    /// time goes to the error output under <paramref name="name"/>, to tell one slow node from both.
    /// </summary>
    private static async Task<TimeSpan?> BothServeAsync(HttpClient http, IReadOnlyList<Uri> nodes, string path,
        string text, Stopwatch? watch = null, string? name = null)
    {
        watch ??= Stopwatch.StartNew();
        var seen = await Task.WhenAll(nodes.Select(node => ServesAsync(http, new Uri(node, path), text, watch)));
        if (name is not null)
            Console.Error.WriteLine($"{name}: " + string.Join(", ", seen.Select((s, i) =>
                $"node {i + 1} {(s is { } t ? $"{t.TotalMilliseconds:0} ms" : "never")}")));
        return seen.Any(s => s is null) ? null : seen.Max();
    }

    private static async Task<TimeSpan?> ServesAsync(HttpClient http, Uri address, string text, Stopwatch watch)
    {
        while (watch.Elapsed < GiveUpAfter)
        {
            try
            {
                using var response = await http.GetAsync(address);
                if (response.StatusCode == HttpStatusCode.OK
                    && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal))
                    return watch.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // A node that does not answer at once is asked again, as a reader would reload.
            }
            await Task.Delay(PollEvery);
        }
        return null;
    }

    /// <summary>The origin's share (its publish, generation committed) and the time until both nodes served it.
    /// </summary>
    private sealed class Timings
    {
        private readonly List<double> _origin = [];
        private readonly List<double> _nodes = [];
        private int _missed;

        public void Add(TimeSpan origin, TimeSpan? nodes)
        {
            _origin.Add(origin.TotalMilliseconds);
            if (nodes is { } seen) _nodes.Add(seen.TotalMilliseconds);
            else _missed++;
        }

        public string Origin => Describe(_origin);
        public string Nodes => Describe(_nodes, bold: true);
        public string Missed => _missed == 0 ? "0" : $"**{_missed}** (not served within {GiveUpAfter.TotalSeconds} s)";

        private static string Describe(List<double> values, bool bold = false) =>
            values.Count == 0
                ? "none"
                : $"median {PublishBenchmarks.Percentile(values, 50):0} ms, " +
                  (bold ? "**" : "") + $"p95 {PublishBenchmarks.Percentile(values, 95):0} ms" + (bold ? "**" : "");
    }

    /// <summary>Completes <see cref="First"/> when the tamper guard's first full sweep is logged as done.</summary>
    private sealed class FullSweepWatch : ILoggerProvider, ILogger
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task First => _first.Task;

        public ILogger CreateLogger(string categoryName) =>
            categoryName.EndsWith(".TamperSweepService", StringComparison.Ordinal)
                ? this
                : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("Tamper sweep (full)", StringComparison.Ordinal))
                _first.TrySetResult();
        }

        public bool IsEnabled(LogLevel logLevel) => true;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public void Dispose()
        {
        }
    }
}
