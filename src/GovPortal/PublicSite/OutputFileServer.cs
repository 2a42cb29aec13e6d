using System.Globalization;
using GovPortal.Publishing.Output;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GovPortal.PublicSite;

/// <summary>
/// Serves the published output. Only files recorded in the manifest exist for the public: nothing else on disk
/// (temporary files, uploads, the database, a dropped-in script) can be reached. Handles ETag/Last-Modified
/// revalidation, precompressed brotli/gzip variants and the themed 404 page.
/// </summary>
public sealed class OutputFileServer(OutputStore store, ServedFileCache cache, ILogger<OutputFileServer> logger)
{
    public async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = PublicPathResolver.Resolve(request.Path.Value);
        var manifest = store.Manifest;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            // Published files are read-only; anything else does not exist.
            context.Response.StatusCode = path is not null && manifest.TryGet(path, out _)
                ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }
        if (path is not null && !manifest.TryGet(path, out _) && !path.EndsWith(".html", StringComparison.Ordinal)
            && manifest.TryGet(path + "/" + PublicPathResolver.IndexFile, out _))
        {
            // /xwzx/xcyw → /xwzx/xcyw/ so that relative links and the address bar agree.
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = request.PathBase + request.Path + "/" + request.QueryString;
            return;
        }
        if (path is null || !manifest.TryGet(path, out var entry) || IsVariant(path))
        {
            await ServeNotFoundAsync(context);
            return;
        }

        var (served, encoding) = ChooseVariant(request, manifest, entry);
        var headers = context.Response.Headers;
        var etag = new EntityTagHeaderValue($"\"{served.Sha256[..20]}\"");
        headers.ETag = etag.ToString();
        headers.LastModified = entry.ModifiedUtc.ToString("R", CultureInfo.InvariantCulture);
        headers.CacheControl = CacheControlFor(path);
        if (ContentTypes.IsCompressible(path)) headers.Vary = "Accept-Encoding";
        if (entry.DownloadName is { } downloadName)
        {
            headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = downloadName }.ToString();
        }

        if (IsNotModified(request, etag, entry.ModifiedUtc))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var content = await ReadAsync(served);
        if (content is null)
        {
            await ServeNotFoundAsync(context);
            return;
        }
        context.Response.ContentType = ContentTypes.For(path);
        if (encoding is not null) headers.ContentEncoding = encoding;
        context.Response.ContentLength = content.Length;
        if (HttpMethods.IsHead(request.Method)) return;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    private static bool IsVariant(string path) =>
        path.EndsWith(".gz", StringComparison.Ordinal) || path.EndsWith(".br", StringComparison.Ordinal);

    private static (ManifestEntry Entry, string? Encoding) ChooseVariant(HttpRequest request, Manifest manifest, ManifestEntry entry)
    {
        if (!ContentTypes.IsCompressible(entry.Path)) return (entry, null);
        var accepted = request.Headers.AcceptEncoding;
        if (Accepts(accepted, "br") && manifest.TryGet(entry.Path + ".br", out var brotli)) return (brotli, "br");
        if (Accepts(accepted, "gzip") && manifest.TryGet(entry.Path + ".gz", out var gzip)) return (gzip, "gzip");
        return (entry, null);
    }

    private static bool Accepts(StringValues acceptEncoding, string coding)
    {
        foreach (var header in acceptEncoding)
        {
            if (header is null) continue;
            foreach (var part in header.Split(','))
            {
                var item = part.Trim();
                var semicolon = item.IndexOf(';');
                var name = semicolon >= 0 ? item[..semicolon].Trim() : item;
                if (!name.Equals(coding, StringComparison.OrdinalIgnoreCase)) continue;
                // "br;q=0" means "not br".
                var quality = 1.0;
                if (semicolon >= 0 && item[(semicolon + 1)..].Trim() is { } parameter && parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && !double.TryParse(parameter[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out quality))
                    quality = 0;
                return quality > 0;
            }
        }
        return false;
    }

    private static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTime modifiedUtc)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch is { Count: > 0 })
            return ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));
        var ifModifiedSince = request.GetTypedHeaders().IfModifiedSince;
        return ifModifiedSince is { } since && new DateTimeOffset(modifiedUtc.Ticks - modifiedUtc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero) <= since;
    }

    private static string CacheControlFor(string path) =>
        path.StartsWith("assets/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable"
        : path.StartsWith("files/", StringComparison.Ordinal) ? "public, max-age=86400"
        : "public, max-age=60, must-revalidate";

    private async Task<byte[]?> ReadAsync(ManifestEntry entry)
    {
        if (cache.TryGet(entry, out var cached)) return cached;
        try
        {
            var content = await File.ReadAllBytesAsync(store.FullPathOf(entry.Path));
            cache.Add(entry, content);
            return content;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            logger.LogError("Published file {Path} is in the manifest but missing on disk", entry.Path);
            return null;
        }
    }

    public async Task ServeNotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.Headers.CacheControl = "no-cache";
        if (store.Manifest.TryGet("404.html", out var page) && await ReadAsync(page) is { } content)
        {
            context.Response.ContentType = ContentTypes.For("404.html");
            context.Response.ContentLength = content.Length;
            if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(content, context.RequestAborted);
            return;
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("页面未找到。");
    }
}
