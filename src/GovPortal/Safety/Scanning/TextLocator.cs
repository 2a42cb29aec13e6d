namespace GovPortal.Safety.Scanning;

/// <summary>
/// Turns a character offset into a 1-based line and column: of the text itself, or, for text read out of an HTML
/// page, of the element each piece of text came from.
/// </summary>
public sealed class TextLocator
{
    private readonly List<int> _lineStarts = [0];
    private readonly List<(int Offset, int Line, int Column)>? _pieces;

    public TextLocator(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') _lineStarts.Add(i + 1);
    }

    private TextLocator(List<(int Offset, int Line, int Column)> pieces) => _pieces = pieces;

    /// <param name="pieces">Where each piece of a composed text starts in it, and its place in the source.</param>
    public static TextLocator OfPieces(List<(int Offset, int Line, int Column)> pieces) => new(pieces);

    public (int Line, int Column) Locate(int offset)
    {
        if (_pieces is not null)
        {
            int low = 0, high = _pieces.Count - 1, found = -1;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (_pieces[middle].Offset <= offset) (found, low) = (middle, middle + 1);
                else high = middle - 1;
            }
            return found < 0 ? (1, 1) : (_pieces[found].Line, _pieces[found].Column);
        }
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }
}
