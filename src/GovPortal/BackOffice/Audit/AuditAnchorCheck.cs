using System.Globalization;

namespace GovPortal.BackOffice.Audit;

/// <summary>
/// An entry's place and hash recorded outside the database (on paper, on another machine). Found again unchanged,
/// it proves that nothing up to it was cut off or rewritten, which the chain alone cannot show for its newest end.
/// </summary>
public sealed record AuditAnchorCheck(long Sequence, string Hash)
{
    /// <returns>The anchor from "序号:哈希", or null when the text is not one.</returns>
    public static AuditAnchorCheck? Parse(string? text)
    {
        var parts = text?.Trim().Split(':', 2);
        if (parts is not { Length: 2 }) return null;
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1) return null;
        var hash = parts[1].Trim().ToLowerInvariant();
        return hash.Length is 64 && hash.All(char.IsAsciiHexDigit) ? new AuditAnchorCheck(sequence, hash) : null;
    }
}
