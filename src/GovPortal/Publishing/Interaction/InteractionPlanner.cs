using GovPortal.Theme;

namespace GovPortal.Publishing.Interaction;

/// <summary>
/// Decides which 互动交流 pages a change touches, from the section read before and after it: a letter's page is
/// rendered when what it shows changed and removed when it is no longer published; a list page of /hdjl/xjxd/ when
/// the 20 letters it shows differ, or every page when the number of pages changed; pages beyond the new count are
/// removed; the section's home when its mailboxes, newest letters, consultations or summary differ; the statistics
/// (page and CSV) when their figures differ.
/// </summary>
public static class InteractionPlanner
{
    public static void Plan(PublishPlan plan, InteractionSection before, InteractionSection after)
    {
        var old = before.Letters.ToDictionary(l => l.Id);
        var now = after.Letters.ToDictionary(l => l.Id);
        foreach (var (id, letter) in now)
            if (!old.TryGetValue(id, out var was) || was != letter) plan.Render.Add(PageKey.PublishedLetter(id));
        foreach (var id in old.Keys.Where(id => !now.ContainsKey(id))) plan.Remove.Add(PageKey.PublishedLetter(id));

        var faces = (Before: before.Letters.Select(l => l.ListFace).ToList(),
            After: after.Letters.Select(l => l.ListFace).ToList());
        int pagesBefore = SiteLayoutRules.PageCount(faces.Before.Count),
            pagesAfter = SiteLayoutRules.PageCount(faces.After.Count);
        for (var page = 1; page <= Math.Max(pagesBefore, pagesAfter); page++)
        {
            var key = PageKey.PublishedLetterList(page);
            if (page > pagesAfter) plan.Remove.Add(key);
            else if (pagesBefore != pagesAfter || faces.Before.Count != faces.After.Count
                     || !Window(faces.Before, page).SequenceEqual(Window(faces.After, page)))
                plan.Render.Add(key);
        }

        if (!before.Home.Equals(after.Home)) plan.Render.Add(PageKey.InteractionHome);
        if (!before.Statistics.Equals(after.Statistics)) plan.Render.Add(PageKey.LetterStatistics);
    }

    private static IEnumerable<LetterListItem> Window(IReadOnlyList<LetterListItem> faces, int page) =>
        faces.Skip((page - 1) * SiteLayoutRules.ListPageSize).Take(SiteLayoutRules.ListPageSize);
}
