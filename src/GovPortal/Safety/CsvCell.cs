namespace GovPortal.Safety;

/// <summary>CSV cells for the exports (health report, audit log) that a spreadsheet never runs as a formula.</summary>
public static class CsvCell
{
    /// <summary>
    /// A cell starting with = + - @, a tab or a carriage return gets an apostrophe first; inner quotes are doubled and
    /// the cell quoted when it must be (or always, with <paramref name="alwaysQuote"/>).
    /// </summary>
    public static string Of(string value, bool alwaysQuote = false)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return alwaysQuote || value.IndexOfAny([',', '"', '\n', '\r']) >= 0
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }
}
