using GovPortal.Content.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data.Disclosure;

/// <summary>
/// Gives out and records 索引号. A generated number takes the next value of its scope's counter
/// (<see cref="IndexNumberCounter"/>), never max()+1 over documents, so a deleted document's number is not given
/// again; every number used, generated or typed, is recorded in <see cref="IssuedIndexNumber"/>, whose unique index
/// keeps numbers unique within the site even when two editors save at the same moment.
/// </summary>
public static class IndexNumbers
{
    private const int Attempts = 20;

    /// <summary>
    /// The next number of <paramref name="pattern"/> for the organisation's code and year, recorded for
    /// <paramref name="articleId"/>; null when the scope has no numbers left (the message says so).
    /// </summary>
    public static async Task<(string? Number, string? Problem)> IssueAsync(GovPortalDbContext db, int siteId,
        int articleId, IndexNumberPattern pattern, string creditCode, int year, DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        var scope = pattern.Scope(creditCode, year);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var counter = await db.IndexNumberCounters
                .FirstOrDefaultAsync(c => c.SiteId == siteId && c.Scope == scope, cancellationToken);
            if (counter is null)
            {
                counter = new IndexNumberCounter { SiteId = siteId, Scope = scope };
                db.IndexNumberCounters.Add(counter);
            }
            if (counter.Last >= pattern.MaxSequence)
                return (null, $"“{scope}”的序号已用完（最多 {pattern.MaxSequence} 个），请在信息公开设置中改用位数更多的序号。");
            counter.Last++;
            var number = pattern.Format(creditCode, year, counter.Last);
            var issued = new IssuedIndexNumber
            {
                SiteId = siteId, Value = number, ArticleId = articleId, IssuedAtUtc = nowUtc,
            };
            db.IssuedIndexNumbers.Add(issued);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (number, null);
            }
            catch (DbUpdateException)
            {
                // Someone else moved the counter, or typed this very number earlier: forget ours and count on.
                db.Entry(issued).State = EntityState.Detached;
                db.Entry(counter).State = EntityState.Detached;
            }
        }
        return (null, "索引号生成失败（同时保存的文件过多），请稍后再保存一次。");
    }

    /// <summary>
    /// Records a number typed in for <paramref name="articleId"/>; refused when any other document of the site has
    /// ever used it.
    /// </summary>
    public static async Task<string?> RecordAsync(GovPortalDbContext db, int siteId, int articleId, string number,
        DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var holder = await db.IssuedIndexNumbers.AsNoTracking()
            .Where(i => i.SiteId == siteId && i.Value == number).Select(i => (int?)i.ArticleId)
            .FirstOrDefaultAsync(cancellationToken);
        if (holder == articleId) return null;
        if (holder is not null) return UsedMessage(number);
        var issued = new IssuedIndexNumber
        {
            SiteId = siteId, Value = number, ArticleId = articleId, IssuedAtUtc = nowUtc,
        };
        db.IssuedIndexNumbers.Add(issued);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            db.Entry(issued).State = EntityState.Detached;
            return UsedMessage(number);
        }
    }

    private static string UsedMessage(string number) =>
        $"索引号“{number}”已被本站其他文件使用过（包括已删除的文件），索引号不能重复使用。请留空以自动生成，或填写其他索引号。";
}
