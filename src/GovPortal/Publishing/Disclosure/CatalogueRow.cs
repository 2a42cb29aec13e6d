using GovPortal.Content.Disclosure;

namespace GovPortal.Publishing.Disclosure;

/// <summary>
/// One live 信息公开 document as the catalogue (/zfxxgk/ml/) shows it, with the topic and organisation that place it
/// on the pages by 主题分类 and by 发布机构. The publish plan compares these rows, so a catalogue page is rendered again
/// exactly when a row it shows, or the number of rows of its list, changes.
/// </summary>
public sealed record CatalogueRow(
    int Id,
    string Title,
    string Url,
    string IndexNumber,
    string DocumentNumber,
    DateOnly? ReleasedOn,
    DocumentValidity Validity,
    int? TopicId,
    int? OrganisationId)
{
    /// <summary>Newest 发布日期 first (documents without one last), then the newest record.</summary>
    public static int NewestFirst(CatalogueRow a, CatalogueRow b)
    {
        var byDay = Nullable.Compare(b.ReleasedOn, a.ReleasedOn);
        return byDay != 0 ? byDay : b.Id.CompareTo(a.Id);
    }
}

/// <summary>A 主题分类 or 发布机构 the catalogue can be browsed by.</summary>
public sealed record CatalogueGroup(int Id, string Name);
