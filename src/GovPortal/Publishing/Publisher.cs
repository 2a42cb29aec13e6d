using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using GovPortal.Citizens.Calendar;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Content.Uploads;
using GovPortal.Data;
using GovPortal.Publishing.Disclosure;
using GovPortal.Publishing.Interaction;
using GovPortal.Publishing.Output;
using GovPortal.Publishing.Rendering;
using GovPortal.Safety.Scanning;
using GovPortal.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace GovPortal.Publishing;

/// <summary>The result of a full rebuild, as the publish command reports it.</summary>
public sealed record PublishResult(int Pages, int Articles, int FilesWritten, TimeSpan Elapsed)
{
    /// <summary>The pages that could not be made; each keeps its last published version.</summary>
    public IReadOnlyList<PageFailure> Failures { get; init; } = [];

    public double PagesPerSecond => Pages / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Turns the database into the published output of one site (the site of its <see cref="OutputStore"/>): a full
/// rebuild, or the exact pages one article change touches, together with the side files of the output (the site's
/// host names, the withdrawn list, the days of mourning). The only writer of the output. One publish runs at a time.
/// </summary>
public sealed partial class Publisher(
    DatabaseOptions database,
    OutputStore store,
    UploadStore uploads,
    RazorPageRenderer razor,
    ThemeAssets assets,
    ArticleChecks checks,
    SearchIndex searchIndex,
    SearchDocuments searchDocuments,
    ContentKinds kinds,
    TimeProvider time,
    ILogger<Publisher> logger,
    WorkingCalendarStore calendars,
    PublishOptions publishOptions,
    Replication.OriginTurns? turns = null) : ISearchIndexRebuilder
{
    private const int ArticleBatchSize = 500;
    private readonly PublishedSideFile<IReadOnlySet<string>> _withdrawn = WithdrawnList.Published(store);

    /// <summary>
    /// Whether the output was built by this theme and reflects the database: a new theme, or a change that was
    /// saved but could not be published, needs a full rebuild. (The search index is checked apart:
    /// <see cref="SearchIndex.NeedsRebuild"/>.)
    /// </summary>
    public bool OutputIsCurrent =>
        store.Manifest.TryGet(assets.StylesheetPath, out _) && store.Manifest.TryGet("index.html", out _)
        && store.Manifest.TryGet(OutputLayout.GonePage, out _)
        && store.Manifest.TryGet(OutputLayout.SiteMapPage, out _)
        && store.Manifest.TryGet(SiteStatements.Privacy.Path, out _)
        && store.Manifest.TryGet(OutputLayout.SiteInfoFile, out _)
        && !File.Exists(RebuildMarker);

    /// <summary>The code of the site this publisher publishes.</summary>
    public string SiteCode => store.Layout.SiteCode;

    private string RebuildMarker => store.Layout.RebuildMarker;

    public async Task<PublishResult> PublishAllAsync(CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            return await PublishAllUnlockedAsync(cancellationToken);
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    private async Task<PublishResult> PublishAllUnlockedAsync(CancellationToken cancellationToken)
    {
        {
            var stopwatch = Stopwatch.StartNew();
            using var collection = ThroughputCollection.Begin();
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            await AssignMissingUrlsAsync(db, site, tree, cancellationToken);
            var (lists, ids) = await ReadListsAsync(db, site.Id, tree, cancellationToken);
            var disclosure = await DisclosureReader.DirectoryAsync(db, site.Id, null, cancellationToken);
            var catalogue = await CatalogueReader.CatalogueAsync(db, site.Id, cancellationToken);
            var reports = await PublishedAnnualReportsAsync(db, site.Id, cancellationToken);
            var interaction = await ReadInteractionAsync(db, site.Id, cancellationToken);
            var renderer = new SiteRenderer(site, tree, lists, razor, assets, uploads, kinds, disclosure, catalogue,
                reports, interaction);
            renderer.Consultations = await Consultations.ConsultationReader.AllAsync(db, site.Id,
                time.GetUtcNow().UtcDateTime, cancellationToken);
            renderer.Statements = await StatementsOfAsync(db, site.Id, cancellationToken);
            renderer.LoadArticle = LoadOneArticleAsync;

            store.RemoveLeftoverTemporaryFiles();
            using var batch = store.BeginFullRebuild();
            using var index = searchIndex.BeginRebuild();
            var keys = await renderer.AllPageKeysAsync();
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            };
            var failures = new ConcurrentBag<PageFailure>();
            await Parallel.ForEachAsync(keys, parallel, async (key, _) =>
                await RenderOrReportAsync(key, batch, failures, () => renderer.RenderAsync(key, batch)));
            lists.Release();

            var listsDone = stopwatch.Elapsed;

            await foreach (var articles in ReadAheadAsync(db, ids, cancellationToken))
                await Parallel.ForEachAsync(articles, parallel, async (article, _) =>
                    await RenderOrReportAsync(PageKey.Article(article.Id), batch, failures, async () =>
                    {
                        await renderer.RenderArticleAsync(article, batch);
                        index.Add(searchDocuments.From(article, tree));
                    }));
            var articlesDone = stopwatch.Elapsed;

            // The search index writes its last segments, unseen until its commit, while the pages are committed.
            var indexFlushed = Task.Run(index.Flush, CancellationToken.None);
            try
            {
                batch.Write(PageKey.SiteInfo, OutputLayout.SiteInfoFile, SiteInfoOf(site));
                // A withdrawn article in the 回收站, or deleted from it for good, still answers 410 at its address.
                var withdrawn = await db.Articles.IgnoreQueryFilters(GovPortalDbContext.TrashOnly)
                    .Where(a => a.SiteId == site.Id && a.Status == ArticleStatus.Withdrawn && a.Url != null)
                    .Select(a => a.Url!)
                    .Concat(db.RetiredAddresses.Where(r => r.SiteId == site.Id).Select(r => r.Url))
                    .ToListAsync(cancellationToken);
                batch.Write(PageKey.WithdrawnList, OutputLayout.WithdrawnListFile, WithdrawnList.Format(withdrawn));
                batch.Write(PageKey.OldAddressList, OutputLayout.OldAddressListFile,
                    await OldAddressListAsync(db, site.Id, cancellationToken));
                batch.Keep(PageKey.MourningDays);
                batch.Keep(PageKey.PlatformMourningDays);
                batch.Commit([]);
                DeferredCoveredByFullPublish();
            }
            finally
            {
                await Task.WhenAny(indexFlushed); // the rebuild is undone on failure: never while it still writes
            }
            await indexFlushed;
            index.Commit(SearchSiteInfo.From(renderer.Chrome, tree));
            logger.LogDebug(
                "Full publish phases: lists {Lists:0.0} s, articles {Articles:0.0} s, commit {Commit:0.0} s",
                listsDone.TotalSeconds, (articlesDone - listsDone).TotalSeconds,
                (stopwatch.Elapsed - articlesDone).TotalSeconds);
            var result = new PublishResult(keys.Count + ids.Count, ids.Count, batch.FilesWritten, stopwatch.Elapsed)
            {
                Failures = [.. failures.OrderBy(f => f.Key.ToString(), StringComparer.Ordinal)],
            };
            logger.LogInformation(
                "Full publish: {Pages} pages ({Articles} articles), {Files} files written in {Seconds:0.00} s",
                result.Pages, result.Articles, result.FilesWritten, result.Elapsed.TotalSeconds);
            if (result.Failures.Count > 0)
                logger.LogError("Full publish: {Count} pages could not be made and keep their last version: {Pages}",
                    result.Failures.Count, string.Join("; ", result.Failures.Select(f => $"{f.Key} {f.Message}")));
            // Everything that could be made is current. Pages that failed are reported, not retried at every
            // change: the same content would fail again, and each change would become a full rebuild.
            File.Delete(RebuildMarker);
            return result;
        }
    }

    /// <summary>Every live article's listing, for the list pages, and the live articles' ids, oldest first.</summary>
    private static async Task<(InMemoryListingSource Lists, List<int> ArticleIds)> ReadListsAsync(
        GovPortalDbContext db, int siteId, ChannelTree tree, CancellationToken cancellationToken)
    {
        // Read in a method of its own: a local of the publish itself would stay alive, in its state machine, to the
        // end of the publish, and with it every listing.
        var alsoListed = await ListingReader.AlsoListedAsync(db, siteId, cancellationToken);
        var listings = await ListingReader.AllAsync(db, siteId, tree, alsoListed, cancellationToken);
        var focus = await FocusReader.ReadAsync(db, siteId, cancellationToken);
        // Oldest first, as the search index is best built (see SearchIndex.BeginRebuild).
        return (new InMemoryListingSource(tree, listings, focus, alsoListed),
            [.. listings.OrderBy(a => a.PublishedAtUtc).ThenBy(a => a.Id).Select(a => a.Id)]);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to an article (publish, edit, withdraw, move) and re-renders exactly the
    /// pages whose content it changes. The change mutates the tracked entity; this method saves it.
    /// </summary>
    public async Task<PublishPlan> ApplyArticleChangeAsync(int articleId, Action<Article> change,
        CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            var article = await db.Articles.Include(a => a.RelatedFiles).Include(a => a.AlsoListedIn)
                    .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken)
                ?? throw new PublishException($"找不到编号为 {articleId} 的文章，它可能已被删除。");
            // Each site's publisher writes only its own site's articles into its own output.
            if (article.SiteId != site.Id) throw new PublishException($"编号为 {articleId} 的文章不属于这个网站。");
            var channelBefore = article.ChannelId;
            var listedBefore = article.AlsoListedIn.Select(l => l.ChannelId).ToList();
            var linksBefore = await DisclosureReader.LinksAsync(db, article, cancellationToken);
            change(article);
            if (!tree.Contains(article.ChannelId) || article.AlsoListedIn.Any(l => !tree.Contains(l.ChannelId)))
                throw new PublishException("所选栏目不存在，请重新选择栏目。");
            article.PublishedAtUtc = ChinaTime.TruncateToMinute(article.PublishedAtUtc);
            if (article.Status == ArticleStatus.Published)
            {
                // Everything that can stop the publish is checked before the change is saved.
                CheckBeforePublishing(article, site);
                // A picture's smaller copies are published with it: one missing stops the publish as well.
                foreach (var file in article.RelatedFiles.Where(f => !File.Exists(uploads.PathOf(f.StoredName))
                    || (f.Width > 0 && ArticlePictures.CopyWidths(f.Width)
                        .Any(w => !File.Exists(uploads.PathOfSmaller(f.StoredName, w))))))
                    throw new PublishException($"文章《{article.Title}》的相关文件“{file.DisplayName}”在上传目录中找不到，请重新上传后再发布。");
            }
            // Every channel whose lists may show the article, before or after: its own and those it is listed in.
            int[] channels = [.. new[] { channelBefore, article.ChannelId }.Concat(listedBefore)
                .Concat(article.AlsoListedIn.Select(l => l.ChannelId)).Distinct()];

            var loaded = stopwatch.Elapsed;
            var before = await ListingReader.SnapshotAsync(db, tree, articleId, channels, cancellationToken);
            // Only a featured article (before or after the change) can change the 焦点图.
            var focusMayChange = article.Featured || db.Entry(article).Property(a => a.Featured).OriginalValue;
            if (focusMayChange)
                before = before with { Focus = await FocusReader.ReadAsync(db, site.Id, cancellationToken) };
            // The 政府信息公开目录 lists live documents: read around a change to one (its kind never changes).
            var inCatalogue = article.Kind == DocumentKind.Key;
            var catalogueBefore = inCatalogue ? await CatalogueReader.RowsAsync(db, site.Id, cancellationToken) : [];
            var snapshotted = stopwatch.Elapsed;
            var hadAddress = article.Url is not null;
            if (article.Status == ArticleStatus.Published && article.Url is null)
                article.Url = ArticleUrls.Create(tree.PathOf(article.ChannelId), article.Id, article.PublishedAtUtc);
            var now = time.GetUtcNow().UtcDateTime;
            article.UpdatedAtUtc = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            using var pending = BeginChange();
            // With PostgreSQL the change is saved in the same transaction as the generation that publishes it, at the
            // batch's commit: the public nodes' database never holds one without the other.
            await using var together = store.Mirror is null ? null
                : await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (together is null) pending.Saved();
            var saved = stopwatch.Elapsed;
            var after = await AfterAsync(db, tree, article, before, cancellationToken);
            if (focusMayChange)
                after = after with { Focus = await FocusReader.ReadAsync(db, site.Id, cancellationToken) };

            var plan = PublishPlanner.PlanArticleChange(tree, articleId, before, after);
            PublishPlanner.PlanLinkedPages(plan, articleId, linksBefore,
                await DisclosureReader.LinksAsync(db, article, cancellationToken));
            var catalogueAfter = inCatalogue ? await CatalogueReader.RowsAsync(db, site.Id, cancellationToken) : [];
            CataloguePlanner.Plan(plan, articleId, catalogueBefore, catalogueAfter);
            var planned = stopwatch.Elapsed;
            var committed = planned;
            var outputIsCurrent = OutputIsCurrent;
            if (outputIsCurrent) DeferDeeperListPages(plan);
            try
            {
                if (!outputIsCurrent)
                {
                    // An earlier saved change never reached the output: this one cannot be planned from it. The full
                    // publish reads the database afresh, so the change is committed first.
                    if (together is not null)
                    {
                        await together.CommitAsync(cancellationToken);
                        pending.Saved();
                    }
                    plan.Failures.AddRange((await PublishAllUnlockedAsync(cancellationToken)).Failures);
                    pending.Published();
                    return plan;
                }
                // Linked 信息公开 pages (a policy whose interpretation changed …) are rendered with the change.
                var linkedIds = plan.Render.Where(k => k.Kind == PageKind.Article && k.Id != articleId)
                    .Select(k => k.Id).ToArray();
                var linked = linkedIds.Length == 0 ? []
                    : (await LoadArticlesAsync(db, linkedIds, cancellationToken)).ToDictionary(a => a.Id);
                var disclosure = linked.Count == 0 && DisclosureDirectory.FaceOf(article) is null
                    && article.Kind == NewsKind.Key
                    ? DisclosureDirectory.Empty
                    : await DisclosureReader.DirectoryAsync(db, site.Id, [articleId, .. linkedIds], cancellationToken);
                var catalogue = inCatalogue
                    ? await CatalogueReader.CatalogueAsync(db, site.Id, catalogueAfter, cancellationToken)
                    : Catalogue.Empty;
                var listings = new DatabaseListingSource(db, tree, site.Id, after);
                var renderer = new SiteRenderer(site, tree, listings, razor, assets,
                    uploads, kinds, disclosure, catalogue)
                {
                    LoadArticle = id => id == articleId ? Task.FromResult<Article?>(article) : LoadOneArticleAsync(id),
                };
                using var batch = store.BeginBatch();
                var failures = new ConcurrentBag<PageFailure>();
                await Parallel.ForEachAsync(plan.Render, cancellationToken, async (key, _) =>
                    await RenderOrReportAsync(key, batch, failures, () =>
                        key.Kind != PageKind.Article ? renderer.RenderAsync(key, batch)
                        : key.Id == articleId ? renderer.RenderArticleAsync(article, batch)
                        : linked.TryGetValue(key.Id, out var other) ? renderer.RenderArticleAsync(other, batch)
                        : Task.CompletedTask));
                plan.Failures.AddRange(failures);
                // The search index follows the plan: the article's page rendered means indexed, removed means gone.
                // Its document is made before the pages go live, and the index is told a change is coming, so a
                // crash between the two leaves a marker that makes the next start rebuild the index.
                var key = PageKey.Article(article.Id);
                var indexed = plan.Render.Contains(key) || plan.Remove.Contains(key);
                var document = plan.Render.Contains(key) ? searchDocuments.From(article, tree) : null;
                // A withdrawn article's address answers 410 Gone; published again, it is an ordinary page.
                if (WithdrawnListAfter(article) is { } withdrawn)
                    batch.Write(PageKey.WithdrawnList, OutputLayout.WithdrawnListFile, WithdrawnList.Format(withdrawn));
                // An imported article published for the first time: its old addresses now lead here.
                if (await OldAddressesMayChangeAsync(db, article, hadAddress, cancellationToken))
                    batch.Write(PageKey.OldAddressList, OutputLayout.OldAddressListFile,
                        await OldAddressListAsync(db, site.Id, cancellationToken));
                if (indexed) searchIndex.BeginChange();
                batch.Commit(plan.Remove, change: together is null ? null : new ContentChange(
                    together.GetDbTransaction(), () =>
                    {
                        together.Commit();
                        pending.Saved();
                    }));
                committed = stopwatch.Elapsed;
                // The change is saved but some of its pages are not: the next publish tries the whole site again.
                if (plan.Failures.Count > 0)
                    await File.WriteAllTextAsync(RebuildMarker, $"article {articleId}", CancellationToken.None);
                // Committed a moment later (SearchIndex.CommitDelay), together with changes that follow closely.
                if (indexed) searchIndex.Apply(article.Id, document, SearchSiteInfo.From(renderer.Chrome, tree));
                pending.Published();
            }
            catch (Exception e)
            {
                // The change is saved but its pages are not: remember to rebuild, so the site catches up. (With
                // PostgreSQL a change not yet committed with its generation is rolled back instead: nothing to catch.)
                if (together is null || pending.IsSaved)
                    await File.WriteAllTextAsync(RebuildMarker, $"article {articleId}", CancellationToken.None);
                if (together is null || pending.IsSaved || e is OperationCanceledException) throw;
                // Rolled back with its generation: nothing was saved or published, and the editor can simply try
                // again. Whatever refused it, the editor is told so rather than shown an error page.
                logger.LogError(e, "The change to article {ArticleId} was not saved: its generation failed",
                    articleId);
                throw new PublishException(e is Npgsql.NpgsqlException
                    ? $"未能把这次发布写入数据库（{e.Message}），本次没有发布，请稍后重试。"
                    : "发布时出错，这次修改没有保存，也没有发布，请稍后重试（原因已记入系统日志）。");
            }
            var rendered = stopwatch.Elapsed;
            logger.LogInformation("Article {ArticleId} changed: {Plan}", articleId, plan);
            logger.LogDebug(
                "Incremental phases (ms): load {Load:0}, snapshot {Snapshot:0}, save {Save:0}, plan {Plan:0}, "
                + "render and write {Render:0}, search index {Index:0}",
                loaded.TotalMilliseconds, (snapshotted - loaded).TotalMilliseconds,
                (saved - snapshotted).TotalMilliseconds, (planned - saved).TotalMilliseconds,
                (committed - planned).TotalMilliseconds, (rendered - committed).TotalMilliseconds);
            return plan;
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    /// <summary>
    /// Rebuilds the search index alone from the live articles, leaving the pages as they are: for a damaged or
    /// deleted index, or after changing how text is indexed.
    /// </summary>
    public async Task<int> RebuildSearchIndexAsync(CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            return await RebuildSearchIndexUnlockedAsync(cancellationToken);
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    private async Task<int> RebuildSearchIndexUnlockedAsync(CancellationToken cancellationToken)
    {
        {
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            var renderer = new SiteRenderer(site, tree, new InMemoryListingSource(tree, []), razor, assets, uploads,
                kinds);
            var ids = await db.Articles
                .Where(a => a.SiteId == site.Id && a.Status == ArticleStatus.Published && a.Url != null)
                .OrderBy(a => a.PublishedAtUtc).ThenBy(a => a.Id) // see SearchIndex.BeginRebuild
                .Select(a => a.Id)
                .ToListAsync(cancellationToken);
            using var index = searchIndex.BeginRebuild();
            foreach (var chunk in ids.Chunk(ArticleBatchSize))
            {
                var articles = await LoadArticlesAsync(db, chunk, cancellationToken);
                Parallel.ForEach(articles, article => index.Add(searchDocuments.From(article, tree)));
            }
            index.Commit(SearchSiteInfo.From(renderer.Chrome, tree));
            logger.LogInformation("Search index rebuilt: {Documents} articles", index.Documents);
            return index.Documents;
        }
    }

    /// <summary>
    /// Publishes what the public server knows of the site without a database (<see cref="OutputLayout.SiteInfoFile"/>):
    /// its host names and whether it is paused. A pause or a resumption takes effect with this alone.
    /// </summary>
    public async Task PublishSiteInfoAsync(CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            var (site, _) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            using var batch = store.BeginBatch();
            batch.Write(PageKey.SiteInfo, OutputLayout.SiteInfoFile, SiteInfoOf(site));
            batch.Commit([]);
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    private byte[] SiteInfoOf(Site site) =>
        PublishedSite.From(SiteCode, site.Name, site.BaseUrl, site.HostNames, site.Suspended).ToJson();

    /// <summary>
    /// Publishes the days of mourning (全站置灰) of the site: a setting the public server honours, written into the
    /// output and its manifest like any page, so every public node has it and the tamper guard covers it. Needs no
    /// database. The days stay as they are through full rebuilds.
    /// </summary>
    public Task PublishMourningDaysAsync(IEnumerable<DateOnly> dates,
        CancellationToken cancellationToken = default) =>
        PublishSettingAsync(PageKey.MourningDays, OutputLayout.MourningDaysFile, MourningDays.Format(dates),
            cancellationToken);

    /// <summary>
    /// Publishes the platform's days of mourning (全平台置灰, set on 平台管理) into this site's output, which is the
    /// first site's: the list every site made later starts with. The public server does not read it; each site's
    /// own list is what greys its pages. Kept through full rebuilds like the site's own days.
    /// </summary>
    public Task PublishPlatformMourningDaysAsync(IEnumerable<DateOnly> dates,
        CancellationToken cancellationToken = default) =>
        PublishSettingAsync(PageKey.PlatformMourningDays, OutputLayout.PlatformMourningDaysFile,
            MourningDays.Format(dates), cancellationToken);

    private async Task PublishSettingAsync(PageKey key, string file, byte[] content,
        CancellationToken cancellationToken)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            using var batch = store.BeginBatch();
            batch.Write(key, file, content);
            batch.Commit([]);
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    /// <summary>
    /// Publishes the site's 政府信息公开工作年度报告 as they were frozen at their publication: the index under
    /// /zfxxgk/nb/ and a page per year. Needs only the reports and the site's frame.
    /// </summary>
    public async Task PublishAnnualReportsAsync(CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            var reports = await PublishedAnnualReportsAsync(db, site.Id, cancellationToken);
            var renderer = new SiteRenderer(site, tree, new InMemoryListingSource(tree, []), razor, assets, uploads,
                kinds, annualReports: reports);
            using var batch = store.BeginBatch();
            foreach (var key in renderer.AnnualReportKeys()) await renderer.RenderAsync(key, batch);
            batch.Commit([]);
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    private static async Task<List<AnnualReportSnapshot>> PublishedAnnualReportsAsync(GovPortalDbContext db,
        int siteId, CancellationToken cancellationToken)
    {
        var published = await db.AnnualReports.AsNoTracking()
            .Where(r => r.SiteId == siteId && r.PublishedAtUtc != null).OrderBy(r => r.Year)
            .Select(r => r.PublishedJson).ToListAsync(cancellationToken);
        return [.. published.Select(AnnualReportSnapshot.FromJson).OfType<AnnualReportSnapshot>()];
    }

    /// <summary>The days of mourning as last published (for the settings page and the mourning command).</summary>
    public IReadOnlySet<DateOnly> PublishedMourningDays() => PublishedDays(OutputLayout.MourningDaysFile);

    /// <summary>The platform's days of mourning as last published (only the first site's output has any).</summary>
    public IReadOnlySet<DateOnly> PublishedPlatformMourningDays() =>
        PublishedDays(OutputLayout.PlatformMourningDaysFile);

    private HashSet<DateOnly> PublishedDays(string file) =>
        store.PublishedContentOf(file) is { } content ? MourningDays.Parse(content).Dates : [];

    /// <summary>
    /// The withdrawn list once <paramref name="article"/>'s change is published, or null if it stays as it is.
    /// </summary>
    private HashSet<string>? WithdrawnListAfter(Article article)
    {
        if (article.Url is null || article.Status is not (ArticleStatus.Withdrawn or ArticleStatus.Published))
            return null;
        var list = new HashSet<string>(_withdrawn.Current(), StringComparer.Ordinal);
        var path = WithdrawnList.Normalize(article.Url);
        var changed = article.Status == ArticleStatus.Withdrawn ? list.Add(path) : list.Remove(path);
        return changed ? list : null;
    }

    /// <summary>
    /// Renders one page; if that fails, the failure is the page's alone: logged, listed, and the page keeps its last
    /// published version while the rest of the publish goes on. A failure to write the output (I/O) and a
    /// cancellation still stop the whole publish, whose batch is then rolled back.
    /// </summary>
    private async Task RenderOrReportAsync(PageKey key, OutputBatch batch, ConcurrentBag<PageFailure> failures,
        Func<Task> render)
    {
        try
        {
            await render();
        }
        catch (Exception e) when (e is not (OperationCanceledException or IOException or UnauthorizedAccessException
                                       or OutOfMemoryException))
        {
            logger.LogError(e, "Page {Key} could not be made; it keeps its last published version", key);
            batch.Keep(key);
            failures.Add(new PageFailure(key, e is PublishException ? e.Message : $"页面生成出错：{e.Message}"));
        }
    }

    /// <summary>
    /// The content checks every article passes on its way out: anything blocking (pornography or gambling spam,
    /// blocked sensitive words, a wrong name of an official, hidden or foreign active content) stops the publish;
    /// warnings are logged for the editor and reviewer.
    /// </summary>
    private void CheckBeforePublishing(Article article, Site site)
    {
        var findings = checks.Check(article, site);
        foreach (var warning in findings.Where(f => f.Severity == Severity.Warn))
            logger.LogWarning("Article {ArticleId}: {Category} {Message} 「{Excerpt}」",
                article.Id, warning.Category, warning.Message, warning.Excerpt);
        var blocking = findings.Where(f => f.Severity == Severity.Block).ToList();
        if (blocking.Count == 0) return;
        throw new PublishException($"《{article.Title}》未发布：发布前检查发现 {blocking.Count} 处必须处理的问题。" + string.Concat(
            blocking.Select(f => $"\n- {f.Category}：{f.Message}「{f.Excerpt}」")));
    }

    /// <summary>
    /// The listings after the change: derived from those before, reading again only what cannot be derived.
    /// </summary>
    private static async Task<ListingSnapshot> AfterAsync(GovPortalDbContext db, ChannelTree tree, Article article,
        ListingSnapshot before, CancellationToken cancellationToken)
    {
        var changed = article.Status == ArticleStatus.Published && article.Url is not null
            ? ArticleListing.Of(article, article.Summary)
            : null;
        var (after, unknown) = ListingSnapshotDerivation.Derive(before, article.Id, changed,
            (channel, descendant) => tree.AncestorsAndSelf(descendant).Any(c => c.Id == channel),
            channel => ListingReader.KeepsSummaries(tree, channel),
            article.AlsoListedIn.Select(l => l.ChannelId).ToHashSet());
        if (unknown.Count == 0) return after;
        var newest = after.SubtreeNewest.ToDictionary();
        foreach (var channelId in unknown)
            newest[channelId] = await ListingReader.SubtreeNewestAsync(db, tree, channelId, SiteLayoutRules.FeedSize,
                cancellationToken);
        return after with { SubtreeNewest = newest };
    }

    /// <summary>One article in full, read on its own connection: pages render in parallel.</summary>
    private async Task<Article?> LoadOneArticleAsync(int id)
    {
        await using var db = database.CreateContext();
        return await db.Articles.AsNoTracking().AsSplitQuery().Include(a => a.RelatedFiles)
            .FirstOrDefaultAsync(a => a.Id == id);
    }

    /// <summary>
    /// The articles with <paramref name="ids"/>, in chunks, the next chunk read while the caller works on the one
    /// before. SQLite answers an asynchronous query on the thread that asks, so each read runs on a thread of its own.
    /// </summary>
    private static async IAsyncEnumerable<List<Article>> ReadAheadAsync(GovPortalDbContext db, List<int> ids,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunks = ids.Chunk(ArticleBatchSize).ToList();
        Task<List<Article>> Read(int[] chunk) =>
            Task.Run(() => LoadArticlesAsync(db, chunk, cancellationToken), cancellationToken);
        var next = chunks.Count > 0 ? Read(chunks[0]) : null;
        try
        {
            for (var i = 0; next is not null; i++)
            {
                var articles = await next;
                next = i + 1 < chunks.Count ? Read(chunks[i + 1]) : null;
                yield return articles;
            }
        }
        finally
        {
            // Stopped early (cancelled, or a page failed hard): the read under way ends before the caller closes
            // the connection it uses.
            if (next is not null) await Task.WhenAny(next);
        }
    }

    private static Task<List<Article>> LoadArticlesAsync(GovPortalDbContext db, int[] ids,
        CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().AsSplitQuery().Include(a => a.RelatedFiles).Where(a => ids.Contains(a.Id))
            .ToListAsync(cancellationToken);

    /// <summary>The site with the code given, and its channels.</summary>
    public static async Task<(Site Site, ChannelTree Tree)> LoadSiteAsync(GovPortalDbContext db, string siteCode,
        CancellationToken cancellationToken)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == siteCode, cancellationToken)
            ?? throw new PublishException(await db.Sites.AnyAsync(cancellationToken)
                ? $"找不到代码为“{siteCode}”的站点，无法发布。"
                : "站点尚未创建，无法发布。");
        return await WithChannelsAsync(db, site, cancellationToken);
    }

    /// <summary>The only site and its channels, where the caller has no site to name.</summary>
    public static async Task<(Site Site, ChannelTree Tree)> LoadSiteAsync(GovPortalDbContext db,
        CancellationToken cancellationToken)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).Take(2).ToListAsync(cancellationToken);
        if (sites.Count > 1)
            throw new InvalidOperationException("Several sites are configured: name the site to load.");
        var site = sites.FirstOrDefault() ?? throw new PublishException("站点尚未创建，无法发布。");
        return await WithChannelsAsync(db, site, cancellationToken);
    }

    private static async Task<(Site Site, ChannelTree Tree)> WithChannelsAsync(GovPortalDbContext db, Site site,
        CancellationToken cancellationToken)
    {
        var channels = await db.Channels.AsNoTracking().Where(c => c.SiteId == site.Id).ToListAsync(cancellationToken);
        return (site, new ChannelTree(channels));
    }

    /// <summary>Live articles that never got an address (imported or seeded) get their permanent one now.</summary>
    private async Task AssignMissingUrlsAsync(GovPortalDbContext db, Site site, ChannelTree tree,
        CancellationToken cancellationToken)
    {
        var missing = await db.Articles
            .Where(a => a.SiteId == site.Id && a.Status == ArticleStatus.Published && a.Url == null)
            .ToListAsync(cancellationToken);
        foreach (var article in missing)
            article.Url = ArticleUrls.Create(tree.PathOf(article.ChannelId), article.Id, article.PublishedAtUtc);
        if (missing.Count == 0) return;
        // Saved before the pages exist: a crash in between leaves the marker, and the next start publishes them.
        using var pending = BeginChange();
        await db.SaveChangesAsync(cancellationToken);
        pending.Saved();
    }
}
