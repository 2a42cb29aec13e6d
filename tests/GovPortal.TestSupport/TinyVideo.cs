using System.Buffers.Binary;
using System.Text;

namespace GovPortal.Tests.Support;

/// <summary>
/// The boxes an MP4 file is made of, as a phone writes them: the 'ftyp' box that names the brand; the movie box with
/// the place it was shot in its user data (<see cref="Location"/>, as Android's ©xyz atom) and in a track's metadata;
/// then a media box of <c>mediaBytes</c> bytes counting up (so each byte range is recognisable).
/// </summary>
public static class TinyVideo
{
    /// <summary>Where the phone says the video was shot (ISO 6709): 相城区.</summary>
    public const string Location = "+31.4278+120.6403/";

    public static byte[] Mp4(int mediaBytes = 4096)
    {
        using var stream = new MemoryStream();
        WriteBox(stream, "ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isommp41"u8]);
        var location = Box("\u00A9xyz", [0, 18, 0x15, 0xC7, .. Encoding.ASCII.GetBytes(Location)]);
        var track = Box("trak", [.. Box("tkhd", new byte[84]), .. Box("meta", Encoding.ASCII.GetBytes(Location))]);
        WriteBox(stream, "moov", [.. Box("mvhd", new byte[100]), .. track, .. Box("udta", location)]);
        WriteBox(stream, "mdat", Enumerable.Range(0, mediaBytes).Select(i => (byte)i).ToArray());
        return stream.ToArray();
    }

    private static byte[] Box(string type, byte[] content)
    {
        using var stream = new MemoryStream();
        WriteBox(stream, type, content);
        return stream.ToArray();
    }

    private static void WriteBox(Stream stream, string type, byte[] content)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, 8 + content.Length);
        Encoding.Latin1.GetBytes(type, header[4..]);
        stream.Write(header);
        stream.Write(content);
    }
}
