using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Articles;

/// <summary>工作台: what is waiting for the person signed in.</summary>
public static class DashboardEndpoints
{
    public static void MapDashboard(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (HttpContext context, BackOfficePages pages, DatabaseOptions database,
            Letters.LetterOffice letters) =>
        {
            var staff = await pages.StaffAsync(context);
            await using var db = database.CreateContext();
            var names = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name);
            var channels = staff.Channels.ToList();
            var working = await db.Revisions.AsNoTracking()
                .Where(r => (r.State == RevisionState.Draft || r.State == RevisionState.Submitted
                             || r.State == RevisionState.Rejected || r.State == RevisionState.Approved
                             || r.State == RevisionState.Scheduled)
                            && channels.Contains(r.ChannelId)
                            && db.Articles.Any(a => a.Id == r.ArticleId)) // not in the 回收站
                .Select(r => new
                {
                    r.ArticleId, r.Number, r.Title, r.ChannelId, r.State, r.CreatedBy, r.UpdatedBy, r.UpdatedAtUtc,
                    r.SubmittedBy, r.ApprovedBy, r.RejectedBy, r.RejectionComment, r.PassedLevels, r.RequiredLevels,
                    r.ScheduledAtUtc,
                })
                .ToListAsync(context.RequestAborted);
            var people = await StaffNames.LoadAsync(db, context.RequestAborted);
            var me = staff.UserName;
            bool Mine(string name) => string.Equals(name, me, StringComparison.OrdinalIgnoreCase);

            var drafts = working
                .Where(r => r.State == RevisionState.Draft && (Mine(r.CreatedBy) || Mine(r.UpdatedBy))
                            && staff.Is(StaffRoles.Editor))
                .OrderByDescending(r => r.UpdatedAtUtc)
                .Select(r => new ArticleRow(r.ArticleId, r.Number, r.Title, names[r.ChannelId], r.State,
                    people.Of(r.UpdatedBy), r.UpdatedAtUtc, ""))
                .ToList();
            var rejected = working
                .Where(r => r.State == RevisionState.Rejected
                            && (Mine(r.SubmittedBy) || Mine(r.CreatedBy) || Mine(r.UpdatedBy))
                            && staff.Is(StaffRoles.Editor))
                .OrderByDescending(r => r.UpdatedAtUtc)
                .Select(r => new ArticleRow(r.ArticleId, r.Number, r.Title, names[r.ChannelId], r.State,
                    people.Of(r.RejectedBy), r.UpdatedAtUtc, r.RejectionComment))
                .ToList();
            var toReview = working
                .Where(r => r.State == RevisionState.Submitted && staff.Is(StaffRoles.Reviewer) && !Mine(r.SubmittedBy)
                            && !r.ApprovedBy.Split(',').Any(Mine))
                .OrderBy(r => r.UpdatedAtUtc)
                .Select(r => new ArticleRow(r.ArticleId, r.Number, r.Title, names[r.ChannelId], r.State,
                    people.Of(r.SubmittedBy), r.UpdatedAtUtc,
                    ArticleWorkflow.LevelName(r.PassedLevels + 1) + $"（共 {r.RequiredLevels} 级）"))
                .ToList();
            var toPublish = working.Where(r => r.State == RevisionState.Approved && staff.Is(StaffRoles.Publisher))
                .OrderBy(r => r.UpdatedAtUtc)
                .Select(r => new ArticleRow(r.ArticleId, r.Number, r.Title, names[r.ChannelId], r.State,
                    people.OfList(r.ApprovedBy), r.UpdatedAtUtc, ""))
                .ToList();
            var scheduled = working.Where(r => r.State == RevisionState.Scheduled)
                .OrderBy(r => r.ScheduledAtUtc)
                .Select(r => new ArticleRow(r.ArticleId, r.Number, r.Title, names[r.ChannelId], r.State, "",
                    r.ScheduledAtUtc ?? r.UpdatedAtUtc, "定于 " + ChinaTime.Format(r.ScheduledAtUtc ?? r.UpdatedAtUtc)))
                .ToList();
            var recent = (await db.Articles.AsNoTracking()
                    .Where(a => a.Status == ArticleStatus.Published && channels.Contains(a.ChannelId))
                    .OrderByDescending(a => a.PublishedAtUtc).Take(10)
                    .Select(a => new { a.Id, a.Title, a.ChannelId, a.PublishedAtUtc })
                    .ToListAsync(context.RequestAborted))
                .Select(a => new ArticleRow(a.Id, 0, a.Title, names[a.ChannelId], RevisionState.Published, "",
                    a.PublishedAtUtc, ""))
                .ToList();

            return await pages.RenderAsync<DashboardPage, DashboardPageModel>(new DashboardPageModel(
                Shell: pages.ShellFor(context, "工作台"),
                HasChannels: staff.Channels.Count > 0,
                MyDrafts: drafts,
                RejectedToMe: rejected,
                WaitingForMyReview: toReview,
                WaitingToPublish: toPublish,
                Scheduled: scheduled,
                RecentlyPublished: recent,
                Letters: await letters.DashboardAsync(
                    await letters.StaffAsync(staff, context.User, context.RequestAborted), context.RequestAborted)));
        });
    }
}

public sealed record DashboardPageModel(
    Pages.Shell Shell,
    bool HasChannels,
    IReadOnlyList<ArticleRow> MyDrafts,
    IReadOnlyList<ArticleRow> RejectedToMe,
    IReadOnlyList<ArticleRow> WaitingForMyReview,
    IReadOnlyList<ArticleRow> WaitingToPublish,
    IReadOnlyList<ArticleRow> Scheduled,
    IReadOnlyList<ArticleRow> RecentlyPublished,
    Letters.LetterDashboard? Letters = null);
