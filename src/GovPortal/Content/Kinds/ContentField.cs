namespace GovPortal.Content.Kinds;

/// <summary>How a field is typed in, checked and compared.</summary>
public enum FieldInput
{
    /// <summary>One line of plain text.</summary>
    Line,

    /// <summary>Plain text of several lines.</summary>
    Paragraph,

    /// <summary>HTML from the rich-text editor; stored only as the sanitizer's output.</summary>
    RichText,

    /// <summary>A calendar day, typed as YYYY-MM-DD.</summary>
    Date,

    /// <summary>
    /// One of a list of options (<see cref="ContentField.Choices"/>), shown as a select list; the stored value is the
    /// option's value, e.g. an organisation's id.
    /// </summary>
    Choice,
}

/// <summary>Where the public page of the content shows a field.</summary>
public enum FieldPlacement
{
    /// <summary>
    /// The kind's page template places the field itself (the title above everything, the body below).
    /// </summary>
    Template,

    /// <summary>In the page's table of facts (label and value), in the order of the kind's fields.</summary>
    Facts,

    /// <summary>Not on the public page.</summary>
    Hidden,
}

/// <summary>
/// One field of a content kind: everything the form, the checks, the diff, the search document and the page need to
/// know about it. The value is read and written through <see cref="Get"/> and <see cref="Set"/>, so the same field
/// works on the live record and on each of its revisions.
/// </summary>
public sealed record ContentField
{
    /// <summary>The form field's name and the input's id, e.g. "subtitle".</summary>
    public required string Name { get; init; }

    /// <summary>The Chinese label people see on the form, in the diff and on the page.</summary>
    public required string Label { get; init; }

    public FieldInput Input { get; init; } = FieldInput.Line;
    public bool Required { get; init; }

    /// <summary>At most this many characters (0: no limit of its own).</summary>
    public int MaxLength { get; init; }

    /// <summary>Said instead of the usual "… 不能超过 n 个字" when a value is too long.</summary>
    public string? TooLongMessage { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>A line of help under the input.</summary>
    public string? Hint { get; init; }

    /// <summary>
    /// Whether search finds content by this field's words (the title always counts, with more weight).
    /// </summary>
    public bool Searchable { get; init; }

    /// <summary>Whether the content checks (spam, sensitive words, hidden content) read this field.</summary>
    public bool Checked { get; init; } = true;

    public FieldPlacement OnPage { get; init; } = FieldPlacement.Template;

    /// <summary>
    /// Where a <see cref="FieldInput.Choice"/> field's options come from; on a <see cref="FieldInput.Line"/> field,
    /// the suggestions offered as it is typed (the options' labels), while any other text stays acceptable.
    /// </summary>
    public ChoiceSource? Choices { get; init; }

    /// <summary>A rule of the field's own, after the common ones: a message in Chinese, or null.</summary>
    public Func<string, string?>? Rule { get; init; }

    /// <summary>The value a new record's form starts with, e.g. today for a date (null: empty).</summary>
    public Func<DateOnly, string>? Initial { get; init; }

    public required Func<IArticleContent, string> Get { get; init; }
    public required Action<IArticleContent, string> Set { get; init; }

    /// <returns>What is wrong with <paramref name="value"/> in Chinese, or null when it is acceptable.</returns>
    public string? Problem(string value)
    {
        if (Required && string.IsNullOrWhiteSpace(value)) return $"请填写{Label}。";
        // Feeds, sitemaps and pages cannot carry them (an XML writer throws): refused in every field, of every kind.
        if (XmlCharacters.IndexOfForbidden(value) is var at and >= 0)
            return $"{Label}中有不可见的控制字符或无效字符（第 {at + 1} 个字符），请删除后再保存。";
        if (MaxLength > 0 && value.Length > MaxLength) return TooLongMessage ?? $"{Label}不能超过 {MaxLength} 个字。";
        if (Input == FieldInput.Date && value.Length > 0 && !ContentDates.TryParse(value, out _))
            return $"{Label}的格式应为“年-月-日”，例如 2023-10-12。";
        if (Input == FieldInput.Choice && value.Length > 0 && Choices is { Fixed.Count: > 0 } choices
            && choices.Fixed.All(o => o.Value != value))
            return $"请从列表中选择{Label}。";
        return Rule?.Invoke(value);
    }

    /// <summary>
    /// A field kept with the kind's other extra values (<see cref="IArticleContent.Extras"/>) instead of a column of
    /// its own: for fields nothing needs to query, so adding one takes no migration.
    /// </summary>
    public static ContentField Extra(string name, string label, FieldInput input = FieldInput.Line,
        int maxLength = 500) => new()
    {
        Name = name,
        Label = label,
        Input = input,
        MaxLength = maxLength,
        OnPage = FieldPlacement.Facts,
        Get = content => content.Extras.TryGetValue(name, out var value) ? value : "",
        Set = (content, value) =>
        {
            if (value.Length == 0) content.Extras.Remove(name);
            else content.Extras[name] = value;
        },
    };
}
