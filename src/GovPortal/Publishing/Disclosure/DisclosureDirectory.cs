using GovPortal.Content;
using GovPortal.Content.Kinds;

namespace GovPortal.Publishing.Disclosure;

/// <summary>
/// What the pages of 信息公开 content show besides their own record: names of organisations and classifications, and
/// the faces of the live documents and interpretations they link to, both ways. Loaded once for a full publish, or
/// for the few pages one change renders (<see cref="DisclosureReader"/>), so the renderer needs no database.
/// </summary>
public sealed class DisclosureDirectory(
    IReadOnlyDictionary<int, string> organisationNames,
    IReadOnlyDictionary<int, string> classificationNames,
    IEnumerable<DisclosureFace> faces)
{
    private readonly Dictionary<int, DisclosureFace> _faces = faces.ToDictionary(f => f.Id);

    public static DisclosureDirectory Empty { get; } = new(new Dictionary<int, string>(),
        new Dictionary<int, string>(), []);

    public string OrganisationName(int? id) => id is { } i ? organisationNames.GetValueOrDefault(i) ?? "" : "";

    public string ClassificationName(int? id) => id is { } i ? classificationNames.GetValueOrDefault(i) ?? "" : "";

    /// <summary>The live document or interpretation with this id, or null (not live, or not of these kinds).</summary>
    public DisclosureFace? Face(int? id) => id is { } i ? _faces.GetValueOrDefault(i) : null;

    /// <summary>Live documents this document replaced (their 现行文件 is <paramref name="documentId"/>).</summary>
    public IReadOnlyList<DisclosureFace> Replaced(int documentId) =>
        _faces.Values.Where(f => f.Kind == DocumentKind.Key && f.ReplacedById == documentId)
            .OrderBy(f => f.ValidityChangedOn).ThenBy(f => f.Id).ToList();

    /// <summary>Live interpretations of the policy document <paramref name="documentId"/>, oldest first.</summary>
    public IReadOnlyList<DisclosureFace> Interpretations(int documentId) =>
        _faces.Values.Where(f => f.Kind == InterpretationKind.Key && f.PolicyId == documentId)
            .OrderBy(f => f.Id).ToList();

    /// <summary>The face of an article as it would show on linked pages, or null if it is not live.</summary>
    public static DisclosureFace? FaceOf(Article article) =>
        article.Status == ArticleStatus.Published && article.Url is not null
            && article.Kind is DocumentKind.Key or InterpretationKind.Key
            ? new DisclosureFace(article.Id, article.Kind, article.Title, article.Url,
                article.Disclosure.Validity, article.Disclosure.ValidityChangedOn, article.Disclosure.ReplacedById,
                article.Disclosure.PolicyId, article.Disclosure.InterpretationType)
            : null;
}
