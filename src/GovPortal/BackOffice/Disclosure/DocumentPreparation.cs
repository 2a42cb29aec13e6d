using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Data;
using GovPortal.Data.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Disclosure;

/// <summary>
/// A 信息公开 document before it is stored: its 发布机构, 主题分类 and 体裁分类 must be the site's (active, unless the
/// document already had them), its 现行文件 another document of the site, and its 索引号 fit the site's pattern and
/// never have been used by another document; an empty 索引号 is generated (or kept, once the document has one).
/// </summary>
public sealed class DocumentPreparation(TimeProvider time) : IContentPreparation
{
    public string KindKey => DocumentKind.Key;

    public async Task<(IReadOnlyDictionary<string, string> Values, string? Problem)> PrepareAsync(
        GovPortalDbContext db, int siteId, int articleId, IArticleContent? current, ArticleForm form,
        CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(form.Values, StringComparer.Ordinal);
        string Value(string name) => (values.GetValueOrDefault(name) ?? "").Trim();
        var facts = current?.Disclosure;

        var organisationId = DisclosureChoices.Id(Value(DocumentKind.Organisation));
        var organisation = await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == organisationId && o.SiteId == siteId, cancellationToken);
        if (organisation is null || (!organisation.Active && facts?.OrganisationId != organisation.Id))
            return (values, "所选的发布机构不存在或已停用，请重新选择。");
        if (await ClassificationProblemAsync(db, siteId, ClassificationScheme.Topic, Value(DocumentKind.Topic),
                facts?.TopicId, "主题分类", cancellationToken) is { } topicProblem)
            return (values, topicProblem);
        if (await ClassificationProblemAsync(db, siteId, ClassificationScheme.Genre, Value(DocumentKind.Genre),
                facts?.GenreId, "体裁分类", cancellationToken) is { } genreProblem)
            return (values, genreProblem);

        if (DisclosureChoices.Id(Value(DocumentKind.ReplacedBy)) is { } replacingId)
        {
            if (replacingId == articleId) return (values, "现行文件不能是本文件自己。");
            var replacing = await db.Articles.AsNoTracking()
                .Where(a => a.Id == replacingId && a.SiteId == siteId && a.Kind == DocumentKind.Key)
                .Select(a => new { a.Disclosure.ReplacedById }).FirstOrDefaultAsync(cancellationToken);
            if (replacing is null) return (values, "所选的现行文件不存在，请重新选择。");
            if (replacing.ReplacedById == articleId && articleId != 0)
                return (values, "所选的现行文件已被本文件替代，两个文件不能互相替代。");
        }

        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == siteId, cancellationToken);
        var pattern = IndexNumberPattern.Parse(site.IndexNumberPattern).Pattern ?? IndexNumberPattern.DefaultPattern;
        var typed = Value(DocumentKind.IndexNumber);
        var existing = facts?.IndexNumber ?? "";
        var now = time.GetUtcNow().UtcDateTime;
        if (typed.Length == 0 && existing.Length > 0)
        {
            // A document keeps the number it was given; clearing the field does not give it a new one.
            values[DocumentKind.IndexNumber] = existing;
        }
        else if (typed.Length == 0)
        {
            var year = ContentDates.TryParse(Value(DocumentKind.ReleasedOn), out var released)
                ? released.Year : ChinaTime.ToChina(now).Year;
            var (number, problem) = await IndexNumbers.IssueAsync(db, siteId, articleId, pattern,
                organisation.CreditCode, year, now, cancellationToken);
            if (number is null) return (values, problem);
            values[DocumentKind.IndexNumber] = number;
        }
        else if (typed != existing)
        {
            if (pattern.Problem(typed) is { } patternProblem) return (values, patternProblem);
            if (await IndexNumbers.RecordAsync(db, siteId, articleId, typed, now, cancellationToken) is { } used)
                return (values, used);
        }
        return (values, null);
    }

    private static async Task<string?> ClassificationProblemAsync(GovPortalDbContext db, int siteId,
        ClassificationScheme scheme, string value, int? kept, string label, CancellationToken cancellationToken)
    {
        var id = DisclosureChoices.Id(value);
        var entry = await db.Classifications.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == id && c.SiteId == siteId && c.Scheme == scheme, cancellationToken);
        return entry is null || (!entry.Active && kept != entry.Id) ? $"所选的{label}不存在或已停用，请重新选择。" : null;
    }
}
