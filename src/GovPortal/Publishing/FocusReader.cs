using GovPortal.Content;
using GovPortal.Content.Uploads;
using GovPortal.Data;
using GovPortal.Theme;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing;

/// <summary>
/// The home page's 焦点图: the live featured articles of a site that have a 题图 and a page of their own, in list
/// order (<see cref="ListRank"/>), at most <see cref="MaxSlides"/>.
/// </summary>
public static class FocusReader
{
    /// <summary>More slides than a reader waits through; the rest stay in their lists.</summary>
    public const int MaxSlides = 5;

    public static async Task<IReadOnlyList<FocusSlide>> ReadAsync(GovPortalDbContext db, int siteId,
        CancellationToken cancellationToken = default)
    {
        var featured = await db.Articles.AsNoTracking()
            .Where(a => a.SiteId == siteId && a.Featured && a.Status == ArticleStatus.Published && a.Url != null
                && a.LeadImage != "" && a.LinkUrl == "")
            // A few more than shown, in case a 题图's file is gone (the form does not allow it, but a restore might).
            .InListOrder().Take(MaxSlides * 2)
            .Select(a => new { a.Id, a.Title, Url = a.Url!, a.LeadImage })
            .ToListAsync(cancellationToken);
        if (featured.Count == 0) return [];
        var ids = featured.Select(a => a.Id).ToList();
        var pictures = (await db.RelatedFiles.AsNoTracking().Where(f => ids.Contains(f.ArticleId) && f.Width > 0)
                .Select(f => new { f.ArticleId, f.StoredName, f.Extension, f.Width, f.Height })
                .ToListAsync(cancellationToken))
            .ToDictionary(f => (f.ArticleId, ArticlePictures.NameOf(f.StoredName, f.Extension)));
        // A 题图 whose file is gone shows no slide rather than a broken picture.
        return featured.Where(a => pictures.ContainsKey((a.Id, a.LeadImage))).Take(MaxSlides)
            .Select(a =>
            {
                var picture = pictures[(a.Id, a.LeadImage)];
                return Slide(a.Title, a.Url, a.LeadImage, picture.Width, picture.Height);
            })
            .ToList();
    }

    private static FocusSlide Slide(string title, string url, string picture, int width, int height) =>
        new(title, url, ArticlePictures.Address(picture), ArticlePictures.Srcset(picture, width), width, height);
}
