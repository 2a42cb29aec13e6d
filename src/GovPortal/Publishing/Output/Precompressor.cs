using System.IO.Compression;

namespace GovPortal.Publishing.Output;

/// <summary>Makes the gzip and brotli variants served to clients that accept them, once, at publish time.</summary>
public static class Precompressor
{
    // Brotli quality 5 and gzip level 6: most of the size gain at a small fraction of the cost of maximum settings.
    private const int BrotliQuality = 5;
    private const int BrotliWindow = 22;
    private const int GzipLevel = 6;

    public static byte[] Gzip(ReadOnlySpan<byte> content)
    {
        using var buffer = new MemoryStream(content.Length / 3 + 64);
        using (var gzip = new GZipStream(buffer, new ZLibCompressionOptions { CompressionLevel = GzipLevel },
                   leaveOpen: true))
            gzip.Write(content);
        return buffer.ToArray();
    }

    public static byte[] Brotli(ReadOnlySpan<byte> content)
    {
        var destination = new byte[BrotliEncoder.GetMaxCompressedLength(content.Length)];
        if (!BrotliEncoder.TryCompress(content, destination, out var written, BrotliQuality, BrotliWindow))
            throw new InvalidOperationException("Brotli compression failed.");
        return destination.AsSpan(0, written).ToArray();
    }

    public static byte[] Unbrotli(byte[] compressed)
    {
        using var input = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 4);
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A variant is kept only when it saves something worth a separate file.</summary>
    public static bool WorthKeeping(int original, int compressed) => compressed < original * 0.9;
}
