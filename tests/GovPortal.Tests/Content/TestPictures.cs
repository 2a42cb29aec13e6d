using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace GovPortal.Tests.Content;

/// <summary>
/// Pictures as cameras and tools make them: a JPEG with EXIF (a GPS block, a description, a rotation), a PNG with
/// bytes after its end, a PNG that declares a huge size.
/// </summary>
public static class TestPictures
{
    public const string HiddenDescription = "GPS 31.3890N 120.6420E staff-phone";

    /// <summary>A picture whose left half is red and right half blue.</summary>
    public static SKBitmap Halves(int width, int height)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var canvas = new SKCanvas(bitmap);
        using var red = new SKPaint { Color = SKColors.Red };
        using var blue = new SKPaint { Color = SKColors.Blue };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG of <see cref="Halves"/> with an EXIF block: a description, a rotation and a GPS block.</summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation = 1)
    {
        using var bitmap = Halves(width, height);
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        var exif = ExifSegment(orientation);
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    /// <summary>
    /// An APP1 "Exif" segment: IFD0 with ImageDescription, Orientation and a GPS IFD (latitude ref N).
    /// </summary>
    private static byte[] ExifSegment(ushort orientation)
    {
        var description = Encoding.ASCII.GetBytes(HiddenDescription + "\0");
        var tiff = new byte[68 + description.Length];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 3);
        Entry(tiff, 10, 0x010E, 2, (uint)description.Length, 68);
        Entry(tiff, 22, 0x0112, 3, 1, orientation);
        Entry(tiff, 34, 0x8825, 4, 1, 50);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(50), 1);
        Entry(tiff, 52, 0x0001, 2, 2, 'N');
        description.CopyTo(tiff, 68);
        var header = "Exif\0\0"u8.ToArray();
        var segment = new byte[4 + header.Length + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
        header.CopyTo(segment, 4);
        tiff.CopyTo(segment, 4 + header.Length);
        return segment;
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }

    /// <summary>
    /// A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> (CRC correct).
    /// </summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var bitmap = Halves(8, 8);
        var png = Encode(bitmap, SKEncodedImageFormat.Png);
        // IHDR's data starts at 16 (8 signature, 4 length, 4 type); its CRC covers type and data (17 bytes).
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The colour at a point of an encoded picture.</summary>
    public static SKColor ColourAt(byte[] encoded, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel(x, y);
    }

    public static (int Width, int Height) SizeOf(byte[] encoded)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(encoded));
        return (codec.Info.Width, codec.Info.Height);
    }

    public static SKEncodedOrigin OriginOf(byte[] encoded)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(encoded));
        return codec.EncodedOrigin;
    }
}
