namespace GovPortal.Content.Identifiers;

/// <summary>
/// The 18-character 统一社会信用代码 of an organisation (GB 32100-2015): characters from a 31-letter alphabet without
/// I, O, Z, S and V; the last is a check character, 31 minus the weighted sum of the first seventeen modulo 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The code with spaces removed and letters raised, as people type it.</summary>
    public static string Normalize(string? text) =>
        new((text ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Null when <paramref name="text"/> is a valid code, otherwise what is wrong, in Chinese.</summary>
    public static string? Problem(string? text)
    {
        var code = Normalize(text);
        if (code.Length != 18) return $"统一社会信用代码应为 18 位，现在是 {code.Length} 位。";
        if (code.Any(c => !Alphabet.Contains(c)))
            return "统一社会信用代码只能由数字和大写字母组成（不含 I、O、Z、S、V）。";
        if (code[17] != CheckCharacter(code)) return "统一社会信用代码的校验位不对，请核对每一位是否输入正确。";
        return null;
    }

    public static bool IsValid(string? text) => Problem(text) is null;

    /// <summary>The check character of the first seventeen characters, which must be in the alphabet.</summary>
    public static char CheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(code[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }
}
