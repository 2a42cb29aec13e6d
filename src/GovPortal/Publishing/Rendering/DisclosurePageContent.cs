using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Publishing.Disclosure;
using GovPortal.Theme;

namespace GovPortal.Publishing.Rendering;

/// <summary>
/// What the page of a 信息公开 document or interpretation shows beyond an article: the document's metadata table and
/// the links both ways (现行文件 and the documents replaced, 【相关解读】 and 【政策原文】).
/// </summary>
public static class DisclosurePageContent
{
    /// <summary>
    /// The metadata table of a document, in the order of the catalogue (索引号, 主题分类, 发布机构, 成文日期, 发文字号,
    /// 发布日期, 有效性); null for other kinds, whose facts come from their fields. Empty values show as “无”.
    /// </summary>
    public static IReadOnlyList<PageFact>? Facts(Article article, DisclosureDirectory directory)
    {
        if (article.Kind == InterpretationKind.Key && article.Disclosure.InterpretationType is { } type)
            return [new PageFact("解读形式", InterpretationTypes.Label(type))];
        if (article.Kind != DocumentKind.Key) return null;
        var facts = article.Disclosure;
        static string OrNone(string value) => value.Length > 0 ? value : "无";
        return
        [
            new("索引号", OrNone(facts.IndexNumber ?? "")),
            new("主题分类", OrNone(directory.ClassificationName(facts.TopicId))),
            new("发布机构", OrNone(directory.OrganisationName(facts.OrganisationId))),
            new("成文日期", OrNone(IsoDate(facts.WrittenOn))),
            new("发文字号", OrNone(facts.DocumentNumber ?? "")),
            new("发布日期", OrNone(IsoDate(facts.ReleasedOn))),
            new("有效性", DocumentValidities.Label(facts.Validity ?? DocumentValidity.Effective)),
        ];
    }

    public static DisclosureNotes? Notes(Article article, DisclosureDirectory directory)
    {
        if (article.Kind == InterpretationKind.Key)
            return directory.Face(article.Disclosure.PolicyId) is { } policy
                ? new DisclosureNotes(null, null, [], [], Link(policy)) : null;
        if (article.Kind != DocumentKind.Key) return null;
        var facts = article.Disclosure;
        var validity = facts.Validity ?? DocumentValidity.Effective;
        var notice = validity == DocumentValidity.Effective ? null
            : facts.ValidityChangedOn is { } day
                ? $"本文件已于 {ChineseDate(day)} {DocumentValidities.Verb(validity)}"
                : $"本文件{DocumentValidities.Label(validity)}";
        var current = directory.Face(facts.ReplacedById) is { } replacing ? Link(replacing) : null;
        var replaced = directory.Replaced(article.Id)
            .Select(f => (Link(f), f.ValidityChangedOn is { } on
                ? $"{ChineseDate(on)}{DocumentValidities.Verb(f.Validity ?? DocumentValidity.Repealed)}"
                : DocumentValidities.Label(f.Validity ?? DocumentValidity.Repealed)))
            .ToList();
        var interpretations = directory.Interpretations(article.Id)
            .Select(f => (Link(f), InterpretationTypes.Label(f.InterpretationType ?? InterpretationType.Text)))
            .ToList();
        return new DisclosureNotes(notice, current, replaced, interpretations, null);
    }

    /// <summary>2024年3月1日, as the notices and the metadata table write a day.</summary>
    public static string ChineseDate(DateOnly? day) => day is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : "";

    private static string IsoDate(DateOnly? day) =>
        day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static LinkItem Link(DisclosureFace face) => new(face.Title, face.Url);
}
