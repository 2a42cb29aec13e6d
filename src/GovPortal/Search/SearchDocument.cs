namespace GovPortal.Search;

/// <summary>What the index knows of one published article: enough to find it, filter it and show a result.</summary>
/// <param name="Scope">The article's channel and all its ancestors, so a search in a column includes its
/// sub-columns.</param>
/// <param name="Text">The searchable fields of the article's kind but the title (subtitle, summary, body…) as plain
/// text.</param>
public sealed record SearchDocument(
    int ArticleId,
    int ChannelId,
    IReadOnlyList<int> Scope,
    string Title,
    string Text,
    string Url,
    DateTime PublishedAtUtc,
    IReadOnlyList<SearchFile> Files)
{
    /// <summary>The content kind (news, document …), for the filter to 信息公开 documents.</summary>
    public string Kind { get; init; } = "";

    /// <summary>A 信息公开 document's facts, or null for other kinds.</summary>
    public SearchDisclosure? Disclosure { get; init; }
}

/// <summary>What search knows of a 信息公开 document beyond its text: its numbers and its 有效性 (an enum name).</summary>
public sealed record SearchDisclosure(string IndexNumber, string DocumentNumber, string Validity);

/// <summary>A related file's name, address in the output and extracted text.</summary>
public sealed record SearchFile(string Name, string Url, string Text);
