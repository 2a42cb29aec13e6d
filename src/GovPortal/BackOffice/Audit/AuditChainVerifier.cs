using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Audit;

/// <summary>
/// Walks the audit chain in order and recomputes every link: a changed field, a deleted row, an inserted row or two
/// rows swapped each break it at the entry where they happened. Read only; streamed, so a large log stays small in
/// memory. After a break the walk goes on from the entry as it is, so each later problem is named too.
/// </summary>
public sealed class AuditChainVerifier(DatabaseOptions database, TimeProvider time)
{
    /// <summary>Past this many problems the log is plainly rewritten; the report stops listing.</summary>
    public const int MaxBreaks = 50;

    public async Task<AuditChainReport> VerifyAsync(AuditAnchorCheck? recorded = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var anchor = await db.AuditChainAnchors.AsNoTracking().OrderByDescending(a => a.PrunedThroughSequence)
            .FirstOrDefaultAsync(cancellationToken);
        var walk = new Walk(anchor, recorded);
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null)
                           .OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            walk.Check(entry);
            if (walk.Breaks.Count >= MaxBreaks) break;
        }

        var unchained = await db.AuditEntries.LongCountAsync(e => e.Sequence == null, cancellationToken);
        if (walk.FirstEntryId is { } start)
            foreach (var id in await db.AuditEntries.Where(e => e.Sequence == null && e.Id > start)
                         .OrderBy(e => e.Id).Select(e => e.Id).Take(MaxBreaks).ToListAsync(cancellationToken))
                walk.Breaks.Add(new AuditChainBreak(null, id,
                    "这条记录没有哈希，却写在哈希链开始之后：它是绕过门户直接插入数据库的。"));
        walk.CheckRecordedAnchorFound();

        return new AuditChainReport(time.GetUtcNow().UtcDateTime, walk.Verified, walk.FirstSequence,
            walk.LastSequence, walk.LastHash, walk.LastAlgorithm, unchained, anchor, walk.Breaks);
    }

    private sealed class Walk(AuditChainAnchor? anchor, AuditAnchorCheck? recorded)
    {
        private long _expectedSequence = anchor is null ? 1 : anchor.PrunedThroughSequence + 1;
        private string _expectedPrevious = anchor?.LastPrunedHash ?? AuditChainHash.Start;
        private long _lastId;
        private bool _recordedFound;

        public List<AuditChainBreak> Breaks { get; } = [];
        public long Verified { get; private set; }
        public long? FirstSequence { get; private set; }
        public long? FirstEntryId { get; private set; }
        public long? LastSequence { get; private set; }
        public string? LastHash { get; private set; }
        public string? LastAlgorithm { get; private set; }

        public void Check(AuditEntry entry)
        {
            var sequence = entry.Sequence!.Value;
            FirstSequence ??= sequence;
            FirstEntryId ??= entry.Id;
            var problem = Problem(entry, sequence);
            if (problem is not null) Breaks.Add(new AuditChainBreak(sequence, entry.Id, problem));
            if (recorded is { } check && check.Sequence == sequence)
            {
                _recordedFound = true;
                if (!string.Equals(check.Hash, entry.Hash, StringComparison.OrdinalIgnoreCase))
                    Breaks.Add(new AuditChainBreak(sequence, entry.Id,
                        "哈希与此前另行记下的不同：这条记录和它之前的记录被整体改写过。"));
            }
            _expectedSequence = sequence + 1;
            _expectedPrevious = entry.Hash ?? "";
            _lastId = entry.Id;
            Verified++;
            LastSequence = sequence;
            LastHash = entry.Hash;
            LastAlgorithm = entry.Algorithm;
        }

        // One problem per entry, the most telling first: a gap explains a wrong previous hash as well.
        private string? Problem(AuditEntry entry, long sequence)
        {
            if (sequence > _expectedSequence)
                return sequence - 1 == _expectedSequence
                    ? $"它前面的第 {_expectedSequence} 条记录缺失（被删除）。"
                    : $"它前面的第 {_expectedSequence}–{sequence - 1} 条记录缺失（被删除）。";
            if (sequence < _expectedSequence) return "序号与前一条重复：有记录被插入。";
            if (entry.Id <= _lastId) return "记录的编号顺序与链的顺序不一致：记录被调换过顺序或被重新插入。";
            if (!AuditChainHash.IsKnown(entry.Algorithm) || entry.Hash is null || entry.PreviousHash is null)
                return $"缺少哈希或算法“{entry.Algorithm}”无法识别：记录被改动过。";
            if (!string.Equals(entry.PreviousHash, _expectedPrevious, StringComparison.Ordinal))
                return "它记载的“前一条哈希”与链中前一条记录不符：其间的记录被删除、插入或调换了顺序，"
                       + "或前一条被修改后重新计算了哈希。";
            if (!string.Equals(AuditChainHash.Compute(entry), entry.Hash, StringComparison.Ordinal))
                return "记录的内容与它的哈希不符：时间、账号、IP 地址、操作、对象或详情被修改过。";
            return null;
        }

        public void CheckRecordedAnchorFound()
        {
            if (recorded is not { } check || _recordedFound) return;
            if (anchor is not null && check.Sequence <= anchor.PrunedThroughSequence)
            {
                // Pruned on purpose: only the last pruned entry's hash is still in the database to compare.
                if (check.Sequence == anchor.PrunedThroughSequence
                    && !string.Equals(check.Hash, anchor.LastPrunedHash, StringComparison.OrdinalIgnoreCase))
                    Breaks.Add(new AuditChainBreak(check.Sequence, null,
                        "此前另行记下的哈希与清理记录中保存的不同：清理记录被改写过。"));
                return;
            }
            Breaks.Add(new AuditChainBreak(check.Sequence, null,
                "此前另行记下的这条记录已不在日志中：日志末尾的记录被删除了。"));
        }
    }
}
