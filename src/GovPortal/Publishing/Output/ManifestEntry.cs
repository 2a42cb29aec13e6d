namespace GovPortal.Publishing.Output;

/// <summary>
/// One published file: its path under the public folder, its SHA-256 and size, and the page key that owns it.
/// </summary>
public sealed record ManifestEntry(
    string Path, FileHash Hash, long Size, DateTime ModifiedUtc, string Owner, string? DownloadName = null)
{
    /// <summary>
    /// The hash in hex, made on each call: for the database, journals and logs. Comparisons use <see cref="Hash"/>.
    /// </summary>
    public string Sha256 => Hash.ToString();
}
