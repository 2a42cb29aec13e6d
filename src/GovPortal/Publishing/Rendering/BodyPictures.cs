using System.Globalization;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GovPortal.Content.Uploads;

namespace GovPortal.Publishing.Rendering;

/// <summary>The size of one of an article's pictures as kept.</summary>
public sealed record PictureSize(int Width, int Height);

/// <summary>
/// The pictures and videos in an article's body. The body is stored as the sanitizer left it (only <c>src</c>,
/// <c>alt</c> and <c>title</c> on an image, <c>src</c> and <c>poster</c> on a video); the published page gets each of
/// the article's own pictures with its size, its smaller copies in <c>srcset</c> and lazy loading, each video with
/// the browser's controls and nothing loaded before play, and the staff preview gets them from the back office.
/// </summary>
public static class BodyPictures
{
    /// <summary>How wide a body picture is shown: the article column, or the whole screen on a phone.</summary>
    public const string Sizes = "(max-width: 960px) 100vw, 960px";

    /// <summary>
    /// The names of the article's own files the body shows: pictures (<c>/files/….jpg</c>), videos
    /// (<c>/files/….mp4</c>) and the videos' posters.
    /// </summary>
    public static IReadOnlySet<string> NamesIn(string bodyHtml)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!HasMedia(bodyHtml)) return names;
        var nodes = Parse(bodyHtml).OfType<IElement>().ToList();
        foreach (var image in nodes.SelectMany(ImagesIn))
            if (ArticlePictures.NameInAddress(image.GetAttribute("src") ?? "") is { } name)
                names.Add(name);
        foreach (var video in nodes.SelectMany(VideosIn))
        {
            if (ArticleVideos.NameInAddress(video.GetAttribute("src") ?? "") is { } name) names.Add(name);
            if (ArticlePictures.NameInAddress(video.GetAttribute("poster") ?? "") is { } poster) names.Add(poster);
        }
        return names;
    }

    /// <summary>
    /// The body as the public page shows it: every image loads lazily; each of <paramref name="pictures"/> (by name)
    /// also says its size, so the page does not jump as it loads, and offers its smaller copies.
    /// </summary>
    public static string Published(string bodyHtml, IReadOnlyDictionary<string, PictureSize> pictures)
    {
        if (!HasMedia(bodyHtml)) return bodyHtml;
        var nodes = Parse(bodyHtml);
        // A video plays only when the reader asks: nothing is downloaded before (a phone on a metered plan), and the
        // browser's own controls work with the keyboard and a screen reader.
        foreach (var video in nodes.OfType<IElement>().SelectMany(VideosIn))
        {
            video.SetAttribute("controls", "");
            video.SetAttribute("preload", "none");
            video.SetAttribute("playsinline", "");
        }
        foreach (var image in nodes.OfType<IElement>().SelectMany(ImagesIn))
        {
            image.SetAttribute("loading", "lazy");
            image.SetAttribute("decoding", "async");
            if (ArticlePictures.NameInAddress(image.GetAttribute("src") ?? "") is not { } name
                || !pictures.TryGetValue(name, out var size) || size.Width <= 0)
                continue;
            image.SetAttribute("width", size.Width.ToString(CultureInfo.InvariantCulture));
            image.SetAttribute("height", size.Height.ToString(CultureInfo.InvariantCulture));
            image.SetAttribute("srcset", ArticlePictures.Srcset(name, size.Width));
            image.SetAttribute("sizes", Sizes);
        }
        return Serialise(nodes);
    }

    /// <summary>The body for the staff preview: the article's pictures come from <paramref name="staffAddress"/>,
    /// since an unpublished picture is not on the public site yet.</summary>
    public static string Previewed(string bodyHtml, Func<string, string> staffAddress)
    {
        if (!HasMedia(bodyHtml)) return bodyHtml;
        var nodes = Parse(bodyHtml);
        foreach (var image in nodes.OfType<IElement>().SelectMany(ImagesIn))
            if (ArticlePictures.NameInAddress(image.GetAttribute("src") ?? "") is { } name)
                image.SetAttribute("src", staffAddress(name));
        foreach (var video in nodes.OfType<IElement>().SelectMany(VideosIn))
        {
            video.SetAttribute("controls", "");
            video.SetAttribute("preload", "none");
            if (ArticleVideos.NameInAddress(video.GetAttribute("src") ?? "") is { } name)
                video.SetAttribute("src", staffAddress(name));
            if (ArticlePictures.NameInAddress(video.GetAttribute("poster") ?? "") is { } poster)
                video.SetAttribute("poster", staffAddress(poster));
        }
        return Serialise(nodes);
    }

    public static bool HasImages(string html) => html.Contains("<img", StringComparison.OrdinalIgnoreCase);

    public static bool HasVideos(string html) => html.Contains("<video", StringComparison.OrdinalIgnoreCase);

    private static bool HasMedia(string html) => HasImages(html) || HasVideos(html);

    private static INodeList Parse(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument("");
        return parser.ParseFragment(html, document.Body!);
    }

    private static IEnumerable<IElement> ImagesIn(IElement element) =>
        element.LocalName == "img" ? [element] : element.QuerySelectorAll("img");

    private static IEnumerable<IElement> VideosIn(IElement element) =>
        element.LocalName == "video" ? [element] : element.QuerySelectorAll("video");

    private static string Serialise(INodeList nodes) => string.Concat(nodes.Select(n => n.ToHtml()));
}
