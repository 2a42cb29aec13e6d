using System.Text;

namespace GovPortal.Tests.Support.Fuzzing;

/// <summary>
/// Generates hostile input from a seed, so that a failure can be replayed: control and format characters, text XML
/// forbids, very long and deeply nested text, markup and script, path tricks, query syntax, numbers out of range,
/// header injection, and the spam line of the tampered seed page. Mixed with ordinary Chinese text, so that input
/// gets past the first checks too.
/// </summary>
public sealed class HostileInput(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Pieces =
    [
        "", " ", "\0", "\u0001", "\u0008", "\u000b", "\u001f", "\u007f", "\u0085", "\uFFFE", "\uFFFF", "\uFEFF",
        "\u200b", "\u200d", "\u202e", "\u2066", "\u061c", "𠀀", "😀", "\r\n", "\r\nSet-Cookie: a=b", "\n\n\n",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f", "%00", "%", "%zz", "%c0%af", "//", "\\",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg onload=x>",
        "<style>*{display:none}</style>", "<iframe src=//evil.example>", "<a href=\"http://evil.example\">x</a>",
        "' OR '1'='1", "\"; DROP TABLE Articles; --", "%_", "*", "?", "{0}{1}", "%s%n%x", "${jndi:x}",
        "title:(a OR b)~2^3", "[a TO z]", "\"unclosed", "AND", "OR NOT", "\\", "+-&&||!(){}[]^\"~*?:/",
        "-1", "0", "2147483648", "-2147483649", "99999999999999999999", "1e309", "NaN", "0x7fffffff", "１２３",
        "2026-02-30", "0000-00-00", "9999-12-31", "2026-13-01",
        "色情 赌博 六合彩 私服 代开发票 网赌 裸聊 一夜情", "区政府召开生态环境保护大会", "相城区", "政府信息公开", "繁體",
        "申请人", "13800138000", "320507198001011231", "a@b.c", "满意", "zx12345", "citizen",
    ];

    public int Next(int max) => _random.Next(max);

    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>One hostile string, sometimes very long or deeply nested.</summary>
    public string Text()
    {
        switch (_random.Next(12))
        {
            case 0: return new string(Pick("A中<&\0"), _random.Next(1, 40_000));
            case 1: return string.Concat(Enumerable.Repeat("<blockquote>", _random.Next(10, 3000)));
            case 2: return RandomChars(_random.Next(1, 200));
            default:
                var builder = new StringBuilder();
                for (var i = _random.Next(1, 6); i > 0; i--) builder.Append(Pieces[_random.Next(Pieces.Length)]);
                return builder.ToString();
        }
    }

    /// <summary>Any UTF-16 code units, lone surrogates included.</summary>
    public string RandomChars(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = _random.Next(4) switch
            {
                0 => (char)_random.Next(0, 0x80),
                1 => (char)_random.Next(0x4E00, 0x9FA5),
                2 => (char)_random.Next(0xD800, 0xE000),
                _ => (char)_random.Next(0, 0x10000),
            };
        return new string(chars);
    }

    /// <summary>Random bytes, invalid UTF-8 included, percent-encoded for a URL or a form body.</summary>
    public string PercentBytes(int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++) builder.Append('%').Append(_random.Next(256).ToString("X2"));
        return builder.ToString();
    }

    /// <summary>A value fit for a URL or form body: escaped text, or raw percent-encoded bytes.</summary>
    public string EncodedValue() =>
        Chance(0.2) ? PercentBytes(_random.Next(1, 40)) : Uri.EscapeDataString(Sanitized(Text()));

    /// <summary>Lone surrogates cannot be escaped; they are sent as their raw bytes elsewhere.</summary>
    private static string Sanitized(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[++i]);
                continue;
            }
            builder.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
        }
        return builder.ToString();
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private char Pick(string chars) => chars[_random.Next(chars.Length)];
}
