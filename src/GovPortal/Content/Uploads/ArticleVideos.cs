using System.Text.RegularExpressions;

namespace GovPortal.Content.Uploads;

/// <summary>
/// An article's videos (mp4), shown in the body with a poster picture and a 文字说明. Like a picture, a video is named
/// by its stored file name ("3f…9a.mp4") and published at <c>/files/3f…9a.mp4</c>. A video is not re-encoded (there is
/// no well-kept video library for .NET that runs without a native toolchain); it is checked to be an MP4 container,
/// served with its own content type and <c>nosniff</c>, and never shown by anything but a video element.
/// </summary>
public static partial class ArticleVideos
{
    public const string Extension = "mp4";

    [GeneratedRegex("^[0-9a-f]{32}\\.mp4$")]
    private static partial Regex VideoName();

    [GeneratedRegex("^/files/(?<name>[0-9a-f]{32}\\.mp4)$")]
    private static partial Regex VideoAddress();

    public static bool IsVideo(string extension) => extension == Extension;

    public static string NameOf(string storedName) => $"{storedName}.{Extension}";

    public static bool IsVideoName(string name) => VideoName().IsMatch(name);

    /// <summary>The video's name in a body address (<c>/files/….mp4</c>), or null for any other address.</summary>
    public static string? NameInAddress(string address) =>
        VideoAddress().Match(address) is { Success: true } m ? m.Groups["name"].Value : null;
}
