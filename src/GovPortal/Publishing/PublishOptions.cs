namespace GovPortal.Publishing;

/// <summary>How a change to a long column reaches the pages.</summary>
/// <param name="DeferListPagesAbove">A change that shifts more deeper list pages than this (a new article at the top
/// of a column moves every page of it by one) publishes the article's page, each column's first list page, the
/// feeds, the sitemaps and the home page at once, and the deeper list pages right after, in the background.</param>
public sealed record PublishOptions(int DeferListPagesAbove = 10);
