using GovPortal.Search;
using GovPortal.Storage;

namespace GovPortal.Safety.Tamper;

/// <summary>
/// 网页防篡改 for the search index: the tamper sweep compares the index's files with the checksums recorded at its last
/// commit; a changed or deleted file is reported like a tampered page and the index is rebuilt from the database
/// (by whoever <see cref="ISearchIndexRebuilder"/> is: the publisher, wired in by the host), so search results come
/// from the published articles again.
/// </summary>
/// <remarks>
/// Searches read only the commit recorded at the last commit, and every other file in the index folder (a newer
/// commit, anything dropped there) is reported as tampering, moved to quarantine, and the index rebuilt.
/// </remarks>
public sealed class SearchIndexGuard(SearchIndex index, TamperAlerts alerts, ISearchIndexRebuilder rebuilder,
    PortalPaths paths, TimeProvider time, ILogger<SearchIndexGuard> logger)
{
    /// <returns>How many index files were found changed, missing or unknown.</returns>
    public async Task<int> SweepAsync(bool full, CancellationToken cancellationToken = default)
    {
        var problems = await index.VerifyFilesAsync(full, cancellationToken);
        foreach (var (file, problem) in problems)
        {
            var (kind, detail) = problem switch
            {
                IndexFileProblem.Missing => (TamperKind.Missing, "站内搜索索引文件被删除，已从数据库重建索引。"),
                IndexFileProblem.Modified => (TamperKind.Modified, "站内搜索索引文件与提交时记录的校验值不符，已从数据库重建索引。"),
                _ => (TamperKind.Unpublished,
                    $"站内搜索索引目录中出现不属于已记录提交的文件（{Quarantine(file)}），搜索只读取已记录的提交，已从数据库重建索引。"),
            };
            alerts.Raise(kind, "search/" + file, detail, index.SiteCode);
        }
        if (problems.Count == 0) return 0;
        var count = await rebuilder.RebuildSearchIndexAsync(cancellationToken);
        logger.LogWarning("Search index rebuilt after tampering: {Count} articles", count);
        return problems.Count;
    }

    /// <summary>Moves an unknown file (a link as itself) out of the index folder; says where it went.</summary>
    private string Quarantine(string file)
    {
        var source = Path.Combine(index.DirectoryPath, file);
        var stamp = time.GetUtcNow().UtcDateTime
            .ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var target = Path.Combine(paths.QuarantineDirectory, $"{stamp}-{Guid.NewGuid().ToString("N")[..8]}",
            "search", file);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (new FileInfo(source).LinkTarget is { } pointsAt)
            {
                File.CreateSymbolicLink(target, pointsAt);
                File.Delete(source);
            }
            else if (Directory.Exists(source)) Directory.Move(source, target);
            else File.Move(source, target);
            return "已移入隔离区：" + target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Could not move {File} out of the search index folder", file);
            return $"无法移入隔离区：{e.Message}";
        }
    }
}
