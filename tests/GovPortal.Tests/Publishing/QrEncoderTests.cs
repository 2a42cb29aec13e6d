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
