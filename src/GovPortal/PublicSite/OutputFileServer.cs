using System.IO.Compression;
using System.Text;
using GovPortal.PublicSite.Variants;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Tamper;
using GovPortal.Theme;
using Microsoft.Net.Http.Headers;

namespace GovPortal.PublicSite;

/// <summary>
/// Serves one site's published output. Only files recorded in the manifest exist for the public: nothing else on disk
/// (temporary files, uploads, the database, a dropped-in script) can be reached. Handles ETag/Last-Modified
/// revalidation, precompressed brotli/gzip variants and the themed 404 page. Every file read from disk passes the
/// tamper guard before it is sent or cached.
/// </summary>
public sealed class OutputFileServer(OutputStore store, ServedFileCache cache, TamperGuard guard,
    TamperGuardOptions guardOptions, VariantTransformer transformer, MourningCalendar mourning,
    WithdrawnPages withdrawn, OldAddresses oldAddresses, OutputWatcher watcher, ILogger<OutputFileServer> logger)
{
    // The cache is shared by every site of the node: a path is only unique within its site.
    private readonly string _cachePrefix = CacheKey(store.Layout.SiteCode, "");

    /// <summary>How <paramref name="path"/> of site <paramref name="siteCode"/> is known in the shared cache.</summary>
    public static string CacheKey(string siteCode, string path) => siteCode + ":" + path;

    public async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        // /elder/… and /zh-hant/… are the elder and Traditional forms of the page at the rest of the path.
        var (variant, standardPath) = VariantPaths.Split(request.Path.Value);
        if (variant != PageVariant.Standard && standardPath.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = request.PathBase + variant.Prefix() + "/" + request.QueryString;
            return;
        }
        var path = PublicPathResolver.Resolve(standardPath);
        var manifest = store.Manifest;
        ManifestEntry? entry = null;
        // Only pages have forms; theme files, attachments and feeds are linked at their one address.
        if (path is not null && !IsVariant(path) && (variant == PageVariant.Standard || IsPage(path)))
            manifest.TryGet(path, out entry);

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            // Published files are read-only; anything else does not exist.
            context.Response.StatusCode = entry is not null
                ? StatusCodes.Status405MethodNotAllowed
                : StatusCodes.Status404NotFound;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }
        if (entry is null)
        {
            // A file in the output that nobody published: never served, and out of reach from now on.
            if (variant == PageVariant.Standard && guardOptions.Enabled && path is not null && !store.IsPublishing
                && File.Exists(store.FullPathOf(path)))
                guard.Quarantine(path);
            if (path is not null && !IsPage(path) && manifest.TryGet(path + "/" + PublicPathResolver.IndexFile, out _))
            {
                // /xwzx/xcyw → /xwzx/xcyw/ so that relative links and the address bar agree.
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = request.PathBase + request.Path + "/" + request.QueryString;
                return;
            }
            // An address of the site's old system (迁移) leads to the article's new one, in the same form.
            if (path is not null && oldAddresses.NewAddressOf(path) is { } moved)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = request.PathBase
                    + (variant == PageVariant.Standard ? "" : variant.Prefix()) + moved;
                return;
            }
            if (path is not null && withdrawn.Contains(path))
                await ServeNoticeAsync(context, variant, StatusCodes.Status410Gone, OutputLayout.GonePage, "此文章已撤稿。");
            else
                await ServeNotFoundAsync(context, variant);
            return;
        }
        await SendAsync(context, await GetPageOrFileAsync(manifest, entry, variant, request));
    }

    private static bool IsPage(string path) => path.EndsWith(".html", StringComparison.Ordinal);

    /// <summary>
    /// A published file as it is, or, for the elder and Traditional forms and on a day of mourning, the page made from
    /// its genuine bytes.
    /// </summary>
    private async Task<ServedFile?> GetPageOrFileAsync(Manifest manifest, ManifestEntry entry, PageVariant variant,
        HttpRequest request)
    {
        var grey = IsPage(entry.Path) && mourning.IsMourningToday();
        return variant == PageVariant.Standard && !grey
            ? await GetAsync(manifest, entry, request)
            : GetForm(entry, variant, grey, request);
    }

    private async Task SendAsync(HttpContext context, ServedFile? file)
    {
        var request = context.Request;
        if (file is null)
        {
            // Neither the file nor its true version can be had: refuse rather than send anything unverified.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync("页面暂时无法访问，网站管理员已收到通知，请稍后再试。");
            return;
        }
        var headers = context.Response.Headers;
        if (file.MatchesManifest)
        {
            headers.ETag = file.ETagHeader;
            headers.LastModified = file.LastModified;
            headers.CacheControl = file.CacheControl;
        }
        else headers.CacheControl = "no-store";
        if (file.VaryByEncoding) headers.Vary = "Accept-Encoding";
        if (file.ContentDisposition.Count > 0) headers.ContentDisposition = file.ContentDisposition;

        if (file.MatchesManifest && IsNotModified(request, file))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = file.ContentType;
        if (file.ContentEncoding.Count > 0) headers.ContentEncoding = file.ContentEncoding;
        var (outcome, start, length) = (RangeOutcome.Whole, 0L, (long)file.Content.Length);
        // Parts only of a verified file as stored: a compressed variant or a page made on request is sent whole.
        if (file.MatchesManifest && file.ContentEncoding.Count == 0)
        {
            headers.AcceptRanges = "bytes";
            (outcome, start, length) = ByteRanges.Choose(request, file);
        }
        if (outcome == RangeOutcome.Unsatisfiable)
        {
            context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            headers.ContentRange = $"bytes */{file.Content.Length}";
            context.Response.ContentLength = 0;
            return;
        }
        if (outcome == RangeOutcome.Part)
        {
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            headers.ContentRange = $"bytes {start}-{start + length - 1}/{file.Content.Length}";
        }
        context.Response.ContentLength = length;
        if (HttpMethods.IsHead(request.Method)) return;
        await context.Response.Body.WriteAsync(file.Content.AsMemory((int)start, (int)length), context.RequestAborted);
    }

    private static bool IsVariant(string path) => FileForms.Of(path, out _) != FileForm.File;

    /// <summary>
    /// The variant the client accepts (brotli, gzip or identity), from memory, or read from disk and checked by the
    /// tamper guard; null when no genuine version exists.
    /// </summary>
    private async Task<ServedFile?> GetAsync(Manifest manifest, ManifestEntry entry, HttpRequest request)
    {
        var (variant, encoding) = ChooseVariant(request, manifest, entry);
        if (cache.TryGet(_cachePrefix + variant.Path, variant.Hash, out var cached))
        {
            if (StillOnDisk(cached)) return cached;
            cache.Invalidate(_cachePrefix + variant.Path);
        }
        var generation = watcher.Generation;
        var (content, cacheable) = Read(variant);
        if (content is null && !ReferenceEquals(variant, entry))
        {
            // A compressed variant that cannot be had: the original, uncompressed, is just as true.
            variant = entry;
            encoding = null;
            (content, cacheable) = Read(entry);
        }
        if (content is null)
        {
            logger.LogError("Published file {Path} cannot be served: missing on disk and no true version",
                variant.Path);
            return null;
        }
        var fullPath = store.FullPathOf(variant.Path);
        // The stamp is taken after the check, which may have put the true file back.
        var file = new ServedFile(entry, variant, encoding, content, fullPath, FileStamp.Of(fullPath), cacheable);
        file.Proved(generation);
        if (cacheable) cache.Add(_cachePrefix + variant.Path, file);
        return file;
    }

    /// <summary>
    /// Whether the file behind bytes held in memory is still as it was when they were proved. Nothing changed in the
    /// output since then (the watcher's generation): yes, without a look at the disk. Otherwise one statx call; a file
    /// changed on disk is then read and checked again now, in the request that finds the change.
    /// </summary>
    private bool StillOnDisk(ServedFile cached)
    {
        if (!guardOptions.Enabled) return true;
        var generation = watcher.Generation;
        if (watcher.Watching && cached.ProvedAtGeneration == generation) return true;
        if (FileStamp.Of(cached.NativePath) != cached.Stamp) return false;
        cached.Proved(generation);
        return true;
    }

    /// <summary>
    /// A page's elder or Traditional form in the encoding the client accepts, from memory, or made from the genuine
    /// standard page (read and checked as any other request would) and kept, keyed by the standard page's version.
    /// </summary>
    private ServedFile? GetForm(ManifestEntry entry, PageVariant variant, bool grey, HttpRequest request)
    {
        var accepted = request.Headers.AcceptEncoding;
        var encoding = accepted.Count == 0 ? null
            : AcceptEncoding.Accepts(accepted, "br") ? "br"
            : AcceptEncoding.Accepts(accepted, "gzip") ? "gzip" : null;
        var formPath = (variant == PageVariant.Standard ? "" : variant.Prefix().TrimStart('/') + "/") + entry.Path;
        // One ETag per standard version, form, day kind, encoding and transformer:
        // the same bytes always get the same tag.
        var tag = FileHash.Of(Encoding.UTF8.GetBytes(
            $"{entry.Sha256}|{formPath}|{grey}|{encoding}|{VariantTransformer.Version}"));
        var key = _cachePrefix + formPath + "#" + encoding + (grey ? "#mourning" : "");
        if (cache.TryGet(key, tag, out var cached))
        {
            if (StillOnDisk(cached)) return cached;
            cache.Invalidate(key);
        }
        var generation = watcher.Generation;
        var (content, cacheable) = Read(entry);
        if (content is null)
        {
            logger.LogError("Published file {Path} cannot be served: missing on disk and no true version", entry.Path);
            return null;
        }
        var form = Encoding.UTF8.GetBytes(transformer.Transform(Encoding.UTF8.GetString(content), variant, grey));
        var body = encoding switch
        {
            "br" => Compress(form, s => new BrotliStream(s, CompressionLevel.Fastest)),
            "gzip" => Compress(form, s => new GZipStream(s, CompressionLevel.Optimal)),
            _ => form,
        };
        var fullPath = store.FullPathOf(entry.Path);
        // The stamp is the standard file's: if it changes on disk, the form is made again from checked bytes.
        var file = new ServedFile(entry with { Path = formPath }, entry with { Path = formPath, Hash = tag },
            encoding, body, fullPath, FileStamp.Of(fullPath), cacheable);
        file.Proved(generation);
        if (cacheable) cache.Add(key, file);
        return file;
    }

    private static byte[] Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var stream = compressor(buffer)) stream.Write(content);
        return buffer.ToArray();
    }

    private (byte[]? Content, bool Cacheable) Read(ManifestEntry variant)
    {
        var onDisk = store.ReadForCheck(variant);
        if (guardOptions.Enabled) return guard.Check(variant, onDisk);
        return (onDisk == OutputStore.Unreadable ? null : onDisk, true);
    }

    private static (ManifestEntry Entry, string? Encoding) ChooseVariant(HttpRequest request, Manifest manifest,
        ManifestEntry entry)
    {
        if (!ContentTypes.IsCompressible(entry.Path)) return (entry, null);
        var accepted = request.Headers.AcceptEncoding;
        if (accepted.Count == 0) return (entry, null);
        if (AcceptEncoding.Accepts(accepted, "br")
            && manifest.TryGet(FileForms.PathOf(entry.Path, FileForm.Brotli), out var brotli))
            return (brotli, "br");
        if (AcceptEncoding.Accepts(accepted, "gzip")
            && manifest.TryGet(FileForms.PathOf(entry.Path, FileForm.Gzip), out var gzip))
            return (gzip, "gzip");
        return (entry, null);
    }

    private static bool IsNotModified(HttpRequest request, ServedFile file)
    {
        var requestHeaders = request.Headers;
        if (requestHeaders.IfNoneMatch.Count > 0)
        {
            var candidates = request.GetTypedHeaders().IfNoneMatch;
            return candidates.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any)
                || candidate.Compare(file.ETag, useStrongComparison: false));
        }
        if (requestHeaders.IfModifiedSince.Count == 0) return false;
        var since = request.GetTypedHeaders().IfModifiedSince;
        var modified = file.ModifiedUtc.Ticks - file.ModifiedUtc.Ticks % TimeSpan.TicksPerSecond;
        return since is { } s && new DateTimeOffset(modified, TimeSpan.Zero) <= s;
    }

    public Task ServeNotFoundAsync(HttpContext context, PageVariant variant = PageVariant.Standard) =>
        ServeNoticeAsync(context, variant, StatusCodes.Status404NotFound, OutputLayout.NotFoundPage, "页面未找到。");

    private async Task ServeNoticeAsync(HttpContext context, PageVariant variant, int status, string noticePage,
        string fallback)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-cache";
        var manifest = store.Manifest;
        ServedFile? file = null;
        if (manifest.TryGet(noticePage, out var page))
            file = await GetPageOrFileAsync(manifest, page, variant, context.Request);
        if (file is not null)
        {
            context.Response.ContentType = file.ContentType;
            if (file.ContentEncoding.Count > 0) context.Response.Headers.ContentEncoding = file.ContentEncoding;
            context.Response.Headers.Vary = "Accept-Encoding";
            context.Response.ContentLength = file.Content.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
                await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
            return;
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(fallback);
    }
}
