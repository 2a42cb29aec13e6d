namespace GovPortal.Content;

/// <summary>
/// The address of a withdrawn article that was later deleted for good: it goes on answering 410 (已撤稿) rather
/// than 404, so that a citizen with an old link learns that the page was taken down, not that it never was.
/// </summary>
public sealed class RetiredAddress
{
    public int Id { get; set; }
    public int SiteId { get; set; }

    /// <summary>The site-relative address the article had (<see cref="Article.Url"/>).</summary>
    public required string Url { get; set; }

    public DateTime RetiredAtUtc { get; set; }
}
