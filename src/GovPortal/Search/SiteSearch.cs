using System.Globalization;
using System.Text.Json;
using GovPortal.Content;
using GovPortal.Publishing.Output;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace GovPortal.Search;

/// <summary>
/// Answers searches from the index in one site's published output. Needs no database: channel names and the site's
/// frame come from the index's own commit. Sees the publisher's commits at once in this process, and within half a
/// second when another process (a public node) wrote them.
/// </summary>
public sealed class SiteSearch : IDisposable
{
    private const string DocumentKindKey = Content.Kinds.DocumentKind.Key;
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);

    private readonly OutputLayout _layout;
    private readonly QueryWords _words = new();
    private readonly SearchQueryBuilder _queries = new();
    private readonly TimeProvider _time;
    private readonly ILogger<SiteSearch> _logger;
    private readonly System.Threading.Lock _lock = new();
    private FSDirectory? _directory;
    private ReferenceManager<IndexSearcher>? _manager;
    private long _lastRefresh;
    private CachedSite? _site;

    public SiteSearch(OutputLayout layout, TimeProvider time, ILogger<SiteSearch> logger, SearchIndex? writer = null)
    {
        _layout = layout;
        _time = time;
        _logger = logger;
        if (writer is not null) writer.Committed += Refresh;
    }

    /// <summary>How many matches a search ranks; a knob for tests, which use small indexes.</summary>
    public SearchRanking Ranking { get; init; } = SearchRanking.Default;

    public SearchResults Search(SearchRequest request)
    {
        var parts = _words.Split(request.MatchText);
        var words = parts.SelectMany(p => p.Words).Distinct().ToList();
        var notices = request.Notices.ToList();
        ReferenceManager<IndexSearcher>? manager;
        try
        {
            manager = Manager();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged index: the portal rebuilds it at its next start (or `reindex`); readers get a notice.
            _logger.LogError(e, "The search index cannot be opened");
            manager = null;
        }
        if (manager is null)
        {
            notices.Add("站内搜索的索引尚未建立或正在重建，请稍后再试。");
            return new SearchResults(request, null, words, 0, [], notices);
        }

        var searcher = manager.Acquire();
        try
        {
            var site = SiteOf(searcher);
            if (request.ChannelId is { } channelId && site?.Channels.All(c => c.Id != channelId) == true)
            {
                notices.Add("所选栏目不存在，已在全站范围内查找。");
                request = request with { ChannelId = null };
            }
            var numberKey = NumberKeys.Of(request.MatchText);
            if (words.Count == 0 && !request.HasFilters && numberKey.Length == 0)
            {
                if (request.Query.Length > 0) notices.Add("检索词中没有可查找的文字，请输入汉字、字母或数字。");
                return new SearchResults(request, site, words, 0, [], notices);
            }

            var (query, sort) = Compose(request, parts, words, numberKey);
            var top = Ranking.Rank(searcher, query, sort, request.Page * SearchRequest.PageSize);
            var hits = top.Hits.Skip((request.Page - 1) * SearchRequest.PageSize)
                .Select(d => Hit(searcher.Doc(d.Doc), words, site)).ToList();
            return Answer(request, site, words, top, hits, notices);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>Another site of the platform, searched with this one (站群搜索).</summary>
    public sealed record PlatformSite(SiteSearch Search, string Name, string BaseUrl);

    /// <summary>
    /// 站群搜索: this site's index and <paramref name="others"/>' read as one (a Lucene MultiReader over each site's
    /// current version), so relevance and paging are those of one search; each hit names its site, and another site's
    /// hits link to its own address. Each index stays its own: nothing is copied. Channels are a site's own, so a
    /// channel filter does not apply here.
    /// </summary>
    /// <param name="name">This site's name, which its own hits show.</param>
    public SearchResults SearchPlatform(SearchRequest request, string name, IReadOnlyList<PlatformSite> others)
    {
        if (request.ChannelId is not null)
            request = request with { ChannelId = null, Notices =
                [.. request.Notices, "在全部站点中查找时不按栏目筛选，已在全部栏目中查找。"] };
        var parts = _words.Split(request.MatchText);
        var words = parts.SelectMany(p => p.Words).Distinct().ToList();
        var notices = request.Notices.ToList();
        var own = Manager();
        if (own is null) return Search(request with { AllSites = false });
        var opened = new List<(ReferenceManager<IndexSearcher> Manager, IndexSearcher Searcher, SearchSiteInfo? Info,
            PlatformSite? Site)>();
        try
        {
            var ownSearcher = own.Acquire();
            opened.Add((own, ownSearcher, SiteOf(ownSearcher), null));
            foreach (var other in others)
            {
                // A site whose index cannot be read now is left out of this search, not the whole search.
                try
                {
                    if (other.Search.Manager() is not { } manager) continue;
                    var searcher = manager.Acquire();
                    opened.Add((manager, searcher, other.Search.SiteOf(searcher), other));
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    _logger.LogWarning(e, "The search index of {Site} is left out of a platform search", other.Name);
                }
            }
            var numberKey = NumberKeys.Of(request.MatchText);
            var home = opened[0].Info;
            if (words.Count == 0 && !request.HasFilters && numberKey.Length == 0)
            {
                if (request.Query.Length > 0) notices.Add("检索词中没有可查找的文字，请输入汉字、字母或数字。");
                return new SearchResults(request, home, words, 0, [], notices);
            }
            using var all = new MultiReader(opened.Select(o => o.Searcher.IndexReader).ToArray(),
                closeSubReaders: false);
            var platform = new IndexSearcher(all);
            var starts = new int[opened.Count];
            for (var i = 1; i < opened.Count; i++)
                starts[i] = starts[i - 1] + opened[i - 1].Searcher.IndexReader.MaxDoc;
            var (query, sort) = Compose(request, parts, words, numberKey);
            var top = Ranking.Rank(platform, query, sort, request.Page * SearchRequest.PageSize);
            var hits = top.Hits.Skip((request.Page - 1) * SearchRequest.PageSize).Select(d =>
            {
                var index = Array.FindLastIndex(starts, start => start <= d.Doc);
                var (_, _, info, site) = opened[index];
                var hit = Hit(platform.Doc(d.Doc), words, info);
                return site is null
                    ? hit with { SiteName = name }
                    : hit with
                    {
                        SiteName = site.Name, Url = site.BaseUrl + hit.Url,
                        FileUrl = hit.FileUrl is null ? null : site.BaseUrl + hit.FileUrl,
                    };
            }).ToList();
            return Answer(request, home, words, top, hits, notices);
        }
        finally
        {
            foreach (var (manager, searcher, _, _) in opened) manager.Release(searcher);
        }
    }

    private static SearchResults Answer(SearchRequest request, SearchSiteInfo? site, IReadOnlyList<string> words,
        RankedHits top, List<SearchHit> hits, List<string> notices)
    {
        if (hits.Count == 0 && top.Total > 0) notices.Add("该页没有结果，请返回前面的页面查看。");
        if (top.Ranked is { } ranked)
            notices.Add($"结果很多，以下是其中最新发布的 {ranked.ToString("N0", CultureInfo.InvariantCulture)} 条，" +
                $"按{OrderName(request)}排列；查找更早的内容请加检索词或选择日期范围。");
        return new SearchResults(request, site, words, top.Total, hits, notices) { Ranked = top.Ranked };
    }

    private static string OrderName(SearchRequest request) =>
        request.Order == SearchOrder.Newest ? "发布时间" : "相关度";

    private (Query Query, Sort Sort) Compose(SearchRequest request, IReadOnlyList<QueryPart> parts,
        IReadOnlyList<string> words, string numberKey)
    {
        var query = Filtered(WithNumber(_queries.Build(parts), numberKey) ?? new MatchAllDocsQuery(), request);
        var sort = request.Order == SearchOrder.Newest || words.Count == 0
            ? SearchSorts.Newest
            : SearchSorts.Relevance(parts, numberKey);
        return (query, sort);
    }

    /// <summary>Makes the latest commit visible to the next search.</summary>
    public void Refresh()
    {
        try
        {
            Manager()?.MaybeRefreshBlocking();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _logger.LogWarning(e, "Refreshing the search index failed; searches keep the previous version");
        }
    }

    /// <summary>
    /// A query that is a 发文字号 or 索引号 (however its brackets were typed) also finds the document with that exact
    /// number, even where its words are not in it; by relevance that document comes first (<see cref="Prominence"/>).
    /// </summary>
    private static Query? WithNumber(Query? words, string numberKey)
    {
        if (numberKey.Length == 0) return words;
        var number = new TermQuery(new Term(SearchFields.NumberKey, numberKey));
        if (words is null) return number;
        var either = new BooleanQuery();
        either.Add(words, Occur.SHOULD);
        either.Add(number, Occur.SHOULD);
        return either;
    }

    private static Query Filtered(Query query, SearchRequest request)
    {
        var filters = new BooleanQuery();
        if (request.DocumentsOnly)
            filters.Add(new TermQuery(new Term(SearchFields.Kind, DocumentKindKey)), Occur.MUST);
        if (request.Validity is { } validity)
            filters.Add(new TermQuery(new Term(SearchFields.Validity, validity.ToString())), Occur.MUST);
        if (request.ChannelId is { } channel)
            filters.Add(new TermQuery(new Term(SearchFields.Scope, channel.ToString(CultureInfo.InvariantCulture))),
                Occur.MUST);
        if (request.From is not null || request.To is not null)
        {
            long? from = request.From is { } f ? ChinaTime.ToUtc(f.Year, f.Month, f.Day, 0, 0).Ticks : null;
            long? to = request.To is { } t ? ChinaTime.ToUtc(t.Year, t.Month, t.Day, 0, 0).AddDays(1).Ticks - 1 : null;
            filters.Add(NumericRangeQuery.NewInt64Range(SearchFields.Date, from, to, true, true), Occur.MUST);
        }
        return filters.Clauses.Count == 0 ? query : new FilteredQuery(query, new QueryWrapperFilter(filters));
    }

    private static SearchHit Hit(Lucene.Net.Documents.Document document, IReadOnlyList<string> words,
        SearchSiteInfo? site)
    {
        var title = document.Get(SearchFields.Title);
        var text = document.Get(SearchFields.Text) ?? "";
        var channelId = document.GetField(SearchFields.Channel).GetInt32Value() ?? 0;
        string? fileName = null, fileUrl = null;
        var snippet = Snippets.Excerpt(text, words);
        if (snippet is null && !words.Any(w => title.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            // Not in the article itself: name the related file that holds the words.
            var files = document.GetValues(SearchFields.File);
            var names = document.GetValues(SearchFields.FileName);
            var urls = document.GetValues(SearchFields.FileUrl);
            for (var i = 0; i < files.Length && snippet is null; i++)
            {
                snippet = Snippets.Excerpt(files[i], words);
                if (snippet is not null) (fileName, fileUrl) = (names[i], urls[i]);
            }
        }
        return new SearchHit(
            int.Parse(document.Get(SearchFields.Id), CultureInfo.InvariantCulture), title,
            Snippets.Highlight(title, words),
            document.Get(SearchFields.Url), channelId, site?.ChannelName(channelId) ?? "",
            new DateTime(document.GetField(SearchFields.Date).GetInt64Value() ?? 0, DateTimeKind.Utc),
            snippet ?? Snippets.Opening(text), fileName, fileUrl)
        {
            IndexNumber = document.Get(SearchFields.IndexNumber),
            DocumentNumber = document.Get(SearchFields.DocumentNumber),
            Validity = Enum.TryParse<Content.Disclosure.DocumentValidity>(document.Get(SearchFields.Validity),
                out var validity) ? validity : null,
        };
    }

    private SearchSiteInfo? SiteOf(IndexSearcher searcher)
    {
        var reader = (DirectoryReader)searcher.IndexReader;
        var cached = Volatile.Read(ref _site);
        if (cached is not null && cached.Version == reader.Version) return cached.Info;
        var info = reader.IndexCommit.UserData.TryGetValue(SearchFields.SiteInfoKey, out var json)
            ? JsonSerializer.Deserialize<SearchSiteInfo>(json)
            : null;
        Volatile.Write(ref _site, new CachedSite(reader.Version, info));
        return info;
    }

    /// <summary>
    /// The site info of one index version, swapped whole so that a reader never sees a version with another's info.
    /// </summary>
    private sealed record CachedSite(long Version, SearchSiteInfo? Info);

    private ReferenceManager<IndexSearcher>? Manager()
    {
        var manager = _manager;
        if (manager is not null)
        {
            var now = _time.GetTimestamp();
            if (_time.GetElapsedTime(Interlocked.Read(ref _lastRefresh), now) >= RefreshInterval)
            {
                Interlocked.Exchange(ref _lastRefresh, now);
                // Picks up commits by another process; cheap when nothing changed.
                try { manager.MaybeRefresh(); }
                catch (Exception e) when (e is IOException)
                {
                    _logger.LogWarning(e, "Checking the search index for changes failed");
                }
            }
            return manager;
        }
        lock (_lock)
        {
            if (_manager is not null) return _manager;
            if (!System.IO.Directory.Exists(_layout.SearchIndexDirectory)) return null;
            _directory ??= SearchDirectory.Open(_layout.SearchIndexDirectory);
            if (!DirectoryReader.IndexExists(_directory)) return null;
            _lastRefresh = _time.GetTimestamp();
            // The commit the publisher recorded, never a newer one someone else put in the folder.
            return _manager = new RecordedCommitSearchers(_directory,
                new SearchIndexChecksums(_layout.SearchIndexDirectory, _layout.SearchChecksumsFile));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _manager?.Dispose();
            _directory?.Dispose();
        }
    }
}
