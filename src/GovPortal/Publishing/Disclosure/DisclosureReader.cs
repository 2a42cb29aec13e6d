using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Data;
using GovPortal.Data.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing.Disclosure;

/// <summary>Reads the 信息公开 links and faces from the database for the publisher.</summary>
public static class DisclosureReader
{
    private static readonly string[] Kinds = [DocumentKind.Key, InterpretationKind.Key];

    private static IQueryable<Article> Live(GovPortalDbContext db, int siteId) =>
        db.Articles.AsNoTracking().Where(a => a.SiteId == siteId && a.Status == ArticleStatus.Published
            && a.Url != null && Kinds.Contains(a.Kind));

    private static IQueryable<DisclosureFace> Faces(IQueryable<Article> articles) =>
        articles.Select(a => new DisclosureFace(a.Id, a.Kind, a.Title, a.Url!, a.Disclosure.Validity,
            a.Disclosure.ValidityChangedOn, a.Disclosure.ReplacedById, a.Disclosure.PolicyId,
            a.Disclosure.InterpretationType));

    /// <summary>
    /// The links of <paramref name="article"/> in its present state (tracked changes not yet saved count: the
    /// forward links are read from the record, the reverse ones from the database, which the change cannot alter).
    /// </summary>
    public static async Task<DisclosureLinks> LinksAsync(GovPortalDbContext db, Article article,
        CancellationToken cancellationToken)
    {
        if (article.Kind is not (DocumentKind.Key or InterpretationKind.Key)) return DisclosureLinks.None;
        var forward = new[] { article.Disclosure.ReplacedById, article.Disclosure.PolicyId }
            .OfType<int>().ToList();
        var id = article.Id;
        var linked = await Live(db, article.SiteId)
            .Where(a => a.Id != id && (forward.Contains(a.Id) || a.Disclosure.ReplacedById == id
                || a.Disclosure.PolicyId == id))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        return new DisclosureLinks(DisclosureDirectory.FaceOf(article), linked.ToHashSet());
    }

    /// <summary>
    /// What the pages of <paramref name="articleIds"/> need (null: every page of the site, for a full publish).
    /// </summary>
    public static async Task<DisclosureDirectory> DirectoryAsync(GovPortalDbContext db, int siteId,
        IReadOnlyCollection<int>? articleIds, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.SiteId == siteId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var classifications = (await DisclosureLists.ClassificationsByIdAsync(db, siteId, cancellationToken))
            .ToDictionary(c => c.Key, c => c.Value.Name);
        List<DisclosureFace> faces;
        if (articleIds is null)
        {
            faces = await Faces(Live(db, siteId)).ToListAsync(cancellationToken);
        }
        else
        {
            var ids = articleIds.ToList();
            var near = await Faces(Live(db, siteId).Where(a => ids.Contains(a.Id)
                    || (a.Disclosure.ReplacedById != null && ids.Contains(a.Disclosure.ReplacedById.Value))
                    || (a.Disclosure.PolicyId != null && ids.Contains(a.Disclosure.PolicyId.Value))))
                .ToListAsync(cancellationToken);
            // The documents the rendered pages point to (现行文件, 政策原文), read from the records themselves.
            var targets = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Disclosure.ReplacedById, a.Disclosure.PolicyId }).ToListAsync(cancellationToken);
            var targetIds = targets.SelectMany(t => new[] { t.ReplacedById, t.PolicyId }).OfType<int>()
                .Except(near.Select(f => f.Id)).ToList();
            faces = near;
            if (targetIds.Count > 0)
                faces.AddRange(await Faces(Live(db, siteId).Where(a => targetIds.Contains(a.Id)))
                    .ToListAsync(cancellationToken));
        }
        return new DisclosureDirectory(organisations, classifications, faces);
    }
}
