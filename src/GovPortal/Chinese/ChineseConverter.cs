namespace GovPortal.Chinese;

/// <summary>
/// Phrase-level Simplified ↔ Traditional conversion from the OpenCC dictionaries shipped with the build.
/// </summary>
public sealed class ChineseConverter
{
    private readonly Lazy<OpenCcDictionary> _toTraditional;
    private readonly Lazy<OpenCcDictionary> _toSimplified;

    public ChineseConverter(string dictionaryDirectory)
    {
        string File(string name) => Path.Combine(dictionaryDirectory, name);
        _toTraditional = new(() => OpenCcDictionary.Load(File("STPhrases.txt"), File("STCharacters.txt")));
        _toSimplified = new(() => OpenCcDictionary.Load(File("TSPhrases.txt"), File("TSCharacters.txt")));
        _toSimplifiedCharacters = new(() => OpenCcDictionary.Load(File("TSCharacters.txt")));
    }

    private readonly Lazy<OpenCcDictionary> _toSimplifiedCharacters;

    /// <summary>The dictionaries copied next to the executable by the build.</summary>
    public static string DefaultDictionaryDirectory => Path.Combine(AppContext.BaseDirectory, "opencc");

    public string ToTraditional(string simplified) => _toTraditional.Value.Convert(simplified);

    public string ToSimplified(string traditional) => _toSimplified.Value.Convert(traditional);

    /// <summary>
    /// Character by character, one for one (no phrases): for matching, where positions must stay aligned with the
    /// original text.
    /// </summary>
    public string ToSimplifiedCharacters(string traditional) =>
        _toSimplifiedCharacters.Value.ConvertOneForOne(traditional);
}
