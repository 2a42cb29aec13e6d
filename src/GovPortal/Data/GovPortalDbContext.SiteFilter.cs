using System.Linq.Expressions;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data;

public abstract partial class GovPortalDbContext
{
    /// <summary>The name of the filter that keeps a site's work to its own rows (<see cref="SiteScope"/>).</summary>
    public const string SiteFilter = "site";

    /// <summary>The name of the filter that hides what is in the 回收站.</summary>
    public const string TrashFilter = "trash";

    /// <summary>Only the 回收站's filter, for the queries that ask for what is in it (never another site's).</summary>
    public static readonly string[] TrashOnly = [TrashFilter];

    /// <summary>
    /// The site whose rows this context sees, read at every query (not when the context was made: a request's
    /// context may be made before the request has entered its site); null outside any site.
    /// </summary>
    public int? ScopedSiteId => SiteScope.Current?.Id;

    /// <summary>Every table that belongs to one site is seen only from that site while a site is current.</summary>
    private void SiteFilters(ModelBuilder model)
    {
        model.Entity<Site>().HasQueryFilter(SiteFilter, s => ScopedSiteId == null || s.Id == ScopedSiteId);
        OwnedBySite<Channel>(model);
        OwnedBySite<Article>(model);
        OwnedBySite<Revision>(model);
        OwnedBySite<RetiredAddress>(model);
        OwnedBySite<ImportedPage>(model);
        OwnedBySite<SiteStatement>(model);
        OwnedBySite<Organisation>(model);
        OwnedBySite<Classification>(model);
        OwnedBySite<IndexNumberCounter>(model);
        OwnedBySite<IssuedIndexNumber>(model);
        OwnedBySite<AnnualReport>(model);
        OwnedBySite<GovPortal.Disclosure.DisclosureApplication>(model);
        OwnedBySite<GovPortal.Interaction.Consultations.Consultation>(model);
        OwnedBySite<GovPortal.Interaction.Letters.Mailbox>(model);
        OwnedBySite<GovPortal.Interaction.Letters.Letter>(model);
        OwnedBySite<StaffUser>(model);
        OwnedBySite<BackOffice.Health.HealthSnapshot>(model);
        OwnedBySite<Citizens.Calendar.SiteCalendarDay>(model);
        // A submission belongs to both sites: the sender sees its outcome, the receiver its queue.
        model.Entity<Content.Submissions.Submission>().HasQueryFilter(SiteFilter,
            s => ScopedSiteId == null || s.FromSiteId == ScopedSiteId || s.ToSiteId == ScopedSiteId);
    }

    // e => ScopedSiteId == null || e.SiteId == ScopedSiteId, for an entity with an int SiteId.
    private void OwnedBySite<T>(ModelBuilder model) where T : class
    {
        var entity = Expression.Parameter(typeof(T), "e");
        var scoped = Expression.Property(Expression.Constant(this), nameof(ScopedSiteId));
        var siteId = Expression.Convert(Expression.Property(entity, "SiteId"), typeof(int?));
        var filter = Expression.Lambda<Func<T, bool>>(
            Expression.OrElse(Expression.Equal(scoped, Expression.Constant(null, typeof(int?))),
                Expression.Equal(siteId, scoped)), entity);
        model.Entity<T>().HasQueryFilter(SiteFilter, filter);
    }
}
