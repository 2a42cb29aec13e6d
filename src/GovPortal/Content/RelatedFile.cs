namespace GovPortal.Content;

/// <summary>
/// A document attached to an article (相关文件). The bytes live in the upload store under <see cref="StoredName"/>.
/// </summary>
public sealed class RelatedFile
{
    public int Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>The name the reader sees and downloads as, e.g. 会议材料.docx.</summary>
    public required string DisplayName { get; set; }

    /// <summary>Random name in the upload store; never derived from user input.</summary>
    public required string StoredName { get; set; }

    /// <summary>Lower-case extension without the dot, e.g. "pdf".</summary>
    public required string Extension { get; set; }

    public long SizeBytes { get; set; }
    public required string ContentType { get; set; }
    public int SortOrder { get; set; }

    /// <summary>A picture's size in pixels as kept (see <c>ImageReencoder</c>); 0 for a document.</summary>
    public int Width { get; set; }

    public int Height { get; set; }
}
