using System.Globalization;
using System.Text;

namespace GovPortal.Publishing.Rendering;

/// <summary>The QR code of a page's address as a compact inline SVG (one path, no styles, no script).</summary>
public static class QrCodeSvg
{
    /// <summary>The light margin the standard asks for around the symbol, in modules.</summary>
    private const int QuietZone = 4;

    public static string Create(string text, string label)
    {
        var modules = QrEncoder.Encode(Encoding.UTF8.GetBytes(text));
        var size = modules.GetLength(0);
        // Each run of dark modules in a row is one horizontal stroke, a module wide, through the middle of the row.
        // The pen moves relative to where the last stroke ended, so most runs cost six or seven characters (a filled
        // rectangle per run cost about sixteen: the path was most of an article page's bytes after its text).
        var path = new StringBuilder(size * size / 2);
        int penX = 0, penY = 0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (!modules[y, x]) continue;
                var run = 1;
                while (x + run < size && modules[y, x + run]) run++;
                if (path.Length == 0)
                    path.Append(CultureInfo.InvariantCulture, $"M{x + QuietZone} {y + QuietZone}.5h{run}");
                else
                    path.Append(CultureInfo.InvariantCulture, $"m{x - penX} {y - penY}h{run}");
                (penX, penY) = (x + run, y);
                x += run - 1;
            }
        }
        var total = size + 2 * QuietZone;
        var encodedLabel = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {total} {total}\" role=\"img\" " +
            $"aria-label=\"{encodedLabel}\" shape-rendering=\"crispEdges\"><rect width=\"{total}\" height=\"{total}\"" +
            $" fill=\"#fff\"/><path stroke=\"#000\" d=\"{path}\"/></svg>";
    }
}
