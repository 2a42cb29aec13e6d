namespace GovPortal.Safety.Scanning;

/// <summary>Turns a character offset into a 1-based line and column.</summary>
public sealed class TextLocator
{
    private readonly List<int> _lineStarts = [0];

    public TextLocator(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') _lineStarts.Add(i + 1);
    }

    public (int Line, int Column) Locate(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }
}
