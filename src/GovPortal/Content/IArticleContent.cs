namespace GovPortal.Content;

/// <summary>
/// What an editor writes: the same fields on the live article and on each of its revisions. Which fields a record
/// uses, and how each is shown and checked, is said by its kind (<see cref="Kinds.ContentKind"/>).
/// </summary>
public interface IArticleContent
{
    int ChannelId { get; set; }

    /// <summary>The key of the record's <see cref="Kinds.ContentKind"/>, e.g. "news".</summary>
    string Kind { get; set; }

    string Title { get; set; }
    string Subtitle { get; set; }
    string Source { get; set; }
    string Author { get; set; }
    string Summary { get; set; }
    string BodyHtml { get; set; }

    /// <summary>
    /// The kind's extra fields that need no column of their own (<see cref="Kinds.ContentField.Extra"/>).
    /// </summary>
    Dictionary<string, string> Extras { get; set; }

    /// <summary>
    /// The queried facts of 信息公开 documents and interpretations (their own columns); empty for other kinds.
    /// </summary>
    Disclosure.DisclosureFacts Disclosure { get; set; }
}
