namespace GovPortal.Content.Disclosure;

/// <summary>
/// Every 索引号 a site has used, generated or typed in, with the document it was given to. Unique per site in the
/// database; rows stay when the document is deleted, so a number is never used twice.
/// </summary>
public sealed class IssuedIndexNumber
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public required string Value { get; set; }

    /// <summary>The article it was given to (kept as a plain number: the article may be deleted).</summary>
    public int ArticleId { get; set; }

    public DateTime IssuedAtUtc { get; set; }
}
