using GovPortal.Content;
using GovPortal.Data;

namespace GovPortal.BackOffice.Workflow;

/// <summary>
/// The checks and generated values of one kind that need the site's data (its lists, other content, counters):
/// run by the workflow when content of <see cref="KindKey"/> is created or saved, after the kind's own checks and
/// before anything of the revision is stored.
/// </summary>
public interface IContentPreparation
{
    string KindKey { get; }

    /// <param name="current">The revision the form was loaded from; null when the content is new.</param>
    /// <returns>The values to store (with generated ones filled in), or what is wrong, in Chinese.</returns>
    Task<(IReadOnlyDictionary<string, string> Values, string? Problem)> PrepareAsync(GovPortalDbContext db,
        int siteId, int articleId, IArticleContent? current, ArticleForm form, CancellationToken cancellationToken);
}
