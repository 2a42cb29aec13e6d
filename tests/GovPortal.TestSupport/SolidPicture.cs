using SkiaSharp;

namespace GovPortal.Tests.Support;

/// <summary>A real picture of one colour, as a camera or a screenshot tool would upload it.</summary>
public static class SolidPicture
{
    public static byte[] Jpeg(int width, int height, SKColor? colour = null)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour ?? SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
