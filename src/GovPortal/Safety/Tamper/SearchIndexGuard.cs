using GovPortal.Search;

namespace GovPortal.Safety.Tamper;

/// <summary>
/// 网页防篡改 for the search index: the tamper sweep compares the index's files with the checksums recorded at its last
/// commit; a changed or deleted file is reported like a tampered page and the index is rebuilt from the database
/// (by whoever <see cref="ISearchIndexRebuilder"/> is: the publisher, wired in by the host), so search results come
/// from the published articles again.
/// </summary>
public sealed class SearchIndexGuard(SearchIndex index, TamperAlerts alerts, ISearchIndexRebuilder rebuilder,
    ILogger<SearchIndexGuard> logger)
{
    /// <returns>How many index files were found changed or missing.</returns>
    public async Task<int> SweepAsync(bool full, CancellationToken cancellationToken = default)
    {
        var problems = await index.VerifyFilesAsync(full, cancellationToken);
        foreach (var (file, missing) in problems)
            alerts.Raise(missing ? TamperKind.Missing : TamperKind.Modified, "search/" + file,
                missing ? "站内搜索索引文件被删除，已从数据库重建索引。" : "站内搜索索引文件与提交时记录的校验值不符，已从数据库重建索引。");
        if (problems.Count == 0) return 0;
        var count = await rebuilder.RebuildSearchIndexAsync(cancellationToken);
        logger.LogWarning("Search index rebuilt after tampering: {Count} articles", count);
        return problems.Count;
    }
}
