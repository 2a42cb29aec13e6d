using System.Security.Cryptography;
using System.Text;

namespace GovPortal.Citizens.Receipts;

/// <summary>A 查询码 as stored: a random salt and the PBKDF2 hash of the code, never the code itself.</summary>
public sealed record QueryCodeHash(byte[] Salt, byte[] Hash);

/// <summary>
/// The secret 查询码 a citizen receives with a receipt: 12 characters from an alphabet without look-alikes (no 0/O,
/// 1/I/L, U), about 59 bits of randomness, shown in groups of four (<c>7KQM-3XWD-9PAF</c>) and typed in any case,
/// with or without spaces and dashes.
/// </summary>
public static class QueryCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 12;
    private const int Iterations = 20_000;
    private static readonly byte[] DecoySalt = RandomNumberGenerator.GetBytes(16);

    /// <summary>Bits of randomness in a code: 12 × log2(30) ≈ 58.9.</summary>
    public static double Bits => Length * Math.Log2(Alphabet.Length);

    public static string NewCode()
    {
        var code = new char[Length];
        for (var i = 0; i < Length; i++) code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(code);
    }

    /// <summary>The code in groups of four, as printed on the receipt.</summary>
    public static string Display(string code) =>
        string.Join('-', Enumerable.Range(0, (code.Length + 3) / 4)
            .Select(i => code.Substring(i * 4, Math.Min(4, code.Length - i * 4))));

    /// <summary>What the citizen typed, in the stored form: upper case, spaces and dashes removed.</summary>
    public static string Normalize(string? typed)
    {
        if (string.IsNullOrEmpty(typed) || typed.Length > 64) return "";
        var text = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '　' or '－') continue;
            text.Append(char.ToUpperInvariant(c));
        }
        return text.ToString();
    }

    public static QueryCodeHash Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new QueryCodeHash(salt, Derive(code, salt));
    }

    /// <summary>
    /// Whether <paramref name="typed"/> is the code of <paramref name="stored"/>, compared in constant time. With no
    /// stored hash (no such number) the same work is done against a decoy, so the answer's timing tells nothing.
    /// </summary>
    public static bool Matches(string? typed, QueryCodeHash? stored)
    {
        var code = Normalize(typed);
        var derived = Derive(code, stored?.Salt ?? DecoySalt);
        return stored is not null && code.Length == Length
               && CryptographicOperations.FixedTimeEquals(derived, stored.Hash);
    }

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
