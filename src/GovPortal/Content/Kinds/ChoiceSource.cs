namespace GovPortal.Content.Kinds;

/// <summary>One option of a choice field: the value stored and the label people see.</summary>
public sealed record ChoiceOption(string Value, string Label);

/// <summary>
/// Where a choice field's options come from: a fixed list given here, or a list kept per site (organisations,
/// classification lists, documents) named by <see cref="Key"/>, which the back office resolves for the content's site.
/// </summary>
public sealed record ChoiceSource(string Key, IReadOnlyList<ChoiceOption> Fixed)
{
    /// <summary>A list given with the field; the form and the field's own check use it.</summary>
    public static ChoiceSource Of(params ChoiceOption[] options) => new("fixed", options);

    /// <summary>A list of the site's, named by <paramref name="key"/> (resolved by the back office's form).</summary>
    public static ChoiceSource OfSite(string key) => new(key, []);

    public bool IsFixed => Fixed.Count > 0;

    /// <summary>The site's organisations (active ones offered).</summary>
    public const string Organisations = "organisations";

    /// <summary>The site's 主题分类.</summary>
    public const string Topics = "topics";

    /// <summary>The site's 体裁分类.</summary>
    public const string Genres = "genres";

    /// <summary>The site's 信息公开 documents (to name a replacing document or the policy interpreted).</summary>
    public const string Documents = "documents";

    /// <summary>The pictures uploaded to the content itself (to choose its 题图).</summary>
    public const string ArticlePictures = "articlePictures";
}
