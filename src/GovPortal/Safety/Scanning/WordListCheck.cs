using System.Reflection;
using GovPortal.Chinese;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// Sensitive words (敏感词) and wording errors (错别字, near misses of official names), matched on normalized text
/// so that spaces, punctuation, full-width, zero-width and Traditional characters put between the letters do not
/// hide them.
/// </summary>
public sealed class WordListCheck
{
    private sealed record Word(string Normalized, string Shown, string Category, Severity Severity, string Message);
    private sealed record Official(string Title, string Name);

    private readonly ChineseConverter _converter;
    private readonly List<Word> _words = [];
    private readonly List<Official> _officials = [];
    private readonly string? _listDirectory;
    private readonly bool _additionsOnly;

    /// <param name="listDirectory">
    /// Where an administrator keeps the site's own lists (sensitive-words.txt, wording.txt, same format as the
    /// defaults); a list found there replaces the built-in one.
    /// </param>
    /// <param name="additionsOnly">
    /// Only the lists found in <paramref name="listDirectory"/>, none built in: a site's additions, checked beside the
    /// platform's lists.
    /// </param>
    public WordListCheck(ChineseConverter converter, string? listDirectory = null, bool additionsOnly = false)
    {
        _converter = converter;
        _listDirectory = listDirectory;
        _additionsOnly = additionsOnly;
        foreach (var (category, severity, word) in Read("sensitive-words.txt"))
            Add(word, category, severity == "block" ? Severity.Block : Severity.Warn, $"含有{category}“{word}”");
        foreach (var (kind, first, second) in Read("wording.txt"))
        {
            if (kind == "mistake") Add(first, "错别字", Severity.Warn, $"“{first}”应为“{second}”");
            else if (kind == "official") _officials.Add(new Official(first, second));
        }
    }

    private void Add(string word, string category, Severity severity, string message)
    {
        var normalized = NormalizedText.Normalize(word, _converter);
        if (normalized.Length > 0) _words.Add(new Word(normalized, word, category, severity, message));
    }

    public IEnumerable<Finding> Check(string text, TextLocator locator)
    {
        var normalized = NormalizedText.From(text, _converter);
        var value = normalized.Value;
        foreach (var word in _words)
            for (var at = value.IndexOf(word.Normalized, StringComparison.Ordinal); at >= 0;
                at = value.IndexOf(word.Normalized, at + 1, StringComparison.Ordinal))
                yield return Locate(word.Severity, word.Category, word.Message, at, at + word.Normalized.Length,
                    normalized, text, locator);

        // A title followed by a name one character off the official one: 区委书记沈志东 for 沈志栋.
        foreach (var official in _officials)
        {
            var title = NormalizedText.Normalize(official.Title, _converter);
            for (var at = value.IndexOf(title, StringComparison.Ordinal); at >= 0;
                at = value.IndexOf(title, at + 1, StringComparison.Ordinal))
            {
                var start = at + title.Length;
                if (start + official.Name.Length > value.Length) continue;
                var candidate = value.Substring(start, official.Name.Length);
                if (Differences(candidate, official.Name) != 1) continue;
                yield return Locate(Severity.Block, "严重表述错误",
                    $"{official.Title}的姓名应为“{official.Name}”，此处为“{candidate}”",
                    start, start + official.Name.Length, normalized, text, locator);
            }
        }
    }

    private static int Differences(string a, string b) => a.Zip(b).Count(pair => pair.First != pair.Second);

    private static Finding Locate(Severity severity, string category, string message, int start, int end,
        NormalizedText normalized, string text, TextLocator locator)
    {
        var from = normalized.Origins[start];
        var to = normalized.Origins[end - 1] + 1;
        var (line, column) = locator.Locate(from);
        return new Finding(severity, category, message, line, column, SpamKeywordCheck.Excerpt(text, from, to));
    }

    private IEnumerable<(string, string, string)> Read(string name)
    {
        var own = _listDirectory is null ? null : Path.Combine(_listDirectory, name);
        if (_additionsOnly && (own is null || !File.Exists(own))) yield break;
        using var stream = own is not null && File.Exists(own)
            ? File.OpenRead(own)
            : Assembly.GetExecutingAssembly().GetManifestResourceStream("GovPortal.Safety." + name)
              ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length == 3) yield return (parts[0], parts[1], parts[2]);
        }
    }
}
