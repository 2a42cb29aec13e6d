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
        var path = new StringBuilder(size * size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (!modules[y, x]) continue;
                var run = 1;
                while (x + run < size && modules[y, x + run]) run++;
                path.Append(CultureInfo.InvariantCulture, $"M{x + QuietZone} {y + QuietZone}h{run}v1h-{run}z");
                x += run - 1;
            }
        }
        var total = size + 2 * QuietZone;
        var encodedLabel = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {total} {total}\" role=\"img\" " +
            $"aria-label=\"{encodedLabel}\" shape-rendering=\"crispEdges\"><rect width=\"{total}\" height=\"{total}\"" +
            $" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
