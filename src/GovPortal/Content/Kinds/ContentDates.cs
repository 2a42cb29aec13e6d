using System.Globalization;

namespace GovPortal.Content.Kinds;

/// <summary>Calendar days as date fields hold them: YYYY-MM-DD, a day in China, no time.</summary>
public static class ContentDates
{
    public static bool TryParse(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
