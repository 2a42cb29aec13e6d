using System.Globalization;
using GovPortal.Publishing.Output;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GovPortal.PublicSite;

/// <summary>A published file ready to send: its bytes and every response header, computed once per version.</summary>
public sealed class ServedFile
{
    /// <param name="matchesManifest">
    /// False for bytes that are not exactly <paramref name="variant"/>'s version (a publish in progress): they are
    /// sent without validators and not stored by caches, so nothing keeps them under the wrong ETag.
    /// </param>
    public ServedFile(ManifestEntry original, ManifestEntry variant, string? encoding, byte[] content, string fullPath,
        FileStamp? stamp, bool matchesManifest = true)
    {
        MatchesManifest = matchesManifest;
        FullPath = fullPath;
        NativePath = FileStamp.NativePath(fullPath);
        Stamp = stamp;
        Hash = variant.Hash;
        Content = content;
        ETag = new EntityTagHeaderValue($"\"{variant.Sha256[..20]}\"");
        ETagHeader = ETag.ToString();
        ModifiedUtc = original.ModifiedUtc;
        LastModified = original.ModifiedUtc.ToString("R", CultureInfo.InvariantCulture);
        CacheControl = CacheControlFor(original.Path);
        ContentType = ContentTypes.For(original.Path);
        ContentEncoding = encoding is null ? StringValues.Empty : new StringValues(encoding);
        VaryByEncoding = ContentTypes.IsCompressible(original.Path);
        ContentDisposition = original.DownloadName is { } name
            ? new ContentDispositionHeaderValue("attachment") { FileNameStar = name }.ToString()
            : StringValues.Empty;
    }

    /// <summary>Where the file is on disk, and its size and time when it was read and proved genuine.</summary>
    public string FullPath { get; }
    public byte[] NativePath { get; }
    public FileStamp? Stamp { get; }

    private long _provedAtGeneration = -1;

    /// <summary>The output watcher's generation when these bytes were last proved to be what is on disk.</summary>
    public long ProvedAtGeneration => Interlocked.Read(ref _provedAtGeneration);

    public void Proved(long generation) => Interlocked.Exchange(ref _provedAtGeneration, generation);

    public bool MatchesManifest { get; }
    public FileHash Hash { get; }
    public byte[] Content { get; }
    public EntityTagHeaderValue ETag { get; }
    public StringValues ETagHeader { get; }
    public DateTime ModifiedUtc { get; }
    public StringValues LastModified { get; }
    public StringValues CacheControl { get; }
    public StringValues ContentType { get; }
    public StringValues ContentEncoding { get; }
    public bool VaryByEncoding { get; }
    public StringValues ContentDisposition { get; }

    private static readonly StringValues Immutable = "public, max-age=31536000, immutable";
    private static readonly StringValues Revalidate = "public, no-cache";

    // Theme assets carry their hash in the name and never change. Everything else — pages and attachments — may be
    // withdrawn or corrected at any moment and must be gone at the reader's next request: a browser or proxy keeps
    // it but asks every time, which costs a 304 with the ETag.
    private static StringValues CacheControlFor(string path) =>
        path.StartsWith("assets/", StringComparison.Ordinal) ? Immutable : Revalidate;
}
