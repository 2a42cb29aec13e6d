namespace GovPortal.Citizens.Protection;

/// <summary>
/// How people's data is shown to anyone who does not handle the case: enough to tell two people apart, not enough to
/// identify one (张*, 3205**********1234, 138****5678).
/// </summary>
public static class Masking
{
    /// <summary>The first character and a star for each other one: 张三 → 张*, 欧阳娜娜 → 欧***.</summary>
    public static string Name(string? name)
    {
        var text = (name ?? "").Trim();
        if (text.Length == 0) return "";
        var chars = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        var first = System.Globalization.StringInfo.GetNextTextElement(text, 0);
        return first + new string('*', Math.Max(1, chars.Length - 1));
    }

    /// <summary>The first four and last four characters of an ID number: 3205**********1234.</summary>
    public static string IdNumber(string? number) => Keep(number, 4, 4);

    /// <summary>The first three and last four digits of a phone number: 138****5678.</summary>
    public static string Phone(string? phone) => Keep(phone, 3, 4);

    /// <summary>The first character of the mailbox and the domain: z***@example.cn.</summary>
    public static string Email(string? email)
    {
        var text = (email ?? "").Trim();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? Keep(text, 1, 0) : text[0] + "***" + text[at..];
    }

    /// <summary>The first six characters of an address (province, city, district) and stars.</summary>
    public static string Address(string? address)
    {
        var text = (address ?? "").Trim();
        return text.Length <= 6 ? new string('*', text.Length) : text[..6] + "****";
    }

    /// <summary>Free text someone wrote: only its length.</summary>
    public static string Text(string? text) => string.IsNullOrEmpty(text) ? "" : $"（{text.Length} 字，已隐藏）";

    private static string Keep(string? value, int head, int tail)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) return "";
        if (text.Length <= head + tail) return new string('*', text.Length);
        return text[..head] + new string('*', text.Length - head - tail) + text[^tail..];
    }
}
