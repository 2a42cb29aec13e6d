namespace GovPortal.Chinese;

/// <summary>
/// One conversion direction built from OpenCC's plain-text dictionaries: phrases first, then single characters,
/// so that a phrase entry (头发 → 頭髮) wins over the character entry (发 → 發).
/// </summary>
public sealed class OpenCcDictionary
{
    private readonly Dictionary<string, string> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public int MaxKeyLength { get; private set; }
    public int Count => _entries.Count;

    private OpenCcDictionary()
    {
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Loads the given files in priority order; a key already loaded from an earlier file is kept.</summary>
    public static OpenCcDictionary Load(params string[] files)
    {
        var dictionary = new OpenCcDictionary();
        foreach (var file in files)
        {
            if (!File.Exists(file))
                throw new FileNotFoundException($"缺少繁简转换词典文件：{file}。请重新构建项目（构建会通过 npm 安装 OpenCC 词典）。", file);
            foreach (var line in File.ReadLines(file))
                dictionary.AddLine(line);
        }
        return dictionary;
    }

    private void AddLine(string line)
    {
        // Format: key<TAB>candidate1 candidate2 ...; '#' starts a comment, also after an entry.
        var hash = line.IndexOf('#');
        var content = hash >= 0 ? line.AsSpan(0, hash) : line.AsSpan();
        var tab = content.IndexOf('\t');
        if (tab <= 0) return;
        var key = content[..tab].Trim().ToString();
        var candidates = content[(tab + 1)..].Trim();
        if (key.Length == 0 || candidates.Length == 0) return;
        var space = candidates.IndexOf(' ');
        var first = (space > 0 ? candidates[..space] : candidates).ToString();
        if (_entries.TryAdd(key, first) && key.Length > MaxKeyLength)
            MaxKeyLength = key.Length;
    }

    /// <summary>
    /// Replaces each single character that maps to exactly one character; everything else is kept as is.
    /// </summary>
    public string ConvertOneForOne(string text)
    {
        var result = text.ToCharArray();
        for (var i = 0; i < result.Length; i++)
            if (_lookup.TryGetValue(text.AsSpan(i, 1), out var replacement) && replacement.Length == 1)
                result[i] = replacement[0];
        return new string(result);
    }

    /// <summary>Converts by forward maximum matching: at each position the longest dictionary key wins.</summary>
    public string Convert(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var source = text.AsSpan();
        var result = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < source.Length)
        {
            var matched = false;
            for (var length = Math.Min(MaxKeyLength, source.Length - i); length >= 1; length--)
            {
                if (_lookup.TryGetValue(source.Slice(i, length), out var replacement))
                {
                    result.Append(replacement);
                    i += length;
                    matched = true;
                    break;
                }
            }
            if (matched) continue;
            // Keep a surrogate pair together when it has no entry.
            var step = char.IsHighSurrogate(source[i]) && i + 1 < source.Length ? 2 : 1;
            result.Append(source.Slice(i, step));
            i += step;
        }
        return result.ToString();
    }
}
