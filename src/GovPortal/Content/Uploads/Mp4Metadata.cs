using System.Buffers.Binary;
using System.Text;

namespace GovPortal.Content.Uploads;

/// <summary>
/// Takes what a phone or camera says about where and when a video was made out of an MP4 file:
/// <list type="bullet">
/// <item>the user-data and metadata boxes (<c>udta</c>, <c>meta</c>), where phones write the place (Apple's
/// <c>com.apple.quicktime.location.ISO6709</c>, Android's <c>©xyz</c>), the device and the time, and the <c>uuid</c>
/// boxes where cameras keep XMP: each becomes a <c>free</c> box of the same size filled with zeros;</item>
/// <item>the creation and modification times of the movie, its tracks and their media (<c>mvhd</c>, <c>tkhd</c>,
/// <c>mdhd</c>): set to zero, which players read as "unknown";</item>
/// <item>the samples of every timed-metadata track (handler <c>meta</c>: the GPS track of an action camera or a drone,
/// a phone's location and motion samples), kept inside the media data itself: found through the track's sample
/// tables and overwritten with zeros.</item>
/// </list>
/// Nothing moves: the sample tables point at absolute file offsets, and removing bytes would break playback; the
/// pictures and sound are not touched.
/// </summary>
public static class Mp4Metadata
{
    // Boxes whose children are read: the movie, each of its tracks and each track's media.
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia"];
    private static readonly HashSet<string> Emptied = ["udta", "meta", "uuid"];
    private static readonly HashSet<string> Dated = ["mvhd", "tkhd", "mdhd"];

    public const string BrokenMessage = "不是完整的 MP4 视频（文件结构损坏或不完整）";

    /// <returns>A copy without metadata, or why the file cannot be kept (<see cref="BrokenMessage"/>).</returns>
    public static (byte[]? Content, string? Problem) Strip(byte[] content)
    {
        var copy = (byte[])content.Clone();
        var problem = Clean(copy, 0, copy.Length);
        return problem is null ? (copy, null) : (null, problem);
    }

    private static string? Clean(byte[] file, int start, int end)
    {
        var at = start;
        while (at < end)
        {
            if (end - at < 8) return BrokenMessage;
            long size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var type = Encoding.Latin1.GetString(file, at + 4, 4);
            var header = 8;
            if (size == 1)
            {
                if (end - at < 16) return BrokenMessage;
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(at + 8));
                header = 16;
            }
            else if (size == 0) size = end - at; // to the end of its parent
            if (size < header || size > end - at) return BrokenMessage;
            var boxEnd = at + (int)size;
            var body = file.AsSpan(at + header, boxEnd - at - header);
            if (Emptied.Contains(type))
            {
                // A 64-bit size stays in place; the type becomes "free" and the rest zeros.
                "free"u8.CopyTo(file.AsSpan(at + 4));
                body.Clear();
            }
            else if (Dated.Contains(type))
            {
                // Version 1 keeps both times in 64 bits, version 0 in 32, after the version and flags.
                var times = body.Length > 0 && body[0] == 1 ? 16 : 8;
                if (body.Length < 4 + times) return BrokenMessage;
                body.Slice(4, times).Clear();
            }
            else if (Containers.Contains(type))
            {
                if (Clean(file, at + header, boxEnd) is { } problem) return problem;
                if (type == "trak" && IsMetadataTrack(file, at + header, boxEnd)
                    && ZeroSamples(file, at + header, boxEnd) is { } samplesProblem)
                    return samplesProblem;
            }
            at = boxEnd;
        }
        return null;
    }

    /// <summary>The body (start, end) of the box at <paramref name="path"/> under the range, or null.</summary>
    private static (int Start, int End)? Find(byte[] file, int start, int end, params string[] path)
    {
        var at = start;
        while (at + 8 <= end)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var header = 8;
            if (size == 1 && at + 16 <= end)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(at + 8));
                header = 16;
            }
            else if (size == 0) size = end - at;
            if (size < header || size > end - at) return null;
            if (file.AsSpan(at + 4, 4).SequenceEqual(Encoding.Latin1.GetBytes(path[0])))
                return path.Length == 1 ? (at + header, at + (int)size)
                    : Find(file, at + header, at + (int)size, path[1..]);
            at += (int)size;
        }
        return null;
    }

    // A track whose media handler is "meta" (ISO/IEC 14496-12 §12.3): timed metadata, not pictures or sound.
    private static bool IsMetadataTrack(byte[] file, int start, int end) =>
        Find(file, start, end, "mdia", "hdlr") is { } hdlr && hdlr.End - hdlr.Start >= 12
        && file.AsSpan(hdlr.Start + 8, 4).SequenceEqual("meta"u8);

    /// <summary>
    /// Overwrites a track's samples with zeros, found as its sample tables say: the chunks' offsets (<c>stco</c> or
    /// <c>co64</c>), the samples in each chunk (<c>stsc</c>) and each sample's size (<c>stsz</c>).
    /// </summary>
    private static string? ZeroSamples(byte[] file, int start, int end)
    {
        if (Find(file, start, end, "mdia", "minf", "stbl") is not { } stbl) return null; // no samples at all
        var sizes = Find(file, stbl.Start, stbl.End, "stsz");
        var runs = Find(file, stbl.Start, stbl.End, "stsc");
        var offsets32 = Find(file, stbl.Start, stbl.End, "stco");
        var offsets = offsets32 ?? Find(file, stbl.Start, stbl.End, "co64");
        if (sizes is not { } sz || runs is not { } sc || offsets is not { } co) return BrokenMessage;
        uint Read32(int at, (int Start, int End) box) => at + 4 <= box.End
            ? BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at)) : throw new FormatException();
        try
        {
            var uniform = Read32(sz.Start + 4, sz);
            var sampleCount = Read32(sz.Start + 8, sz);
            var runCount = Read32(sc.Start + 4, sc);
            var chunkCount = Read32(co.Start + 4, co);
            var wide = offsets32 is null;
            long sample = 0;
            for (uint chunk = 1, run = 0; chunk <= chunkCount; chunk++)
            {
                // The run that covers this chunk: the last whose first chunk is not after it.
                while (run + 1 < runCount && Read32(sc.Start + 8 + (int)(run + 1) * 12, sc) <= chunk) run++;
                var perChunk = runCount == 0 ? 0 : Read32(sc.Start + 8 + (int)run * 12 + 4, sc);
                var entry = co.Start + 8 + (int)(chunk - 1) * (wide ? 8 : 4);
                long offset = wide
                    ? (long)Read32(entry, co) << 32 | Read32(entry + 4, co)
                    : Read32(entry, co);
                long length = 0;
                for (uint i = 0; i < perChunk && sample < sampleCount; i++, sample++)
                    length += uniform != 0 ? uniform : Read32(sz.Start + 12 + (int)sample * 4, sz);
                if (offset < 0 || offset + length > file.Length) return BrokenMessage;
                file.AsSpan((int)offset, (int)length).Clear();
            }
            return null;
        }
        catch (FormatException)
        {
            return BrokenMessage;
        }
    }
}
