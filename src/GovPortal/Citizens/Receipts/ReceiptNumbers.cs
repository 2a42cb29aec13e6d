using System.Globalization;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Citizens.Receipts;

/// <summary>
/// Gives receipt numbers like <c>YSQ20261130-0007</c>: the series, the China date of receipt and the day's sequence
/// of the site. The counter is raised inside the caller's transaction, so a number is never given twice and never
/// skipped by a submission that failed; two submissions at once retry on the counter's concurrency token.
/// </summary>
public static class ReceiptNumbers
{
    /// <summary>Series letters: capitals only, as they appear in the number.</summary>
    public static bool IsSeries(string series) => series.Length is > 0 and <= 8 && series.All(char.IsAsciiLetterUpper);

    public static string Format(string series, DateOnly day, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{series}{day:yyyyMMdd}-{sequence:0000}");

    /// <summary>
    /// Raises the day's counter in <paramref name="db"/> (saved with the caller's changes) and returns the number.
    /// </summary>
    public static async Task<string> NextAsync(GovPortalDbContext db, int siteId, string series, DateOnly day,
        CancellationToken cancellationToken)
    {
        if (!IsSeries(series)) throw new ArgumentException("A series is one to eight capital letters.", nameof(series));
        var counter = await db.ReceiptCounters.FirstOrDefaultAsync(
            c => c.SiteId == siteId && c.Series == series && c.Day == day, cancellationToken);
        if (counter is null)
            db.ReceiptCounters.Add(counter = new ReceiptCounter { SiteId = siteId, Series = series, Day = day });
        counter.Last++;
        return Format(series, day, counter.Last);
    }

    /// <summary>A typed number in its stored form (upper case, no spaces), or "" when it cannot be one.</summary>
    public static string Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40) return "";
        var text = typed.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal)
            .Replace("－", "-", StringComparison.Ordinal);
        return text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-') ? text : "";
    }
}
