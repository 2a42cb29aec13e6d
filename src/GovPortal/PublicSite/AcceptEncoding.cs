using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace GovPortal.PublicSite;

/// <summary>Reads Accept-Encoding without allocating for the common forms ("gzip, deflate, br").</summary>
public static class AcceptEncoding
{
    public static bool Accepts(StringValues header, string coding)
    {
        foreach (var value in header)
        {
            if (value is null) continue;
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = (comma >= 0 ? rest[..comma] : rest).Trim();
                rest = comma >= 0 ? rest[(comma + 1)..] : [];
                var semicolon = item.IndexOf(';');
                var name = (semicolon >= 0 ? item[..semicolon] : item).Trim();
                if (!name.Equals(coding, StringComparison.OrdinalIgnoreCase)) continue;
                if (semicolon < 0) return true;
                // "br;q=0" means "not br".
                var parameter = item[(semicolon + 1)..].Trim();
                if (!parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)) return true;
                return double.TryParse(parameter[2..], NumberStyles.Float, CultureInfo.InvariantCulture,
                        out var quality)
                    && quality > 0;
            }
        }
        return false;
    }
}
