using System.Globalization;

namespace GovPortal.Content.Identifiers;

/// <summary>
/// The 18-character 居民身份证 number (GB 11643-1999): six digits of the region, the birth date as yyyyMMdd, a
/// three-digit sequence and a check character computed over the first seventeen with weights 2^(17-i) mod 11.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The number with spaces removed and a lower-case x raised, as people type it.</summary>
    public static string Normalize(string? text) =>
        new((text ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Null when <paramref name="text"/> is a valid number, otherwise what is wrong, in Chinese.</summary>
    public static string? Problem(string? text)
    {
        var number = Normalize(text);
        if (number.Length != 18) return $"居民身份证号码应为 18 位，现在是 {number.Length} 位。";
        if (!number[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(number[17]) || number[17] == 'X'))
            return "居民身份证号码只能由数字组成，最后一位可以是 X。";
        if (!DateTime.TryParseExact(number[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var birth) || birth.Year < 1900 || DateOnly.FromDateTime(birth) > ChinaTime.DateOf(DateTime.UtcNow))
            return "居民身份证号码第 7 至 14 位应是出生日期，这个日期不存在。";
        if (number[17] != CheckCharacter(number)) return "居民身份证号码的校验位不对，请核对每一位是否输入正确。";
        return null;
    }

    public static bool IsValid(string? text) => Problem(text) is null;

    /// <summary>The check character of the first seventeen digits.</summary>
    public static char CheckCharacter(string number)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (number[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
