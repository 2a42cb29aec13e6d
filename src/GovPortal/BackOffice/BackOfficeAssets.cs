namespace GovPortal.BackOffice;

/// <summary>
/// The back office's stylesheet and script (embedded) and the rich-text editor (bundled from npm by the build).
/// </summary>
public static class BackOfficeAssets
{
    private static readonly Dictionary<string, (string ContentType, Func<byte[]?> Read)> Files =
        new(StringComparer.Ordinal)
    {
        ["admin.css"] = ("text/css; charset=utf-8", () => Embedded("admin.css")),
        ["admin.js"] = ("text/javascript; charset=utf-8", () => Embedded("admin.js")),
        ["editor.js"] = ("text/javascript; charset=utf-8", () => FromDisk("editor.js")),
    };

    private static readonly Dictionary<string, byte[]?> Loaded = new(StringComparer.Ordinal);

    public static void MapBackOfficeAssets(this RouteGroupBuilder group)
    {
        group.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file)) return Results.NotFound();
            byte[]? content;
            lock (Loaded)
                if (!Loaded.TryGetValue(name, out content)) Loaded[name] = content = file.Read();
            if (content is null) return Results.NotFound();
            context.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Bytes(content, file.ContentType);
        }).AllowAnonymous();
    }

    /// <summary>
    /// Whether the editor was installed with the build; without it the body field stays a plain text area.
    /// </summary>
    public static bool EditorInstalled => File.Exists(Path.Combine(AppContext.BaseDirectory, "editor", "editor.js"));

    private static byte[]? Embedded(string name)
    {
        using var stream = typeof(BackOfficeAssets).Assembly.GetManifestResourceStream("GovPortal.BackOffice." + name);
        if (stream is null) return null;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static byte[]? FromDisk(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "editor", name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }
}
