using System.Buffers.Binary;

namespace GovPortal.Content.Uploads;

/// <summary>
/// Takes the metadata out of an MP4 video: the user-data and metadata boxes (<c>udta</c>, <c>meta</c>) where phones
/// write the place a video was shot (Apple's <c>com.apple.quicktime.location.ISO6709</c>, the <c>©xyz</c> atom of
/// Android), the device and the time. Each such box is turned into a <c>free</c> box of the same size filled with
/// zeros, so nothing moves: the sample tables point at absolute file offsets, and removing bytes would break
/// playback. The pictures and sound are not touched.
/// </summary>
public static class Mp4Metadata
{
    // Boxes whose children are read: the movie and each of its tracks hold the metadata boxes.
    private static readonly HashSet<string> Containers = ["moov", "trak"];
    private static readonly HashSet<string> Metadata = ["udta", "meta"];

    /// <returns>A copy without metadata, or null when the file is not a sequence of well-formed boxes.</returns>
    public static byte[]? Strip(byte[] content)
    {
        var copy = (byte[])content.Clone();
        return Clean(copy, 0, copy.Length) ? copy : null;
    }

    private static bool Clean(byte[] file, int start, int end)
    {
        var at = start;
        while (at < end)
        {
            if (end - at < 8) return false;
            long size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var header = 8;
            if (size == 1)
            {
                if (end - at < 16) return false;
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(at + 8));
                header = 16;
            }
            else if (size == 0) size = end - at; // to the end of its parent
            if (size < header || size > end - at) return false;
            var boxEnd = at + (int)size;
            if (Metadata.Contains(type))
            {
                // A 64-bit size stays in place; only a 32-bit header is rewritten as "free".
                "free"u8.CopyTo(file.AsSpan(at + 4));
                file.AsSpan(at + header, boxEnd - at - header).Clear();
            }
            else if (Containers.Contains(type) && !Clean(file, at + header, boxEnd)) return false;
            at = boxEnd;
        }
        return true;
    }
}
