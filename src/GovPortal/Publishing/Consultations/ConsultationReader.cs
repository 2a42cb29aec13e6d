using GovPortal.Content;
using GovPortal.Content.Consultations;
using GovPortal.Data;
using GovPortal.Theme;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing.Consultations;

/// <summary>
/// Reads a site's consultations (意见征集) as their pages show them at <c>nowUtc</c>: the state by the clock, and the
/// linked document or article only while it is live (a withdrawn one is not linked).
/// </summary>
public static class ConsultationReader
{
    public static async Task<List<ConsultationView>> AllAsync(GovPortalDbContext db, int siteId, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.SiteId == siteId)
            .OrderByDescending(c => c.StartsAtUtc).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        var articleIds = consultations.Where(c => c.ArticleId is not null).Select(c => c.ArticleId!.Value)
            .Distinct().ToList();
        var linked = await db.Articles.AsNoTracking()
            .Where(a => articleIds.Contains(a.Id) && a.SiteId == siteId && a.Status == ArticleStatus.Published
                        && a.Url != null)
            .Select(a => new { a.Id, a.Title, a.Url }).ToDictionaryAsync(a => a.Id, cancellationToken);
        return
        [
            .. consultations.Select(c => new ConsultationView(c.Id, c.Title, c.Summary, c.DraftHtml, c.StartsAtUtc,
                c.EndsAtUtc, ConsultationPeriod.StateAt(c.StartsAtUtc, c.EndsAtUtc, c.FeedbackPublishedAtUtc, nowUtc),
                c.ArticleId is { } id && linked.TryGetValue(id, out var article)
                    ? new LinkItem(article.Title, article.Url!) : null,
                c.FeedbackPublishedAtUtc is null ? "" : c.FeedbackHtml, c.FeedbackPublishedAtUtc)),
        ];
    }
}
