using System.Globalization;

namespace GovPortal.BackOffice.Forms;

/// <summary>
/// Reads the fields of a posted back-office form. Nothing a form sends is trusted: a missing or malformed number reads
/// as 0 (or null), and the service that receives the values decides whether they are acceptable.
/// </summary>
public static class FormValues
{
    /// <summary>The field as sent (several values joined with commas), or "" when it is missing.</summary>
    public static string Text(this IFormCollection form, string name) => form[name].ToString();

    /// <summary>Every value sent under the name, e.g. the ticked boxes of a group; empty values left out.</summary>
    public static IReadOnlyList<string> Texts(this IFormCollection form, string name) =>
        form[name].Where(value => !string.IsNullOrEmpty(value)).Select(value => value!).ToList();

    /// <summary>The field as a whole number, or 0 when it is missing or not a number.</summary>
    public static int Int(this IFormCollection form, string name) => Number(form[name].ToString()) ?? 0;

    /// <summary>Every value sent under the name that is a whole number.</summary>
    public static IReadOnlyList<int> Ints(this IFormCollection form, string name) =>
        form[name].Select(Number).OfType<int>().ToList();

    /// <summary>The id of a record chosen in a list, or null for "none" (0, missing or not a number).</summary>
    public static int? OptionalId(this IFormCollection form, string name) =>
        form.Int(name) is var id and > 0 ? id : null;

    /// <summary>A check box of this portal's forms, which send "1" when ticked and nothing otherwise.</summary>
    public static bool Bool(this IFormCollection form, string name) => form[name].ToString() == "1";

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
