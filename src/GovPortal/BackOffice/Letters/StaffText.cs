namespace GovPortal.BackOffice.Letters;

/// <summary>
/// What staff type into the letters' forms, made storable: line ends as "\n", no control characters (which some
/// databases refuse and no reader needs), no space around. The length is checked by the caller afterwards.
/// </summary>
public static class StaffText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return new string(unified.Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray()).Trim();
    }
}
