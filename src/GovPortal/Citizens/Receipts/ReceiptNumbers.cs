using System.Globalization;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Citizens.Receipts;

/// <summary>
/// Gives receipt numbers like <c>YSQ20261130-0007</c>: the series, the China date of receipt and the day's sequence
/// of the site. Every other site of the platform puts its code before the sequence (<c>YSQ20261130-HD-0007</c>), so a
/// number is unique on the whole platform while each site counts its own. The counter is raised inside the caller's
/// transaction, so a number is never given twice and never skipped by a submission that failed; two submissions at
/// once retry on the counter's concurrency token.
/// </summary>
public static class ReceiptNumbers
{
    /// <summary>Series letters: capitals only, as they appear in the number.</summary>
    public static bool IsSeries(string series) => series.Length is > 0 and <= 8 && series.All(char.IsAsciiLetterUpper);

    public static string Format(string series, DateOnly day, int sequence, string siteTag = "") =>
        string.Create(CultureInfo.InvariantCulture,
            $"{series}{day:yyyyMMdd}-{(siteTag.Length == 0 ? "" : siteTag + "-")}{sequence:0000}");

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
        return Format(series, day, counter.Last, await SiteTagAsync(db, siteId, cancellationToken));
    }

    // "" for the platform's first site (its numbers read as they always did), its code in capitals for any other.
    private static async Task<string> SiteTagAsync(GovPortalDbContext db, int siteId,
        CancellationToken cancellationToken)
    {
        var sites = db.Sites.IgnoreQueryFilters();
        if (await sites.MinAsync(s => s.Id, cancellationToken) == siteId) return "";
        return (await sites.Where(s => s.Id == siteId).Select(s => s.Code).FirstAsync(cancellationToken))
            .ToUpperInvariant();
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
