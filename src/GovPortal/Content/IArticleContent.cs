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

    /// <summary>标题颜色: a key of <see cref="TitleLook.Colours"/>, or "" for the theme's own colour.</summary>
    string TitleColour { get; set; }

    /// <summary>标题加粗.</summary>
    bool TitleBold { get; set; }

    /// <summary>
    /// 外链: an absolute http(s) address that the content's list entries open instead of a page of its own; "" for
    /// content with its own page (see <see cref="ExternalLinks"/>).
    /// </summary>
    string LinkUrl { get; set; }

    /// <summary>
    /// 题图: the name of one of the content's pictures (<see cref="Uploads.ArticlePictures"/>), shown as a thumbnail
    /// in lists and blocks; "" for none.
    /// </summary>
    string LeadImage { get; set; }

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
