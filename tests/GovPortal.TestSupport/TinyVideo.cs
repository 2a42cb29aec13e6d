using System.Buffers.Binary;
using System.Text;

namespace GovPortal.Tests.Support;

/// <summary>
/// The boxes an MP4 file is made of, as a phone or an action camera writes them: the 'ftyp' box that names the
/// brand; the movie box with its creation time (<see cref="CreatedSeconds"/>), the place it was shot in its user data
/// (<see cref="Location"/>, as Android's ©xyz atom) and in a track's metadata, and a GPS track (handler "meta") whose
/// one sample, the same <see cref="Location"/>, lies at the start of the media data; then the media box, whose other
/// <c>mediaBytes</c> bytes count up (so each byte range is recognisable).
/// </summary>
public static class TinyVideo
{
    /// <summary>Where the phone says the video was shot (ISO 6709): 相城区.</summary>
    public const string Location = "+31.4278+120.6403/";

    /// <summary>The movie's creation time, in seconds since 1904 as MP4 counts: 2026-06-01.</summary>
    public const uint CreatedSeconds = 3_863_462_400;

    public static byte[] Mp4(int mediaBytes = 4096)
    {
        var ftyp = Box("ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isommp41"u8]);
        var gps = Encoding.ASCII.GetBytes(Location);
        // The GPS sample's offset depends on the movie box's length, which does not depend on the offset.
        var moov = Movie(0);
        moov = Movie((uint)(ftyp.Length + moov.Length + 8));
        var mdat = Box("mdat", [.. gps, .. Enumerable.Range(0, mediaBytes).Select(i => (byte)i)]);
        return [.. ftyp, .. moov, .. mdat];
    }

    private static byte[] Movie(uint gpsOffset)
    {
        var mvhd = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(4), CreatedSeconds);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(8), CreatedSeconds);
        var location = Box("\u00A9xyz", [0, 18, 0x15, 0xC7, .. Encoding.ASCII.GetBytes(Location)]);
        var video = Box("trak", [.. Box("tkhd", new byte[84]), .. Box("meta", Encoding.ASCII.GetBytes(Location))]);
        var sampleTable = Box("stbl", [
            .. Box("stsz", [.. U32(0), .. U32((uint)Location.Length), .. U32(1)]),
            .. Box("stsc", [.. U32(0), .. U32(1), .. U32(1), .. U32(1), .. U32(1)]),
            .. Box("stco", [.. U32(0), .. U32(1), .. U32(gpsOffset)]),
        ]);
        var handler = Box("hdlr", [.. U32(0), .. U32(0), .. "meta"u8, .. new byte[12], 0]);
        var track = Box("trak", [.. Box("tkhd", new byte[84]),
            .. Box("mdia", [.. Box("mdhd", new byte[24]), .. handler, .. Box("minf", sampleTable)])]);
        return Box("moov", [.. Box("mvhd", mvhd), .. video, .. track, .. Box("udta", location)]);
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Box(string type, byte[] content)
    {
        var box = new byte[8 + content.Length];
        BinaryPrimitives.WriteInt32BigEndian(box, box.Length);
        Encoding.Latin1.GetBytes(type, box.AsSpan(4));
        content.CopyTo(box, 8);
        return box;
    }
}
