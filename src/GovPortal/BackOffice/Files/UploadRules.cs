using System.IO.Compression;
using System.Text;
using GovPortal.Content.Uploads;

namespace GovPortal.BackOffice.Files;

/// <summary>An upload that passed <see cref="UploadRules.Accept"/>, as it is stored.</summary>
/// <param name="Width">The picture's width in pixels; 0 for a document.</param>
public sealed record AcceptedUpload(string DisplayName, string Extension, byte[] Content, int Width, int Height)
{
    public string ContentType => UploadRules.ContentTypes[Extension];
}

/// <summary>
/// What may be attached to an article: an allowlist of extensions, contents that really are what the extension says
/// (magic bytes, and the main part inside Office and OFD packages), and a size limit.
/// </summary>
public static class UploadRules
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["pdf"] = "application/pdf",
        ["doc"] = "application/msword",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xls"] = "application/vnd.ms-excel",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["ppt"] = "application/vnd.ms-powerpoint",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["ofd"] = "application/ofd",
        ["wps"] = "application/vnd.ms-works",
        ["zip"] = "application/zip",
        ["jpg"] = "image/jpeg",
        ["png"] = "image/png",
        ["gif"] = "image/gif",
        ["mp4"] = "video/mp4",
    };

    public static string AllowedList => string.Join("、", ContentTypes.Keys);

    public static bool IsImage(string extension) => extension is "jpg" or "png" or "gif";

    /// <summary>
    /// <see cref="Check"/>, then a picture is encoded anew (<see cref="ImageReencoder"/>): what is kept is only its
    /// pixels, upright and at most <see cref="ImageReencoder.MaxWidth"/> wide; a video loses its metadata boxes
    /// (<see cref="Mp4Metadata"/>: the place it was shot). Every upload that is stored goes through here.
    /// </summary>
    public static (AcceptedUpload? File, string? Error) Accept(string originalName, byte[] content)
    {
        var (name, extension, error) = Check(originalName, content);
        if (error is not null) return (null, error);
        if (ArticleVideos.IsVideo(extension!))
            return Mp4Metadata.Strip(content) is { Content: { } video }
                ? (new AcceptedUpload(name!, extension!, video, 0, 0), null)
                : (null, $"文件“{name}”{Mp4Metadata.BrokenMessage}，未上传。请重新导出视频后再上传。");
        if (!IsImage(extension!)) return (new AcceptedUpload(name!, extension!, content, 0, 0), null);
        var (image, imageError) = ImageReencoder.Reencode(name!, extension!, content);
        if (image is null) return (null, imageError);
        // A GIF is kept as a PNG: its name says so, so the download opens as what it is.
        var keptName = image.Extension == extension ? name! : Path.ChangeExtension(name!, image.Extension);
        return (new AcceptedUpload(keptName, image.Extension, image.Bytes, image.Width, image.Height), null);
    }

    /// <returns>The cleaned display name and extension, or a message in Chinese saying why the file is
    /// refused.</returns>
    public static (string? DisplayName, string? Extension, string? Error) Check(string originalName, byte[] content)
    {
        var name = CleanName(originalName);
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 ? name[(dot + 1)..].ToLowerInvariant() : "";
        if (extension == "jpeg") extension = "jpg";
        if (!ContentTypes.ContainsKey(extension))
            return (null, null, $"文件“{name}”的类型不允许上传。允许的类型：{AllowedList}。");
        if (content.Length == 0) return (null, null, $"文件“{name}”是空文件。");
        if (content.Length > MaxBytes) return (null, null, $"文件“{name}”超过了 {MaxBytes / 1024 / 1024} MB 的大小限制。");
        if (!ContentMatches(extension, content))
            return (null, null, $"文件“{name}”的内容与扩展名 .{extension} 不符（可能是改了扩展名的其他文件），未上传。");
        if (extension is "docx" or "xlsx" or "pptx" or "ofd" or "zip" && UnpacksTooLarge(content))
            return (null, null, $"文件“{name}”解压后的内容异常庞大（超过 {MaxUnpackedBytes / 1024 / 1024} MB，或压缩比超过 "
                + $"{MaxRatio}:1），可能是特意构造的压缩炸弹，未上传。如确为正常文件，请拆分或转为 PDF 后再上传。");
        return (name, extension, null);
    }

    /// <summary>
    /// The name shown to readers: no folders, no control characters, no invisible format characters, at most 100
    /// characters. Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F,
    /// U+061C), zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and every other format character (Unicode
    /// category Cf) go: "report\u202Efdp.zip" would show as "reportpiz.pdf" and pass for a PDF.
    /// </summary>
    public static string CleanName(string originalName)
    {
        var name = originalName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && !IsInvisible(c)
            && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim().Trim('.');
        if (name.Length > 100)
        {
            var dot = name.LastIndexOf('.');
            var extension = dot > 0 && name.Length - dot <= 6 ? name[dot..] : "";
            name = name[..(100 - extension.Length)] + extension;
        }
        return name.Length == 0 ? "未命名" : name;
    }

    // Format characters (bidi controls, zero-width characters), line and paragraph separators, and the blank letters
    // that show as nothing (Hangul fillers, the Mongolian vowel separator): no file name needs them.
    private static bool IsInvisible(char c) => char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
        or System.Globalization.UnicodeCategory.ParagraphSeparator
        || c == '\u180E' || c == '\u3164' || c == '\u115F' || c == '\u1160' || c == '\uFFA0';

    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static bool ContentMatches(string extension, byte[] content) => extension switch
    {
        "pdf" => StartsWith(content, "%PDF-"u8),
        "doc" or "xls" or "ppt" or "wps" => StartsWith(content, Ole),
        "docx" => ZipHas(content, entry => entry.StartsWith("word/", StringComparison.Ordinal)),
        "xlsx" => ZipHas(content, entry => entry.StartsWith("xl/", StringComparison.Ordinal)),
        "pptx" => ZipHas(content, entry => entry.StartsWith("ppt/", StringComparison.Ordinal)),
        "ofd" => ZipHas(content, entry => entry.Equals("OFD.xml", StringComparison.OrdinalIgnoreCase)),
        "zip" => ZipHas(content, _ => true) || StartsWith(content, "PK\x05\x06"u8),
        "jpg" => StartsWith(content, [0xFF, 0xD8, 0xFF]),
        "png" => StartsWith(content, Png),
        "gif" => StartsWith(content, "GIF87a"u8) || StartsWith(content, "GIF89a"u8),
        // An MP4 (ISO base media) file opens with its size and a 'ftyp' box naming its brand.
        "mp4" => content.Length >= 12 && content.AsSpan(4, 4).SequenceEqual("ftyp"u8),
        _ => false,
    };

    /// <summary>The most a zip-based file may unpack to, all parts together.</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The most one part of a zip-based file may grow when unpacked (parts over a megabyte). Office XML packs 5 to 30
    /// times, a repetitive table rarely past 60; a part built to exhaust memory packs hundreds or thousands of times.
    /// </summary>
    public const int MaxRatio = 100;

    private const int MaxEntries = 10_000;

    /// <summary>
    /// From the sizes the package declares; reading an entry (ZipArchive, and Open XML on top of it) stops at its
    /// declared size, so a package cannot unpack to more than it declares here.
    /// </summary>
    private static bool UnpacksTooLarge(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read, leaveOpen: false,
                Encoding.UTF8);
            if (zip.Entries.Count > MaxEntries) return true;
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUnpackedBytes) return true;
                if (entry.Length > 1024 * 1024 && entry.Length > (long)MaxRatio * Math.Max(entry.CompressedLength, 1))
                    return true;
            }
            return false;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> prefix) => content.AsSpan().StartsWith(prefix);

    private static bool ZipHas(byte[] content, Func<string, bool> entryMatches)
    {
        if (!StartsWith(content, "PK\x03\x04"u8)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read, leaveOpen: false,
                Encoding.UTF8);
            return zip.Entries.Any(e => entryMatches(e.FullName));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
