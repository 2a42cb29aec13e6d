using SkiaSharp;

namespace GovPortal.Content.Uploads;

/// <summary>An uploaded picture as it is kept: decoded and encoded again, so only its pixels remain.</summary>
/// <param name="Extension">"jpg" or "png" (a GIF is kept as a PNG of its first frame).</param>
public sealed record ReencodedImage(byte[] Bytes, string Extension, int Width, int Height);

/// <summary>
/// Every uploaded picture is decoded and encoded anew (SkiaSharp, MIT): what a camera or a tool hid in the file goes
/// with it (EXIF with the GPS position of a staff photo, comments, appended archives, a script in a chunk), the
/// camera's rotation is applied to the pixels before the EXIF that says it is dropped, and a picture wider than
/// <see cref="MaxWidth"/> is scaled down. The smaller copies for <c>srcset</c> are made from the kept picture.
/// </summary>
public static class ImageReencoder
{
    /// <summary>The widest picture kept: wider than any screen a page is read on at full width.</summary>
    public const int MaxWidth = 1920;

    /// <summary>
    /// Refused before decoding: a small file can declare a picture that needs gigabytes of memory (a decompression
    /// bomb). 50 million pixels holds a 48-megapixel phone photo (8,000 × 6,000); decoded, it takes 200 MB.
    /// </summary>
    public const long MaxPixels = 50_000_000;

    // At most two pictures are decoded at once, whatever arrives together (three on each letter, twenty on an
    // article form): the memory a burst of uploads takes stays bounded.
    private static readonly SemaphoreSlim Decoding = new(2);

    /// <summary>The widths of the smaller copies, each made only when the picture is wider.</summary>
    public static readonly int[] SmallerWidths = [480, 960];

    private const int JpegQuality = 85;

    /// <returns>The picture encoded anew, or a message in Chinese saying why it cannot be used.</returns>
    public static (ReencodedImage? Image, string? Error) Reencode(string displayName, string extension, byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return (null, $"图片“{displayName}”无法识别（文件可能已损坏），未上传。");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
            return (null, $"图片“{displayName}”的尺寸为 {width}×{height} 像素，超过了 {MaxPixels / 10_000} 万像素的限制，"
                + "请缩小后再上传。");
        Decoding.Wait();
        try
        {
            return Decoded(codec, displayName, extension);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or OutOfMemoryException)
        {
            return (null, $"图片“{displayName}”无法处理（可能已损坏或过大），未上传。");
        }
        finally
        {
            Decoding.Release();
        }
    }

    // Each step frees the picture before it as soon as the next one exists: at most two full-size copies at once.
    private static (ReencodedImage? Image, string? Error) Decoded(SKCodec codec, string displayName,
        string extension)
    {
        var info = codec.Info.WithColorType(SKImageInfo.PlatformColorType)
            .WithAlphaType(codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var picture = new SKBitmap(info);
        try
        {
            var result = codec.GetPixels(info, picture.GetPixels());
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
                return (null, $"图片“{displayName}”无法解码（文件可能已损坏），未上传。");
            if (codec.EncodedOrigin is not (SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default))
                picture = Replace(picture, Upright(picture, codec.EncodedOrigin));
            if (picture.Width > MaxWidth) picture = Replace(picture, Scaled(picture, MaxWidth));
            var keptExtension = extension == "jpg" ? "jpg" : "png";
            return (new ReencodedImage(Encode(picture, keptExtension), keptExtension, picture.Width, picture.Height),
                null);
        }
        finally
        {
            picture.Dispose();
        }
    }

    private static SKBitmap Replace(SKBitmap old, SKBitmap next)
    {
        old.Dispose();
        return next;
    }

    /// <summary>
    /// The copies of a kept picture, by width (<see cref="ArticlePictures.CopyWidths"/>): a copy no narrower than
    /// the picture (the thumbnail of a small one) is the picture itself.
    /// </summary>
    public static IReadOnlyList<(int Width, byte[] Bytes)> SmallerCopies(byte[] kept, string extension)
    {
        using var picture = SKBitmap.Decode(kept)
            ?? throw new InvalidDataException("A kept picture could not be decoded.");
        return ArticlePictures.CopyWidths(picture.Width)
            .Select(w =>
            {
                if (w >= picture.Width) return (w, kept);
                using var smaller = Scaled(picture, w);
                return (w, Encode(smaller, extension));
            })
            .ToList();
    }

    private static SKBitmap Scaled(SKBitmap source, int width)
    {
        var height = Math.Max(1, (int)Math.Round((double)source.Height * width / source.Width));
        return source.Resize(new SKImageInfo(width, height, source.ColorType, source.AlphaType),
            new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("A picture could not be scaled.");
    }

    private static byte[] Encode(SKBitmap bitmap, string extension)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = extension == "jpg"
            ? image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality)
            : image.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    /// <summary>The pixels turned the way the camera said (EXIF orientation), since that note is not kept.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom
            or SKEncodedOrigin.LeftBottom;
        var (w, h) = swaps ? (source.Height, source.Width) : (source.Width, source.Height);
        var turned = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(turned);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(OriginMatrix(origin, source.Width, source.Height));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return turned;
    }

    // Maps the stored pixels onto the upright picture; the EXIF names where row 0 and column 0 of the stored
    // picture belong.
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
