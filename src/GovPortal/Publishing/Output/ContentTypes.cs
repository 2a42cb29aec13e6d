namespace GovPortal.Publishing.Output;

/// <summary>Content types of the files the publisher writes, and which of them are worth precompressing.</summary>
public static class ContentTypes
{
    private static readonly Dictionary<string, (string Type, bool Compressible)> ByExtension =
        new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = ("text/html; charset=utf-8", true),
        [".xml"] = ("application/xml; charset=utf-8", true),
        [".css"] = ("text/css; charset=utf-8", true),
        [".js"] = ("text/javascript; charset=utf-8", true),
        [".svg"] = ("image/svg+xml", true),
        [".json"] = ("application/json; charset=utf-8", true),
        [".txt"] = ("text/plain; charset=utf-8", true),
        [".csv"] = ("text/csv; charset=utf-8", true),
        [".pdf"] = ("application/pdf", false),
        [".doc"] = ("application/msword", false),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
        [".xls"] = ("application/vnd.ms-excel", false),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false),
        [".ppt"] = ("application/vnd.ms-powerpoint", false),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", false),
        [".ofd"] = ("application/ofd", false),
        [".wps"] = ("application/vnd.ms-works", false),
        [".zip"] = ("application/zip", false),
        [".jpg"] = ("image/jpeg", false),
        [".png"] = ("image/png", false),
        [".gif"] = ("image/gif", false),
        [".mp4"] = ("video/mp4", false),
        [".ico"] = ("image/x-icon", false),
    };

    public static string For(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var known) ? known.Type : "application/octet-stream";

    public static bool IsCompressible(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var known) && known.Compressible;
}
