namespace GovPortal.Content.Kinds;

/// <summary>
/// The kinds of content the portal knows, by key. Immutable: a test or a new module makes its own set.
/// </summary>
public sealed class ContentKinds
{
    private readonly Dictionary<string, ContentKind> _byKey;

    public ContentKinds(IEnumerable<ContentKind> kinds)
    {
        _byKey = kinds.ToDictionary(k => k.Key, StringComparer.Ordinal);
    }

    /// <summary>The kinds of this version of the portal.</summary>
    public static ContentKinds Default { get; } = new([NewsKind.Kind, DocumentKind.Kind, InterpretationKind.Kind]);

    public IEnumerable<ContentKind> All => _byKey.Values;

    /// <summary>
    /// The kind of a stored record; an unknown key (from a newer version) is an error, never a guess.
    /// </summary>
    public ContentKind Of(string key) =>
        _byKey.TryGetValue(key, out var kind) ? kind
            : throw new InvalidOperationException($"Unknown content kind '{key}'.");

    public ContentKind Of(IArticleContent content) => Of(content.Kind);
}
