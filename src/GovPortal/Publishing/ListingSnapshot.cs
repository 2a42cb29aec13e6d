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
public sealed record ListingSnapshot(
    bool ArticlePublished,
    IReadOnlyDictionary<int, IReadOnlyList<ArticleListing>> OwnLists,
    IReadOnlyDictionary<int, IReadOnlyList<ArticleListing>> SubtreeNewest);
