using System.Globalization;
using GovPortal.Content.Disclosure;

namespace GovPortal.Content.Kinds;

/// <summary>
/// The text form of <see cref="DisclosureFacts"/> values as fields hold them: ids and enum names as written, days as
/// YYYY-MM-DD, nothing as "". A value that does not parse is stored as nothing (the form refuses it first).
/// </summary>
internal static class DisclosureFieldValues
{
    public static string Text(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static int? Id(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    public static string Text(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static DateOnly? Day(string text) => ContentDates.TryParse(text, out var day) ? day : null;

    public static string Text<T>(T? value) where T : struct, Enum => value?.ToString() ?? "";

    public static T? Named<T>(string text) where T : struct, Enum =>
        System.Enum.TryParse<T>(text, out var value) && System.Enum.IsDefined(value) ? value : null;

    public static string? Line(string text) => text.Length == 0 ? null : text;
}
