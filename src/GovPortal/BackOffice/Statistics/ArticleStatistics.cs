using System.Globalization;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Statistics;

/// <summary>
/// The counts of one person in one channel in one month (China time): 投稿 (submissions for review, each one
/// counted, so a resubmission after a 退回 counts again), 采用 (articles published for the first time), 修订发布
/// (later publications of a live article's correction) and 退回 (rejections of their submissions).
/// </summary>
public sealed record WorkloadRow(int Month, int ChannelId, string Account, int Submitted, int Adopted, int Revised,
    int Rejected);

/// <summary>
/// 稿件统计 / 工作量统计, counted from the audit log, which keeps every submission, rejection and publication even
/// when the article was later withdrawn or deleted, and cannot be changed. Each entry is attributed to the person
/// and channel of the article's revision at that moment: the one who submitted it (or wrote it, for a 紧急发布
/// without review).
/// </summary>
public static class ArticleStatistics
{
    private static readonly string[] Counted =
    [
        AuditActions.ArticleSubmitted, AuditActions.ArticleRejected, AuditActions.ArticlePublished,
        AuditActions.ArticleForcePublished,
    ];

    /// <summary>
    /// The rows of <paramref name="year"/> (one month of it when <paramref name="month"/> is given) for the articles
    /// of <paramref name="channels"/>.
    /// </summary>
    public static async Task<List<WorkloadRow>> ComputeAsync(GovPortalDbContext db, IReadOnlySet<int> channels,
        int year, int? month, CancellationToken cancellationToken = default)
    {
        var from = ChinaTime.ToUtc(year, month ?? 1, 1, 0, 0);
        var to = month is { } m && m < 12
            ? ChinaTime.ToUtc(year, m + 1, 1, 0, 0)
            : ChinaTime.ToUtc(year + 1, 1, 1, 0, 0);
        // Read by action and then filtered by time here: the providers store times differently.
        var entries = (await db.AuditEntries.AsNoTracking().Where(e => Counted.Contains(e.Action))
                .Select(e => new { e.Id, e.AtUtc, e.Action, e.Target }).ToListAsync(cancellationToken))
            .Select(e => (e.Id, e.AtUtc, e.Action, Article: ArticleIdOf(e.Target)))
            .Where(e => e.Article is not null && e.AtUtc < to).ToList();
        // An article's first publication ever is its 采用; every later one is a 修订发布. The log's order decides
        // (two entries can carry the same time).
        var firstPublished = entries.Where(e => IsPublication(e.Action))
            .GroupBy(e => e.Article!.Value).ToDictionary(g => g.Key, g => g.Min(e => e.Id));
        var inPeriod = entries.Where(e => e.AtUtc >= from).ToList();
        var ids = inPeriod.Select(e => e.Article!.Value).Distinct().ToList();
        var revisions = (await db.Revisions.AsNoTracking().Where(r => ids.Contains(r.ArticleId))
                .Select(r => new Authored(r.ArticleId, r.Number, r.ChannelId, r.CreatedAtUtc, r.SubmittedBy,
                    r.CreatedBy))
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Number).ToList());

        var counts = new Dictionary<(int Month, int Channel, string Account), int[]>();
        foreach (var entry in inPeriod)
        {
            var id = entry.Article!.Value;
            // The revision in the workflow then: the newest made before the entry (purged articles have none).
            if (!revisions.TryGetValue(id, out var history)) continue;
            var revision = history.LastOrDefault(r => r.CreatedAtUtc <= entry.AtUtc) ?? history[0];
            if (!channels.Contains(revision.ChannelId)) continue;
            var person = revision.SubmittedBy.Length > 0 ? revision.SubmittedBy : revision.CreatedBy;
            var key = (ChinaTime.ToChina(entry.AtUtc).Month, revision.ChannelId, person.ToLowerInvariant());
            if (!counts.TryGetValue(key, out var row)) counts[key] = row = new int[4];
            row[entry.Action switch
            {
                AuditActions.ArticleSubmitted => 0,
                AuditActions.ArticleRejected => 3,
                _ => firstPublished[id] == entry.Id ? 1 : 2,
            }]++;
        }
        return counts.Select(c => new WorkloadRow(c.Key.Month, c.Key.Channel, c.Key.Account, c.Value[0], c.Value[1],
                c.Value[2], c.Value[3]))
            .OrderBy(r => r.Month).ThenBy(r => r.ChannelId).ThenBy(r => r.Account, StringComparer.Ordinal).ToList();
    }

    private static bool IsPublication(string action) =>
        action is AuditActions.ArticlePublished or AuditActions.ArticleForcePublished;

    /// <summary>The article of an entry's target ("文章 17"), or null.</summary>
    private static int? ArticleIdOf(string target) =>
        target.StartsWith("文章 ", StringComparison.Ordinal)
        && int.TryParse(target.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private sealed record Authored(int ArticleId, int Number, int ChannelId, DateTime CreatedAtUtc,
        string SubmittedBy, string CreatedBy);
}
