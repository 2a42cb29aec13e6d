using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Content.Submissions;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Submissions;

/// <summary>A submission as the lists show it, from the side of the site looking at it.</summary>
/// <param name="Incoming">Received by this site (else sent by it).</param>
/// <param name="OriginalUrl">The sent article's public page on the sending site.</param>
/// <param name="MayDecide">The person may accept or return it (received, waiting, in a channel they review).</param>
public sealed record SubmissionRow(int Id, int Version, string Title, bool Incoming, string FromSite, string ToSite,
    string ToChannel, SubmissionState State, string Note, string SubmittedBy, DateTime SubmittedAtUtc,
    string DecidedBy, DateTime? DecidedAtUtc, string ReturnComment, int FromArticleId, int? AcceptedArticleId,
    string OriginalUrl, bool MayDecide);

/// <summary>The 采用数 of one other site in one month: what was sent, accepted, returned and is still waiting.</summary>
public sealed record SubmissionCount(string Site, int Month, int Sent, int Accepted, int Returned, int Pending);

/// <summary>What a site sees of 信息报送: its queue, what it sent, one submission, and the counts of a year.</summary>
public sealed class SubmissionQueries(DatabaseOptions database)
{
    /// <summary>The site's submissions, received or sent, newest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<SubmissionRow>> ListAsync(Staff actor, bool incoming, int limit = 200,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var own = await db.CurrentSiteIdAsync(cancellationToken);
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => incoming ? s.ToSiteId == own : s.FromSiteId == own)
            .OrderBy(s => s.State == SubmissionState.Pending ? 0 : 1).ThenByDescending(s => s.SubmittedAtUtc)
            .ThenByDescending(s => s.Id)
            .Take(limit).ToListAsync(cancellationToken);
        return await RowsAsync(db, actor, own, rows, cancellationToken);
    }

    /// <summary>One submission this site sent or received, with the sent article as it is live now.</summary>
    public async Task<(SubmissionRow Row, Article? Original)?> OneAsync(Staff actor, int id,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var own = await db.CurrentSiteIdAsync(cancellationToken);
        var submission = await db.Submissions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == id && (s.ToSiteId == own || s.FromSiteId == own), cancellationToken);
        if (submission is null) return null;
        var original = await db.Articles.IgnoreQueryFilters([GovPortalDbContext.SiteFilter]).AsNoTracking()
            .Include(a => a.RelatedFiles)
            .FirstOrDefaultAsync(a => a.Id == submission.FromArticleId && a.SiteId == submission.FromSiteId,
                cancellationToken);
        var row = (await RowsAsync(db, actor, own, [submission], cancellationToken))[0];
        return (row, original is { Status: ArticleStatus.Published } ? original : null);
    }

    /// <summary>
    /// The counts of <paramref name="year"/> by the other site and the month the article was sent (China time):
    /// received from each sending site, or sent to each receiving one.
    /// </summary>
    public async Task<IReadOnlyList<SubmissionCount>> CountsAsync(bool incoming, int year,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var own = await db.CurrentSiteIdAsync(cancellationToken);
        var from = ChinaTime.ToUtc(year, 1, 1, 0, 0);
        var to = ChinaTime.ToUtc(year + 1, 1, 1, 0, 0);
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => (incoming ? s.ToSiteId == own : s.FromSiteId == own)
                && s.SubmittedAtUtc >= from && s.SubmittedAtUtc < to)
            .Select(s => new { Other = incoming ? s.FromSiteId : s.ToSiteId, s.SubmittedAtUtc, s.State })
            .ToListAsync(cancellationToken);
        var names = await SiteNamesAsync(db, cancellationToken);
        return rows.GroupBy(r => (r.Other, ChinaTime.ToChina(r.SubmittedAtUtc).Month))
            .Select(g => new SubmissionCount(names.GetValueOrDefault(g.Key.Other, ""), g.Key.Month, g.Count(),
                g.Count(r => r.State == SubmissionState.Accepted), g.Count(r => r.State == SubmissionState.Returned),
                g.Count(r => r.State == SubmissionState.Pending)))
            .OrderBy(c => c.Month).ThenByDescending(c => c.Accepted).ThenBy(c => c.Site, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<List<SubmissionRow>> RowsAsync(GovPortalDbContext db, Staff actor, int own,
        IReadOnlyList<Submission> submissions, CancellationToken cancellationToken)
    {
        var sites = await db.Sites.IgnoreQueryFilters([GovPortalDbContext.SiteFilter]).AsNoTracking()
            .Select(s => new { s.Id, s.Name, s.BaseUrl }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var channelIds = submissions.Select(s => s.ToChannelId).Distinct().ToList();
        var channels = await db.Channels.IgnoreQueryFilters([GovPortalDbContext.SiteFilter]).AsNoTracking()
            .Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var articleIds = submissions.Select(s => s.FromArticleId).Distinct().ToList();
        var urls = await db.Articles.IgnoreQueryFilters([GovPortalDbContext.SiteFilter]).AsNoTracking()
            .Where(a => articleIds.Contains(a.Id)).Select(a => new { a.Id, a.SiteId, a.Url })
            .ToListAsync(cancellationToken);
        return submissions.Select(s =>
        {
            var url = urls.FirstOrDefault(u => u.Id == s.FromArticleId && u.SiteId == s.FromSiteId)?.Url;
            var sender = sites.GetValueOrDefault(s.FromSiteId);
            var incoming = s.ToSiteId == own;
            return new SubmissionRow(s.Id, s.Version, s.Title, incoming, sender?.Name ?? "",
                sites.GetValueOrDefault(s.ToSiteId)?.Name ?? "", channels.GetValueOrDefault(s.ToChannelId, ""),
                s.State, s.Note, s.SubmittedBy, s.SubmittedAtUtc, s.DecidedBy, s.DecidedAtUtc, s.ReturnComment,
                s.FromArticleId, s.AcceptedArticleId,
                url is null || sender is null ? "" : ExternalLinks.Absolute(sender.BaseUrl.TrimEnd('/'), url),
                incoming && s.State == SubmissionState.Pending && (actor.Can(StaffRoles.Reviewer, s.ToChannelId)
                    || actor.Can(StaffRoles.Publisher, s.ToChannelId)));
        }).ToList();
    }

    private static Task<Dictionary<int, string>> SiteNamesAsync(GovPortalDbContext db,
        CancellationToken cancellationToken) =>
        db.Sites.IgnoreQueryFilters([GovPortalDbContext.SiteFilter]).AsNoTracking()
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
}
