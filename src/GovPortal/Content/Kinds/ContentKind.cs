namespace GovPortal.Content.Kinds;

/// <summary>
/// A kind of content (the news article; 信息公开 documents and interpretations next), described in one place: its
/// fields in the order the form shows them. The form, the copy between a revision and the live record, the content
/// checks, the diff, the search document and the page all read this description, so a new field is one entry here
/// (plus a column and a migration when it is not an <see cref="ContentField.Extra"/>).
/// </summary>
public sealed class ContentKind
{
    private readonly Dictionary<string, ContentField> _byName;
    private readonly Func<IReadOnlyDictionary<string, string>, string?>? _rule;

    public ContentKind(string key, string label, IReadOnlyList<ContentField> fields,
        Func<IReadOnlyDictionary<string, string>, string?>? rule = null)
    {
        _rule = rule;
        Key = key;
        Label = label;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        if (!_byName.TryGetValue(TitleName, out var title) || !title.Required)
            throw new ArgumentException($"Kind {key} needs a required field named {TitleName}.", nameof(fields));
        Title = title;
    }

    /// <summary>Every kind has a title: lists, feeds, search results and the audit log name content by it.</summary>
    public const string TitleName = "title";

    /// <summary>Stored with each record, e.g. "news".</summary>
    public string Key { get; }

    public string Label { get; }
    public IReadOnlyList<ContentField> Fields { get; }
    public ContentField Title { get; }

    public ContentField? Field(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The fields as the form holds them, by name.</summary>
    public Dictionary<string, string> ValuesOf(IArticleContent content) =>
        Fields.ToDictionary(f => f.Name, f => f.Get(content), StringComparer.Ordinal);

    /// <returns>A message in Chinese for the first field that is not acceptable, or null.</returns>
    public string? Problem(IReadOnlyDictionary<string, string> values)
    {
        foreach (var field in Fields)
            if (field.Problem(values.GetValueOrDefault(field.Name) ?? "") is { } problem) return problem;
        // Rules between fields (a date before another), once every field is acceptable on its own.
        return _rule?.Invoke(values);
    }

    /// <summary>What an editor wrote, from one record to another: the channel, the kind and every field.</summary>
    public void Copy(IArticleContent from, IArticleContent to)
    {
        to.ChannelId = from.ChannelId;
        to.Kind = Key;
        foreach (var field in Fields) field.Set(to, field.Get(from));
    }

    /// <summary>The fields the page shows in its table of facts, with their values, empty ones left out.</summary>
    public IReadOnlyList<(string Label, string Value)> Facts(IArticleContent content) =>
        Fields.Where(f => f.OnPage == FieldPlacement.Facts)
            .Select(f => (f.Label, f.Get(content)))
            .Where(fact => fact.Item2.Length > 0)
            .ToList();
}
