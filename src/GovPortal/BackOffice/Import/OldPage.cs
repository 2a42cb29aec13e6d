namespace GovPortal.BackOffice.Import;

/// <summary>
/// What an old page says, as read from it after the text was repaired: each field null or empty when the page does
/// not have it.
/// </summary>
public sealed record OldPage
{
    public string? Title { get; init; }

    /// <summary>发布日期 (and time, when the page gives one) as UTC.</summary>
    public DateTime? PublishedAtUtc { get; init; }

    public string Source { get; init; } = "";

    /// <summary>The body as the page had it, not yet sanitized (the sanitizer runs when the article is made).</summary>
    public string BodyHtml { get; init; } = "";

    /// <summary>The body's text, blanks removed: the measure of an empty body and part of the content hash.</summary>
    public string BodyText { get; init; } = "";

    /// <summary>The breadcrumb after 首页 (新闻中心, 相城要闻).</summary>
    public IReadOnlyList<string> Crumbs { get; init; } = [];

    /// <summary>Links to files (pdf, doc …) with their text, as the page wrote them.</summary>
    public IReadOnlyList<OldLink> Attachments { get; init; } = [];

    /// <summary>The whole page after the repair, for the content checks (the spam sits outside the body too).</summary>
    public string Scanned { get; init; } = "";

    public bool ScannedIsHtml { get; init; }
}

public sealed record OldLink(string Href, string Text);
