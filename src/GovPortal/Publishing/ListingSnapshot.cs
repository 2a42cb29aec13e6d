namespace GovPortal.Publishing;

/// <summary>
/// The listings around one article, read once before and once after a change to it. The planner compares the
/// two; both must be read for the same channels.
/// </summary>
/// <param name="ArticlePublished">Whether the article is live in this state.</param>
/// <param name="OwnLists">Every published article of the channels that hold (or held) the article, newest
/// first.</param>
/// <param name="SubtreeNewest">The newest <see cref="SiteLayoutRules.FeedSize"/> of the subtree of each of those
/// channels and their ancestors.</param>
/// <param name="Focus">The home page's 焦点图, read only around a change to a featured article (null otherwise: no
/// other change can alter them).</param>
public sealed record ListingSnapshot(
    bool ArticlePublished,
    IReadOnlyDictionary<int, IReadOnlyList<ArticleListing>> OwnLists,
    IReadOnlyDictionary<int, IReadOnlyList<ArticleListing>> SubtreeNewest,
    IReadOnlyList<Theme.FocusSlide>? Focus = null);
