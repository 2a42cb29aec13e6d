namespace GovPortal.Publishing.Disclosure;

/// <summary>
/// Decides which catalogue pages (/zfxxgk/ml/) one document change touches, from the catalogue's rows read before
/// and after it: the whole catalogue's pages and those of the document's old and new 主题分类 and 发布机构. A page is
/// rendered when the rows it shows differ, or every page of a list when its number of documents changed (each page
/// says how many there are); pages beyond the new count are removed; the catalogue's first page, which shows the
/// count of every topic and organisation, when the document joins or leaves one.
/// </summary>
public static class CataloguePlanner
{
    public static void Plan(PublishPlan plan, int articleId, IReadOnlyList<CatalogueRow> before,
        IReadOnlyList<CatalogueRow> after)
    {
        var old = before.FirstOrDefault(r => r.Id == articleId);
        var now = after.FirstOrDefault(r => r.Id == articleId);
        if (old == now) return;

        PlanList(plan, CatalogueScope.All, 0, before, after);
        if (old?.TopicId != now?.TopicId || old?.OrganisationId != now?.OrganisationId)
            plan.Render.Add(PageKey.Catalogue(CatalogueScope.All, 0, 1));
        foreach (var topic in new[] { old?.TopicId, now?.TopicId }.OfType<int>().Distinct())
            PlanList(plan, CatalogueScope.Topic, topic, before, after);
        foreach (var organisation in new[] { old?.OrganisationId, now?.OrganisationId }.OfType<int>().Distinct())
            PlanList(plan, CatalogueScope.Organisation, organisation, before, after);
    }

    private static void PlanList(PublishPlan plan, CatalogueScope scope, int id, IReadOnlyList<CatalogueRow> all,
        IReadOnlyList<CatalogueRow> allAfter)
    {
        var before = Catalogue.Select(all, scope, id);
        var after = Catalogue.Select(allAfter, scope, id);
        int pagesBefore = SiteLayoutRules.PageCount(before.Count), pagesAfter = SiteLayoutRules.PageCount(after.Count);
        var countChanged = before.Count != after.Count;
        for (var page = 1; page <= Math.Max(pagesBefore, pagesAfter); page++)
        {
            var key = PageKey.Catalogue(scope, id, page);
            if (page > pagesAfter) plan.Remove.Add(key);
            else if (countChanged || !Window(before, page).SequenceEqual(Window(after, page))) plan.Render.Add(key);
        }
    }

    private static IEnumerable<CatalogueRow> Window(IReadOnlyList<CatalogueRow> rows, int page) =>
        rows.Skip((page - 1) * SiteLayoutRules.ListPageSize).Take(SiteLayoutRules.ListPageSize);
}
