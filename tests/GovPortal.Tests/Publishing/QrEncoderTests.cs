using System.Text;
using GovPortal.Publishing.Rendering;
using QRCoder;

namespace GovPortal.Tests.Publishing;

/// <summary>Our QR encoder against a widely used reference implementation, module for module.</summary>
public sealed class QrEncoderTests
{
    public static TheoryData<string> Addresses()
    {
        var data = new TheoryData<string>
        {
            "https://www.szxc.gov.cn/xwzx/xcyw/202310/t20231012_13.html",
            "https://www.szxc.gov.cn/",
            "a",
            "https://www.szxc.gov.cn/s10/c4/202512/t20251231_100000.html",
        };
        // Lengths that cross version boundaries (1 to 10 and beyond, where the count field grows to 16 bits).
        foreach (var length in new[] { 10, 14, 15, 26, 27, 42, 43, 62, 63, 84, 85, 106, 107, 122, 123, 152, 153, 180,
            181, 213, 214, 251, 300, 500 })
            data.Add("https://www.szxc.gov.cn/" + new string('x', length - 24 > 0 ? length - 24 : 0) + "?" + length);
        return data;
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Encodes_exactly_as_the_reference_with_the_same_mask(string text)
    {
        using var generator = new QRCodeGenerator();
        // The byte[] overload encodes one byte-mode segment, as ours does (the string overload may switch to numeric
        // mode for runs of digits: just as valid, but a different symbol).
        using var reference = generator.CreateQrCode(Encoding.UTF8.GetBytes(text), QRCodeGenerator.ECCLevel.M);
        var expected = reference.ModuleMatrix;
        const int quiet = 4;
        var size = expected.Count - 2 * quiet;
        var referenceMask = ReadMask(expected, quiet);

        var ours = QrEncoder.Encode(Encoding.UTF8.GetBytes(text), referenceMask);

        Assert.Equal(size, ours.GetLength(0));
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                Assert.True(expected[y + quiet][x + quiet] == ours[y, x], $"module ({x}, {y}) differs for \"{text}\"");
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Chooses_a_mask_no_worse_than_any_other_and_writes_it_in_the_format_bits(string text)
    {
        var chosen = QrEncoder.Encode(Encoding.UTF8.GetBytes(text));
        var mask = ReadMask(chosen);
        Assert.Equal(chosen, QrEncoder.Encode(Encoding.UTF8.GetBytes(text), mask));
    }

    [Fact]
    public void Chooses_the_mask_the_standards_penalty_rules_choose_for_addresses_of_every_length()
    {
        var random = new Random(18);
        // Lengths 1 to 300: versions 1 to 13, so both ways of counting the penalty (by bits up to version 11, by
        // modules above) are compared with a plain reading of the standard's rules.
        for (var length = 1; length <= 300; length += 1 + length / 40)
        {
            var text = "https://www.szxc.gov.cn/" + string.Concat(Enumerable.Range(0, length)
                .Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789/_."[random.Next(39)]));
            var data = Encoding.UTF8.GetBytes(text);
            var penalties = Enumerable.Range(0, 8).Select(mask => ReferencePenalty(QrEncoder.Encode(data, mask)))
                .ToList();
            var expected = penalties.IndexOf(penalties.Min());
            Assert.True(expected == ReadMask(QrEncoder.Encode(data)),
                $"length {text.Length}: penalties {string.Join(", ", penalties)}");
        }
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public void The_svg_draws_exactly_the_dark_modules_inside_the_quiet_zone(string text)
    {
        var svg = QrCodeSvg.Create(text, "本页地址的二维码");
        var expected = QrEncoder.Encode(Encoding.UTF8.GetBytes(text));
        var size = expected.GetLength(0);
        Assert.Contains($"viewBox=\"0 0 {size + 8} {size + 8}\"", svg);
        var d = System.Text.RegularExpressions.Regex.Match(svg, "<path stroke=\"#000\" d=\"([^\"]*)\"").Groups[1].Value;

        // Follow the pen: every "h n" strokes n modules of the row the pen is in, from where it stands.
        var drawn = new bool[size + 8, size + 8];
        double penX = 0, penY = 0;
        foreach (System.Text.RegularExpressions.Match command in
                 System.Text.RegularExpressions.Regex.Matches(d, @"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?"))
        {
            var a = double.Parse(command.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var b = command.Groups[3].Success
                ? double.Parse(command.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            switch (command.Groups[1].Value)
            {
                case "M": (penX, penY) = (a, b); break;
                case "m": (penX, penY) = (penX + a, penY + b); break;
                default:
                    Assert.True(a > 0 && penY % 1 == 0.5, $"a stroke of {a} at row {penY}");
                    for (var x = (int)penX; x < penX + a; x++)
                    {
                        Assert.False(drawn[(int)penY, x], $"module ({x}, {(int)penY}) stroked twice");
                        drawn[(int)penY, x] = true;
                    }
                    penX += a;
                    break;
            }
        }
        for (var y = 0; y < size + 8; y++)
            for (var x = 0; x < size + 8; x++)
            {
                var inside = x >= 4 && y >= 4 && x < size + 4 && y < size + 4;
                Assert.True((inside && expected[y - 4, x - 4]) == drawn[y, x], $"module ({x}, {y}) for \"{text}\"");
            }
    }

    /// <summary>
    /// ISO/IEC 18004 §7.8.3, read plainly: runs of five or more in a row or column (N1 = 3, plus one per module
    /// beyond five), 2×2 blocks of one colour (N2 = 3), 1:1:3:1:1 finder-like patterns with four light modules on
    /// one side (N3 = 40; the light area around the symbol counts, taken as wide as the symbol), and the dark share's
    /// distance from half (N4 = 10 per 5%).
    /// </summary>
    private static long ReferencePenalty(bool[,] modules)
    {
        var size = modules.GetLength(0);
        long result = 0;
        for (var pass = 0; pass < 2; pass++)
            for (var a = 0; a < size; a++)
            {
                // The line with the light area around the symbol on each side.
                var line = new bool[3 * size];
                for (var b = 0; b < size; b++) line[b + size] = pass == 0 ? modules[a, b] : modules[b, a];
                var runs = new List<(bool Dark, int Length, int Start)>();
                for (var i = 0; i < line.Length;)
                {
                    var j = i;
                    while (j < line.Length && line[j] == line[i]) j++;
                    runs.Add((line[i], j - i, i));
                    i = j;
                }
                foreach (var run in runs)
                {
                    // Runs inside the symbol only: the light area around it is not part of a run's count.
                    var inside = Math.Min(run.Start + run.Length, 2 * size) - Math.Max(run.Start, size);
                    if (inside >= 5) result += inside - 2;
                }
                for (var k = 0; k + 4 < runs.Count; k++)
                {
                    var n = runs[k].Length;
                    if (!runs[k].Dark || runs[k + 1].Length != n || runs[k + 2].Length != 3 * n
                        || runs[k + 3].Length != n || runs[k + 4].Length != n) continue;
                    // Light runs around it: at least 4n on one side (with the area around), at least n on the other.
                    var before = k > 0 ? runs[k - 1].Length : 0;
                    var after = k + 5 < runs.Count ? runs[k + 5].Length : 0;
                    if (before >= 4 * n && after >= n) result += 40;
                    if (after >= 4 * n && before >= n) result += 40;
                }
            }
        var dark = 0;
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                if (modules[y, x]) dark++;
                if (x + 1 < size && y + 1 < size && modules[y, x] == modules[y, x + 1]
                    && modules[y, x] == modules[y + 1, x] && modules[y, x] == modules[y + 1, x + 1])
                    result += 3;
            }
        var total = size * size;
        return result + 10L * ((Math.Abs(dark * 20 - total * 10) + total - 1) / total - 1);
    }

    /// <summary>The mask number, from the first copy of the format information (error correction level M).</summary>
    private static int ReadMask(List<System.Collections.BitArray> matrix, int quiet) =>
        ReadMask((x, y) => matrix[y + quiet][x + quiet]);

    private static int ReadMask(bool[,] modules) => ReadMask((x, y) => modules[y, x]);

    private static int ReadMask(Func<int, int, bool> module)
    {
        var bits = 0;
        for (var i = 0; i <= 5; i++) bits |= (module(8, i) ? 1 : 0) << i;
        bits |= (module(8, 7) ? 1 : 0) << 6;
        bits |= (module(8, 8) ? 1 : 0) << 7;
        bits |= (module(7, 8) ? 1 : 0) << 8;
        for (var i = 9; i < 15; i++) bits |= (module(14 - i, 8) ? 1 : 0) << i;
        var data = (bits ^ 0x5412) >> 10;
        Assert.Equal(0, data >> 3); // level M
        return data & 7;
    }
}
