namespace GovPortal.Content.Disclosure;

/// <summary>
/// The queried facts of 信息公开 content, on the live article and on each revision (<see cref="IArticleContent"/>):
/// columns of the Articles and Revisions tables (Disclosure_…), so catalogue pages, the annual report and search can
/// filter and sort by them. Empty (all null) for other kinds. Documents use the catalogue fields, interpretations
/// <see cref="PolicyId"/> and <see cref="InterpretationType"/>.
/// </summary>
public sealed class DisclosureFacts
{
    public const int MaxIndexNumberLength = 100;
    public const int MaxDocumentNumberLength = 100;

    /// <summary>索引号, unique within the site (see <see cref="IssuedIndexNumber"/>).</summary>
    public string? IndexNumber { get; set; }

    /// <summary>发文字号, e.g. 相政发〔2023〕12号.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>发布机构: an <see cref="Organisations.Organisation"/> of the site.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>主题分类: a <see cref="Classification"/> of <see cref="ClassificationScheme.Topic"/>.</summary>
    public int? TopicId { get; set; }

    /// <summary>体裁分类: a <see cref="Classification"/> of <see cref="ClassificationScheme.Genre"/>.</summary>
    public int? GenreId { get; set; }

    /// <summary>成文日期.</summary>
    public DateOnly? WrittenOn { get; set; }

    /// <summary>发布日期 as the document states it (an explicit field, not the day the page went live).</summary>
    public DateOnly? ReleasedOn { get; set; }

    public DocumentValidity? Validity { get; set; }

    /// <summary>The day the document was amended, repealed or expired.</summary>
    public DateOnly? ValidityChangedOn { get; set; }

    /// <summary>The article id of the document that replaces this one (现行文件), if any.</summary>
    public int? ReplacedById { get; set; }

    /// <summary>For an interpretation: the article id of the policy document it interprets.</summary>
    public int? PolicyId { get; set; }

    public InterpretationType? InterpretationType { get; set; }
}
