namespace GovPortal.Content;

/// <summary>
/// A page of an old site brought in by <c>import</c> (迁移): its address on the old site, the SHA-256 of what it
/// said, and the article it became. A second run finds the path (or the same content under another path) here and
/// imports nothing twice; the publisher lists the old paths of published articles so that the old addresses answer
/// 301 to the new ones.
/// </summary>
public sealed class ImportedPage
{
    public const int MaxPathLength = 400;

    public int Id { get; set; }
    public int SiteId { get; set; }

    /// <summary>
    /// The page's path on the old site, relative to the mirror's root (xwzx/xcyw/202310/t20231012_1.html).
    /// </summary>
    public required string OldPath { get; set; }

    /// <summary>SHA-256 (hex) of the title, date and body text: the same article under two addresses has one.</summary>
    public required string ContentSha256 { get; set; }

    /// <summary>The article the page became (or, for a duplicate, the article of the page it repeats).</summary>
    public int ArticleId { get; set; }

    /// <summary>Whether the old address answers 301 (it has the form of an article address of the old site).</summary>
    public bool Redirects { get; set; }

    public DateTime ImportedAtUtc { get; set; }
}
