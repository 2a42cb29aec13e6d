namespace GovPortal.Publishing.Output;

/// <summary>
/// One published file: its path under the public folder, its SHA-256 (hex) and size, and the page key that owns it.
/// </summary>
public sealed record ManifestEntry(
    string Path, string Sha256, long Size, DateTime ModifiedUtc, string Owner, string? DownloadName = null);
