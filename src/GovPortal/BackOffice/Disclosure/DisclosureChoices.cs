using System.Globalization;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Data;
using GovPortal.Data.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Disclosure;

/// <summary>
/// The options of choice fields whose list is the site's (<see cref="ChoiceSource.OfSite"/>): organisations,
/// 主题分类, 体裁分类 and documents. Active entries are offered; an inactive one stays offered, marked, where the content
/// already has it, so saving never changes it by surprise.
/// </summary>
public sealed class DisclosureChoices(DatabaseOptions database)
{
    /// <summary>How many documents a document choice offers, newest first (plus the one chosen).</summary>
    public const int MaxDocuments = 500;

    public static int? Id(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>The options of each site-list field of <paramref name="kind"/>, by field name.</summary>
    /// <param name="values">The form's values: a chosen entry is offered even when it is no longer active.</param>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ChoiceOption>>> ForFormAsync(ContentKind kind,
        int channelId, int articleId, IReadOnlyDictionary<string, string> values,
        CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, IReadOnlyList<ChoiceOption>>(StringComparer.Ordinal);
        // A line with a site's list (信息来源 from the organisations) gets the list as suggestions.
        var fields = kind.Fields.Where(f => f.Input is FieldInput.Choice or FieldInput.Line
            && f.Choices is { IsFixed: false }).ToList();
        if (fields.Count == 0) return result;
        await using var db = database.CreateContext();
        var siteId = await db.Channels.Where(c => c.Id == channelId).Select(c => (int?)c.SiteId)
            .FirstOrDefaultAsync(cancellationToken)
            ?? await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);
        foreach (var field in fields)
        {
            var chosen = Id(values.GetValueOrDefault(field.Name) ?? "");
            result[field.Name] = field.Choices!.Key switch
            {
                ChoiceSource.Organisations => (await DisclosureLists.OrganisationsAsync(db, siteId, cancellationToken))
                    .Where(o => o.Active || o.Id == chosen)
                    .Select(o => Option(o.Id, o.Name, o.Active)).ToList(),
                ChoiceSource.Topics => await ClassificationOptionsAsync(db, siteId, ClassificationScheme.Topic,
                    chosen, cancellationToken),
                ChoiceSource.Genres => await ClassificationOptionsAsync(db, siteId, ClassificationScheme.Genre,
                    chosen, cancellationToken),
                ChoiceSource.Documents => await DocumentOptionsAsync(db, siteId, articleId, chosen,
                    cancellationToken),
                ChoiceSource.ArticlePictures => await PictureOptionsAsync(db, articleId, cancellationToken),
                _ => [],
            };
        }
        return result;
    }

    /// <summary>The pictures of the article's newest revision (the one its form edits), by their names.</summary>
    private static async Task<IReadOnlyList<ChoiceOption>> PictureOptionsAsync(GovPortalDbContext db, int articleId,
        CancellationToken cancellationToken)
    {
        if (articleId == 0) return [];
        var newest = await db.Revisions.Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number)
            .Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return await db.RevisionFiles.AsNoTracking().Where(f => f.RevisionId == newest && f.Width > 0)
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Select(f => new ChoiceOption(f.StoredName + "." + f.Extension, f.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The label of a stored choice value, as the diff shows it (the value itself when unknown).</summary>
    public static string Label(ContentField field, string value,
        IReadOnlyDictionary<string, IReadOnlyList<ChoiceOption>> options)
    {
        if (field.Input != FieldInput.Choice || value.Length == 0) return value;
        var list = field.Choices is { IsFixed: true } fixedList ? fixedList.Fixed
            : options.GetValueOrDefault(field.Name) ?? [];
        return list.FirstOrDefault(o => o.Value == value)?.Label ?? value;
    }

    private static async Task<List<ChoiceOption>> ClassificationOptionsAsync(GovPortalDbContext db, int siteId,
        ClassificationScheme scheme, int? chosen, CancellationToken cancellationToken) =>
        (await DisclosureLists.ClassificationsAsync(db, siteId, scheme, cancellationToken))
            .Where(c => c.Active || c.Id == chosen)
            .Select(c => Option(c.Id, c.Name, c.Active)).ToList();

    private static async Task<List<ChoiceOption>> DocumentOptionsAsync(GovPortalDbContext db, int siteId,
        int articleId, int? chosen, CancellationToken cancellationToken)
    {
        var documents = db.Articles.AsNoTracking()
            .Where(a => a.SiteId == siteId && a.Kind == DocumentKind.Key && a.Id != articleId);
        var newest = await documents.OrderByDescending(a => a.Id).Take(MaxDocuments)
            .Select(a => new { a.Id, a.Title, a.Disclosure.IndexNumber }).ToListAsync(cancellationToken);
        if (chosen is { } id && newest.All(d => d.Id != id))
            newest.AddRange(await documents.Where(a => a.Id == id)
                .Select(a => new { a.Id, a.Title, a.Disclosure.IndexNumber }).ToListAsync(cancellationToken));
        return newest.Select(d => new ChoiceOption(d.Id.ToString(CultureInfo.InvariantCulture),
            d.IndexNumber is { Length: > 0 } number ? $"{d.Title}（{number}）" : d.Title)).ToList();
    }

    private static ChoiceOption Option(int id, string name, bool active) =>
        new(id.ToString(CultureInfo.InvariantCulture), active ? name : name + "（已停用）");
}
