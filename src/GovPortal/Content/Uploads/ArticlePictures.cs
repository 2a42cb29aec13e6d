using System.Globalization;
using System.Text.RegularExpressions;

namespace GovPortal.Content.Uploads;

/// <summary>
/// Where an article's pictures are published and how its body and its 题图 name them. A picture is named by its
/// stored file name and extension ("3f…9a.jpg"): the body refers to it as <c>/files/3f…9a.jpg</c>, the 题图 column
/// holds the name alone, and its smaller copies are published beside it as <c>/files/3f…9a-480.jpg</c>.
/// </summary>
public static partial class ArticlePictures
{
    /// <summary>The width of the copy lists and blocks show as a thumbnail (made for every picture).</summary>
    public const int ThumbnailWidth = 480;

    /// <summary>The longest a 题图 value is: 32 hex digits, a dot and an extension.</summary>
    public const int MaxNameLength = 40;

    [GeneratedRegex("^(?<stored>[0-9a-f]{32})\\.(?<ext>jpg|png)$")]
    private static partial Regex PictureName();

    [GeneratedRegex("^/files/(?<name>[0-9a-f]{32}\\.(jpg|png))$")]
    private static partial Regex PictureAddress();

    public static string NameOf(string storedName, string extension) => $"{storedName}.{extension}";

    /// <summary>Whether <paramref name="name"/> is the form of a picture's name (not whether it exists).</summary>
    public static bool IsPictureName(string name) => PictureName().IsMatch(name);

    /// <summary>The picture's name in a body address (<c>/files/….jpg</c>), or null for any other address.</summary>
    public static string? NameInAddress(string address) =>
        PictureAddress().Match(address) is { Success: true } m ? m.Groups["name"].Value : null;

    public static string Address(string name) => "/files/" + name;

    /// <summary>The address of a smaller copy: "/files/3f…9a-480.jpg".</summary>
    public static string SmallerAddress(string name, int width)
    {
        var match = PictureName().Match(name);
        if (!match.Success) throw new ArgumentException("Not a picture name.", nameof(name));
        return $"/files/{match.Groups["stored"].Value}-{width.ToString(CultureInfo.InvariantCulture)}." +
            match.Groups["ext"].Value;
    }

    /// <summary>
    /// The <c>srcset</c> of a picture <paramref name="width"/> pixels wide: its smaller copies and itself, by width.
    /// </summary>
    public static string Srcset(string name, int width) =>
        string.Join(", ", ImageReencoder.SmallerWidths.Where(w => w < width)
            .Select(w => $"{SmallerAddress(name, w)} {w.ToString(CultureInfo.InvariantCulture)}w")
            .Append($"{Address(name)} {width.ToString(CultureInfo.InvariantCulture)}w"));

    /// <summary>The thumbnail of a 题图, or "" when there is none.</summary>
    public static string Thumbnail(string leadImage) =>
        IsPictureName(leadImage) ? SmallerAddress(leadImage, ThumbnailWidth) : "";

    /// <summary>
    /// The widths of the copies published for a picture <paramref name="width"/> pixels wide: the thumbnail always,
    /// the <c>srcset</c> sizes below its own width.
    /// </summary>
    public static IEnumerable<int> CopyWidths(int width) =>
        ImageReencoder.SmallerWidths.Where(w => w < width || w == ThumbnailWidth);
}
